package org.jykka.threading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Level;
import org.jykka.Actor;
import org.jykka.ActorDeadException;
import org.jykka.ActorFuture;
import org.jykka.ActorRef;
import org.jykka.DeadLetter;
import org.jykka.DeadLetters;
import org.jykka.Restart;
import org.jykka.Termination;
import org.jykka.registry.ActorRegistry;
import org.jykka.spi.ActorDirectory;
import org.jykka.spi.ActorStatus;
import org.jykka.testkit.ActorTestSupport;
import org.jykka.testkit.EachRuntime;
import org.jykka.testkit.LogRecords;
import org.jykka.testkit.Runtimes;
import org.jykka.testkit.TestActor;

/** Actor.start(factory, policy): fresh instances after failures, within the policy's limits. */
class RestartTest extends ActorTestSupport {
    static final Restart OFTEN = Restart.limit(100, Duration.ofMinutes(1));
    /** So long that a test sees the actor backing off for as long as it likes. */
    static final Restart BACK_OFF_FOR_AN_HOUR = OFTEN.withBackoff(Duration.ofHours(1), Duration.ofHours(1));

    /** Fails on a RuntimeException message; records what each instance did. */
    static class Worker extends TestActor {
        final int generation;
        final List<String> events;

        Worker(Runtimes runtime, int generation, List<String> events) {
            super(runtime);
            this.generation = generation;
            this.events = events;
        }

        @Override
        protected void onStart() {
            events.add("start " + generation);
        }

        @Override
        protected Object onReceive(Object message) {
            if (message instanceof RuntimeException failure) {
                throw failure;
            }
            events.add(generation + ": " + message);
            return generation;
        }

        @Override
        protected void onFailure(Throwable cause) {
            events.add("failure " + generation + " " + cause.getMessage());
        }

        @Override
        protected void onStop() {
            events.add("stop " + generation);
        }
    }

    /** Makes numbered Workers and counts how often it was asked. */
    static final class Factory implements Supplier<Worker> {
        final Runtimes runtime;
        final List<String> events = new CopyOnWriteArrayList<>();
        final AtomicInteger made = new AtomicInteger();

        Factory(Runtimes runtime) {
            this.runtime = runtime;
        }

        @Override
        public Worker get() {
            return new Worker(runtime, made.incrementAndGet(), events);
        }
    }

    @EachRuntime
    void aFailedTellRestartsTheActorWithAFreshInstanceThatKeepsItsReference(Runtimes runtime) {
        Factory factory = new Factory(runtime);
        ActorRef<Worker> ref = Actor.start(factory, OFTEN);
        String urn = ref.urn();

        ref.tell(new IllegalStateException("boom"));

        assertEquals(2, ref.ask("who").get(TIMEOUT));
        assertTrue(ref.isAlive());
        assertEquals(urn, ref.call(w -> w.urn()).get(TIMEOUT));
        assertEquals(ref, ref.call(w -> w.self()).get(TIMEOUT));
        assertEquals(List.of(ref), ActorRegistry.getByUrn(urn).stream().toList());
    }

    @EachRuntime
    void onFailureRunsOnTheOldInstanceThenOnStartOnTheNewOne(Runtimes runtime) {
        Factory factory = new Factory(runtime);
        ActorRef<Worker> ref = Actor.start(factory, OFTEN);

        ref.tell(new IllegalStateException("boom"));
        ref.ask("after").get(TIMEOUT);

        assertEquals(List.of("start 1", "failure 1 boom", "start 2", "2: after"), factory.events);
    }

    @EachRuntime
    void messagesQueuedBehindTheFailureAreHandledInOrderByTheNewInstance(Runtimes runtime) {
        Factory factory = new Factory(runtime);
        ActorRef<Worker> ref = Actor.start(factory, OFTEN);
        List<String> expected = new ArrayList<>();

        ref.tell(new IllegalStateException("boom"));
        for (int i = 0; i < 100; i++) {
            ref.tell(i);
            expected.add("2: " + i);
        }
        ref.ask("sync").get(TIMEOUT);

        assertEquals(expected, factory.events.stream().filter(e -> e.startsWith("2: ") && !e.equals("2: sync")).toList());
    }

    @EachRuntime
    void theMessageThatFailedIsAFailedDeadLetter(Runtimes runtime) {
        List<DeadLetter> letters = new CopyOnWriteArrayList<>();
        IllegalStateException boom = new IllegalStateException("boom");
        try (DeadLetters.Subscription subscription = DeadLetters.subscribe(letters::add)) {
            ActorRef<Worker> ref = Actor.start(new Factory(runtime), OFTEN);
            ref.tell(boom);
            ref.ask("sync").get(TIMEOUT);
            assertEquals(List.of(new DeadLetter(boom, ref, DeadLetter.Reason.FAILED)), letters);
        }
    }

    @EachRuntime
    void anAskThatFailsOnlyFailsItsCaller(Runtimes runtime) {
        Factory factory = new Factory(runtime);
        ActorRef<Worker> ref = Actor.start(factory, OFTEN);
        IllegalStateException boom = new IllegalStateException("boom");

        assertSame(boom, assertThrows(IllegalStateException.class, () -> ref.ask(boom).get(TIMEOUT)));

        assertEquals(1, ref.ask("who").get(TIMEOUT));
        assertEquals(1, factory.made.get());
    }

    @EachRuntime
    void aFailureInOnStartRestartsToo(Runtimes runtime) {
        AtomicInteger made = new AtomicInteger();
        List<String> events = new CopyOnWriteArrayList<>();
        ActorRef<Worker> ref = Actor.start(() -> new Worker(runtime, made.incrementAndGet(), events) {
            @Override
            protected void onStart() {
                if (generation == 1) {
                    throw new IllegalStateException("first start fails");
                }
            }
        }, OFTEN);

        assertEquals(2, ref.ask("who").get(TIMEOUT));
    }

    @EachRuntime
    void moreRestartsThanTheLimitWithinTheWindowStopTheActorForGood(Runtimes runtime) {
        Factory factory = new Factory(runtime);
        ActorRef<Worker> ref = Actor.start(factory, Restart.limit(2, Duration.ofHours(1)));
        IllegalStateException last = new IllegalStateException("third");

        ref.tell(new IllegalStateException("first"));
        ref.tell(new IllegalStateException("second"));
        ref.tell(last);

        Termination end = ref.termination().get(TIMEOUT);
        assertEquals(Termination.Reason.FAILED, end.reason());
        assertSame(last, end.cause());
        assertEquals(3, factory.made.get());
        assertFalse(ref.isAlive());
        assertTrue(ActorRegistry.getByUrn(ref.urn()).isEmpty());
    }

    @EachRuntime
    void givingUpIsLoggedAtErrorAndEachRestartAtWarning(Runtimes runtime) {
        try (LogRecords log = LogRecords.of(Worker.class)) {
            ActorRef<Worker> ref = Actor.start(new Factory(runtime), Restart.limit(1, Duration.ofHours(1)));
            ref.tell(new IllegalStateException("first"));
            ref.tell(new IllegalStateException("second"));
            ref.termination().get(TIMEOUT);

            assertTrue(log.find(Level.WARNING, "Restarting").getMessage().contains(ref.toString()));
            assertTrue(log.has(Level.SEVERE, "gave up"), "giving up logged");
        }
    }

    @EachRuntime
    void whileBackingOffTheActorIsAliveAndKeepsItsMessagesForTheNewInstance(Runtimes runtime) {
        Factory factory = new Factory(runtime);
        ActorRef<Worker> ref = Actor.start(factory, OFTEN.withBackoff(Duration.ofMillis(20), Duration.ofMillis(40)));

        ref.tell(new IllegalStateException("boom"));
        ActorFuture<Object> answer = ref.ask("kept");

        assertTrue(ref.isAlive());
        assertEquals(2, answer.get(TIMEOUT));
    }

    @EachRuntime
    void aStopDuringTheBackoffEndsTheActorStoppedAndStartsNoNewInstance(Runtimes runtime) {
        Factory factory = new Factory(runtime);
        List<DeadLetter> letters = new CopyOnWriteArrayList<>();
        try (DeadLetters.Subscription subscription = DeadLetters.subscribe(letters::add)) {
            ActorRef<Worker> ref = Actor.start(factory, BACK_OFF_FOR_AN_HOUR);
            ref.tell(new IllegalStateException("boom"));
            ref.tell("waiting");
            ActorFuture<Object> waitingAsk = ref.ask("asked");

            assertTrue(ref.stop(TIMEOUT));

            assertEquals(Termination.Reason.STOPPED, ref.termination().get(TIMEOUT).reason());
            assertThrows(ActorDeadException.class, () -> waitingAsk.get(TIMEOUT));
            assertEquals(1, factory.made.get());
            assertTrue(letters.contains(new DeadLetter("waiting", ref, DeadLetter.Reason.STOPPED)), letters.toString());
        }
    }

    @EachRuntime
    void aFactoryThatFailsAtTheFirstStartMakesStartThrowAndRegistersNothing(Runtimes runtime) {
        IllegalStateException boom = new IllegalStateException("no worker today");
        Throwable thrown = assertThrows(IllegalStateException.class, () -> Actor.start(() -> {
            throw boom;
        }, OFTEN));
        assertSame(boom, thrown.getCause());
        assertThrows(IllegalStateException.class, () -> Actor.start(() -> null, OFTEN));
        Worker started = new Worker(runtime, 0, new ArrayList<>());
        ActorRef<Worker> ref = Actor.start(started);
        assertThrows(IllegalStateException.class, () -> Actor.start(() -> started, OFTEN));
        assertEquals(List.of(ref), ActorRegistry.getAll());
    }

    @EachRuntime
    void aFactoryThatFailsAtARestartStopsTheActorForGood(Runtimes runtime) {
        AtomicInteger made = new AtomicInteger();
        IllegalStateException factoryFailure = new IllegalStateException("factory broke");
        ActorRef<Worker> ref = Actor.start(() -> {
            if (made.incrementAndGet() > 1) {
                throw factoryFailure;
            }
            return new Worker(runtime, 1, new ArrayList<>());
        }, OFTEN);

        ref.tell(new IllegalStateException("boom"));

        Termination end = ref.termination().get(TIMEOUT);
        assertEquals(Termination.Reason.FAILED, end.reason());
        assertSame(factoryFailure, end.cause());
    }

    @EachRuntime
    void aFactoryThatReturnsNullOrAStartedInstanceAtARestartStopsTheActorForGood(Runtimes runtime) {
        Worker started = new Worker(runtime, 0, new ArrayList<>());
        Actor.start(started);
        for (Worker second : new Worker[] {null, started}) {
            AtomicInteger made = new AtomicInteger();
            ActorRef<Worker> ref = Actor.start(() -> made.incrementAndGet() == 1
                    ? new Worker(runtime, 1, new ArrayList<>()) : second, OFTEN);
            ref.tell(new IllegalStateException("boom"));
            Termination end = ref.termination().get(TIMEOUT);
            assertEquals(Termination.Reason.FAILED, end.reason());
            assertTrue(end.cause() instanceof IllegalStateException, String.valueOf(end.cause()));
        }
    }

    @EachRuntime
    void watchersAreKeptAcrossRestartsAndToldOnceAtTheEnd(Runtimes runtime) throws InterruptedException {
        ActorRef<Worker> supervised = Actor.start(new Factory(runtime), OFTEN);
        DeathWatchTest.Watcher watcher = new DeathWatchTest.Watcher(runtime);
        ActorRef<DeathWatchTest.Watcher> watcherRef = Actor.start(watcher);
        DeathWatchTest.watch(watcherRef, supervised);

        supervised.tell(new IllegalStateException("boom"));
        supervised.ask("sync").get(TIMEOUT);
        watcherRef.ask("sync").get(TIMEOUT);
        assertEquals(List.of("sync"), watcher.heard);

        supervised.stop(TIMEOUT);
        watcher.terminated.await(TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(new Termination(Termination.Reason.STOPPED, null), watcher.heard.get(1));
    }

    @EachRuntime
    void aSupervisedActorStopsNormallyWithOnStopOnItsCurrentInstance(Runtimes runtime) {
        Factory factory = new Factory(runtime);
        ActorRef<Worker> ref = Actor.start(factory, OFTEN);
        ref.tell(new IllegalStateException("boom"));
        ref.ask("sync").get(TIMEOUT);

        assertTrue(ref.stop(TIMEOUT));

        assertEquals("stop 2", factory.events.get(factory.events.size() - 1));
    }

    @EachRuntime
    void neverBehavesAsAPlainStart(Runtimes runtime) {
        Factory factory = new Factory(runtime);
        ActorRef<Worker> ref = Actor.start(factory, Restart.never());
        IllegalStateException boom = new IllegalStateException("boom");
        ref.tell(boom);
        assertSame(boom, ref.termination().get(TIMEOUT).cause());
        assertEquals(1, factory.made.get());
    }

    @EachRuntime
    void nullFactoryOrPolicyIsRefusedAtTheCall(Runtimes runtime) {
        assertThrows(NullPointerException.class, () -> Actor.start(null, OFTEN));
        assertThrows(NullPointerException.class, () -> Actor.start(new Factory(runtime), null));
        assertEquals(List.of(), ActorRegistry.getAll());
    }

    @EachRuntime
    void theNewInstanceIsAnotherObject(Runtimes runtime) {
        ActorRef<Worker> ref = Actor.start(new Factory(runtime), OFTEN);
        Worker first = ref.call(w -> w).get(TIMEOUT);
        ref.tell(new IllegalStateException("boom"));
        assertNotSame(first, ref.call(w -> w).get(TIMEOUT));
    }

    @EachRuntime
    void toolsSeeEachActorsStateAndRestartCount(Runtimes runtime) {
        ActorRef<Worker> plain = Actor.start(new Worker(runtime, 1, new ArrayList<>()));
        ActorRef<Worker> supervised = Actor.start(new Factory(runtime), OFTEN);
        ActorRef<Worker> backingOff = Actor.start(new Factory(runtime), BACK_OFF_FOR_AN_HOUR);
        supervised.tell(new IllegalStateException("boom"));
        supervised.ask("sync").get(TIMEOUT);
        backingOff.tell(new IllegalStateException("boom"));
        org.awaitility.Awaitility.await().atMost(TIMEOUT).until(() -> ActorDirectory.status(backingOff)
                .map(ActorStatus::state).orElse(null) == ActorStatus.State.BACKING_OFF);

        assertEquals(new ActorStatus(ActorStatus.State.RUNNING, 0, false), ActorDirectory.status(plain).orElseThrow());
        assertEquals(new ActorStatus(ActorStatus.State.RUNNING, 1, true), ActorDirectory.status(supervised).orElseThrow());
        plain.stop(TIMEOUT);
        assertTrue(ActorDirectory.status(plain).isEmpty());
    }

    @EachRuntime
    void anOperatorsRestartGivesASupervisedActorAFreshInstanceInMailboxOrder(Runtimes runtime) {
        Factory factory = new Factory(runtime);
        ActorRef<Worker> ref = Actor.start(factory, Restart.limit(0, Duration.ofMinutes(1)).withBackoff(
                Duration.ofMillis(1), Duration.ofMillis(1)));
        ActorRef<Worker> supervised = Actor.start(new Factory(runtime), OFTEN);
        ref.tell("before");

        assertFalse(ActorDirectory.restart(ref), "a policy that never restarts is not supervised");
        assertTrue(ActorDirectory.restart(supervised));
        assertEquals(2, supervised.ask("after").get(TIMEOUT));
        assertEquals(1, ActorDirectory.status(supervised).orElseThrow().restarts());
        Worker plain = new Worker(runtime, 1, new ArrayList<>());
        assertFalse(ActorDirectory.restart(Actor.start(plain)));
    }

    @EachRuntime
    void anOperatorsRestartRunsOnStopOnTheOldInstanceAndOnStartOnTheNew(Runtimes runtime) {
        Factory factory = new Factory(runtime);
        ActorRef<Worker> ref = Actor.start(factory, OFTEN);
        ref.tell("before");

        ActorDirectory.restart(ref);
        ref.ask("after").get(TIMEOUT);

        assertEquals(List.of("start 1", "1: before", "stop 1", "start 2", "2: after"), factory.events);
    }
}
