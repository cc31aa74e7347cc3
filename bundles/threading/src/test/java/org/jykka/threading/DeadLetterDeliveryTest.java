package org.jykka.threading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.jykka.Actor;
import org.jykka.ActorDeadException;
import org.jykka.ActorFuture;
import org.jykka.ActorRef;
import org.jykka.DeadLetter;
import org.jykka.DeadLetters;
import org.jykka.testkit.ActorTestSupport;
import org.jykka.testkit.EachRuntime;
import org.jykka.testkit.Runtimes;
import org.jykka.testkit.TestActor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Which messages become dead letters, with which reason, and which do not. */
class DeadLetterDeliveryTest extends ActorTestSupport {
    private final List<DeadLetter> letters = new CopyOnWriteArrayList<>();
    private DeadLetters.Subscription subscription;

    @BeforeEach
    void listen() {
        subscription = DeadLetters.subscribe(letters::add);
    }

    @AfterEach
    void stopListening() {
        subscription.close();
    }

    /** Handles strings; blocks on a latch when told one; leaves everything else to the default. */
    static class Blocker extends TestActor {
        Blocker(Runtimes runtime) {
            super(runtime);
        }

        @Override
        protected Object onReceive(Object message) throws Exception {
            if (message instanceof CountDownLatch latch) {
                latch.await();
                return null;
            }
            if (message instanceof RuntimeException failure) {
                throw failure;
            }
            if (message instanceof String) {
                return message;
            }
            return super.onReceive(message);
        }
    }

    @EachRuntime
    void tellsLeftInTheInboxWhenTheActorStopsAreStoppedDeadLettersAndAsksAreNot(Runtimes runtime) {
        ActorRef<Blocker> ref = Actor.start(new Blocker(runtime));
        CountDownLatch release = new CountDownLatch(1);
        IllegalStateException boom = new IllegalStateException("boom");
        Consumer<Blocker> action = b -> {};
        ref.tell(release);
        ref.tell(boom); // stops the actor with the rest still queued
        ref.tell("x");
        ActorFuture<Object> asked = ref.ask("asked");
        ref.defer(action);
        ref.tell("y");

        release.countDown();
        ref.whenStopped().get(TIMEOUT);

        assertEquals(List.of(new DeadLetter(boom, ref, DeadLetter.Reason.FAILED),
                new DeadLetter("x", ref, DeadLetter.Reason.STOPPED),
                new DeadLetter(action, ref, DeadLetter.Reason.STOPPED),
                new DeadLetter("y", ref, DeadLetter.Reason.STOPPED)), letters);
        assertThrows(ActorDeadException.class, () -> asked.get(TIMEOUT), "a queued ask fails, never a letter");
    }

    @EachRuntime
    void anUnhandledMessageIsAnUnhandledDeadLetterToldOrAsked(Runtimes runtime) {
        ActorRef<Blocker> ref = Actor.start(new Blocker(runtime));

        ref.tell(42);
        assertNull(ref.ask(43).get(TIMEOUT));

        assertEquals(List.of(new DeadLetter(42, ref, DeadLetter.Reason.UNHANDLED),
                new DeadLetter(43, ref, DeadLetter.Reason.UNHANDLED)), letters);
    }

    @EachRuntime
    void theTellWhoseFailureStoppedTheActorIsAFailedDeadLetter(Runtimes runtime) {
        ActorRef<Blocker> ref = Actor.start(new Blocker(runtime));
        IllegalStateException boom = new IllegalStateException("boom");

        ref.tell(boom);
        ref.whenStopped().get(TIMEOUT);

        assertEquals(List.of(new DeadLetter(boom, ref, DeadLetter.Reason.FAILED)), letters);
    }

    @EachRuntime
    void aFailingDeferIsADeadLetterWhoseMessageIsTheAction(Runtimes runtime) {
        ActorRef<Blocker> ref = Actor.start(new Blocker(runtime));
        Consumer<Blocker> action = b -> {
            throw new IllegalStateException("defer failed");
        };

        ref.defer(action);
        ref.whenStopped().get(TIMEOUT);

        assertEquals(List.of(new DeadLetter(action, ref, DeadLetter.Reason.FAILED)), letters);
    }

    @EachRuntime
    void aTellRefusedBecauseTheActorIsDeadIsNoDeadLetter(Runtimes runtime) {
        ActorRef<Blocker> ref = Actor.start(new Blocker(runtime));
        ref.stop(TIMEOUT);
        assertThrows(ActorDeadException.class, () -> ref.tell("late"));
        assertEquals(List.of(), letters);
    }

    @EachRuntime
    void aThrowingListenerNeverHarmsTheActor(Runtimes runtime) {
        try (DeadLetters.Subscription thrower = DeadLetters.subscribe(letter -> {
            throw new IllegalStateException("listener broken");
        })) {
            ActorRef<Blocker> ref = Actor.start(new Blocker(runtime));
            ref.tell(1);
            assertEquals("still here", ref.ask("still here").get(TIMEOUT));
            assertTrue(ref.isAlive());
        }
    }

    @EachRuntime
    void theCountGrowsWithEveryLetter(Runtimes runtime) {
        long before = DeadLetters.count();
        ActorRef<Blocker> ref = Actor.start(new Blocker(runtime));
        ref.tell(1);
        ref.tell(2);
        ref.ask("sync").get(TIMEOUT);
        assertTrue(DeadLetters.count() >= before + 2);
    }
}
