package org.jykka.threading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jykka.Actor;
import org.jykka.ActorRef;
import org.jykka.DeadLetter;
import org.jykka.DeadLetters;
import org.jykka.Termination;
import org.jykka.Timers;
import org.jykka.testkit.ActorTestSupport;
import org.jykka.testkit.EachRuntime;
import org.jykka.testkit.Runtimes;
import org.jykka.testkit.TestActor;
import org.awaitility.Awaitility;

/** Timers through the mailbox: single, fixed delay, fixed rate, replace, cancel, and the end. */
class TimersTest extends ActorTestSupport {

    /** Records every message; runs a timer action given by the test, inside the actor. */
    static class Ticker extends TestActor {
        final List<Object> received = new CopyOnWriteArrayList<>();
        volatile Boolean activeInsideHandler;

        Ticker(Runtimes runtime) {
            super(runtime);
        }

        Timers timersForTest() {
            return timers();
        }

        @Override
        protected Object onReceive(Object message) {
            if (message instanceof RuntimeException failure) {
                throw failure;
            }
            if ("single".equals(message)) {
                activeInsideHandler = timers().isActive("k");
            }
            received.add(message);
            return received.size();
        }
    }

    private static void inside(ActorRef<Ticker> ref, Consumer<Timers> action) {
        ref.call(t -> {
            action.accept(t.timersForTest());
            return null;
        }).get(TIMEOUT);
    }

    private static boolean timerThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("jykka-timers"));
    }

    @EachRuntime
    void aSingleTimersMessageArrivesOnceAtOnReceiveAndIsInactiveInItsHandler(Runtimes runtime) {
        Ticker ticker = new Ticker(runtime);
        ActorRef<Ticker> ref = Actor.start(ticker);

        inside(ref, timers -> timers.startSingle("k", "single", Duration.ZERO));

        Awaitility.await().atMost(TIMEOUT).until(() -> ticker.received.contains("single"));
        ref.ask("sync").get(TIMEOUT);
        assertEquals(List.of("single", "sync"), ticker.received);
        assertFalse(ticker.activeInsideHandler);
    }

    @EachRuntime
    void aFixedRateTimerRepeatsUntilCancelled(Runtimes runtime) {
        Ticker ticker = new Ticker(runtime);
        ActorRef<Ticker> ref = Actor.start(ticker);

        inside(ref, timers -> timers.startFixedRate("k", "tick", Duration.ZERO, Duration.ofMillis(2)));
        Awaitility.await().atMost(TIMEOUT).until(() -> ticker.received.size() >= 3);
        inside(ref, timers -> assertTrue(timers.cancel("k")));
        int afterCancel = ref.ask("sync").get(TIMEOUT) instanceof Integer n ? n : -1;

        assertEquals(afterCancel, ticker.received.size());
        assertEquals(ticker.received.indexOf("sync"), ticker.received.size() - 1);
    }

    @EachRuntime
    void aFixedDelayTimerRepeatsUntilCancelled(Runtimes runtime) {
        Ticker ticker = new Ticker(runtime);
        ActorRef<Ticker> ref = Actor.start(ticker);

        inside(ref, timers -> timers.startFixedDelay("k", "tick", Duration.ofMillis(1)));
        Awaitility.await().atMost(TIMEOUT).until(() -> ticker.received.size() >= 3);
        inside(ref, Timers::cancelAll);
        ref.ask("sync").get(TIMEOUT);
        inside(ref, timers -> assertFalse(timers.isActive("k")));
    }

    @EachRuntime
    void aCancelledTimerNeverDeliversAMessageAlreadyInTheInbox(Runtimes runtime) throws InterruptedException {
        Ticker ticker = new Ticker(runtime);
        ActorRef<Ticker> ref = Actor.start(ticker);
        CountDownLatch release = new CountDownLatch(1);

        ref.defer(t -> {
            t.timersForTest().startSingle("k", "too late", Duration.ZERO);
            // Stay busy until the timer's message is in the inbox, then cancel it.
            Awaitility.await().atMost(TIMEOUT).until(() -> t.self().inboxSize() >= 1);
            t.timersForTest().cancel("k");
            release.countDown();
        });
        assertTrue(release.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        ref.ask("sync").get(TIMEOUT);

        assertEquals(List.of("sync"), ticker.received);
    }

    @EachRuntime
    void startingAnActiveKeyReplacesItsTimerAndDropsTheOldMessage(Runtimes runtime) {
        Ticker ticker = new Ticker(runtime);
        ActorRef<Ticker> ref = Actor.start(ticker);

        ref.defer(t -> {
            t.timersForTest().startSingle("k", "old", Duration.ZERO);
            Awaitility.await().atMost(TIMEOUT).until(() -> t.self().inboxSize() >= 1);
            t.timersForTest().startSingle("k", "new", Duration.ZERO);
        });

        Awaitility.await().atMost(TIMEOUT).until(() -> ticker.received.contains("new"));
        ref.ask("sync").get(TIMEOUT);
        assertEquals(List.of("new", "sync"), ticker.received);
    }

    @EachRuntime
    void everyTimerIsCancelledWhenTheActorStopsAndTheTimerThreadEnds(Runtimes runtime) {
        List<DeadLetter> letters = new CopyOnWriteArrayList<>();
        try (DeadLetters.Subscription subscription = DeadLetters.subscribe(letters::add)) {
            Ticker ticker = new Ticker(runtime);
            ActorRef<Ticker> ref = Actor.start(ticker);
            inside(ref, timers -> {
                timers.startFixedRate("fast", "tick", Duration.ZERO, Duration.ofMillis(1));
                timers.startSingle("late", "never", Duration.ofHours(1));
            });
            Awaitility.await().atMost(TIMEOUT).until(() -> ticker.received.size() >= 2);

            ref.stop(TIMEOUT);

            Awaitility.await().atMost(TIMEOUT).until(() -> !timerThreadAlive());
            assertEquals(List.of(), letters, "queued timer messages are dropped, not dead letters");
        }
    }

    @EachRuntime
    void aTimerMessageThatFailsIsATellsFailure(Runtimes runtime) {
        Ticker ticker = new Ticker(runtime);
        ActorRef<Ticker> ref = Actor.start(ticker);
        IllegalStateException boom = new IllegalStateException("tick failed");

        inside(ref, timers -> timers.startSingle("k", boom, Duration.ZERO));

        Termination end = ref.termination().get(TIMEOUT);
        assertEquals(Termination.Reason.FAILED, end.reason());
    }

    @EachRuntime
    void timersAreForTheActorsOwnThread(Runtimes runtime) {
        Ticker ticker = new Ticker(runtime);
        Actor.start(ticker);
        assertThrows(IllegalStateException.class, ticker::timersForTest);
        Ticker unstarted = new Ticker(runtime);
        assertThrows(IllegalStateException.class, unstarted::timersForTest);
    }

    @EachRuntime
    void timersUnderChurnLeaveNothingBehind(Runtimes runtime) {
        List<ActorRef<Ticker>> refs = new ArrayList<>();
        for (int a = 0; a < 50; a++) {
            refs.add(Actor.start(new Ticker(runtime)));
        }
        for (ActorRef<Ticker> ref : refs) {
            ref.defer(t -> {
                for (int i = 0; i < 1_000; i++) {
                    t.timersForTest().startSingle(i % 10, "m", Duration.ofMinutes(1));
                    if (i % 3 == 0) {
                        t.timersForTest().cancel(i % 10);
                    }
                }
            });
        }
        for (ActorRef<Ticker> ref : refs) {
            ref.stop(TIMEOUT);
        }
        Awaitility.await().atMost(TIMEOUT).until(() -> !timerThreadAlive());
    }
}
