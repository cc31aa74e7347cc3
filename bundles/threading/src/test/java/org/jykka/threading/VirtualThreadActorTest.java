package org.jykka.threading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jykka.Actor;
import org.jykka.ActorFuture;
import org.jykka.ActorRef;
import org.jykka.registry.ActorRegistry;
import org.jykka.testkit.ActorTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What is particular to {@link VirtualThreadActor}: the refusal on Java 17, and on Java 21+ the
 * virtual threads, the idle actor without a thread, and blocking that stays safe. (The behaviour it
 * shares with {@link ThreadingActor} is tested by the suite that runs once per runtime.)
 */
class VirtualThreadActorTest extends ActorTestSupport {
    private static final boolean JAVA_21 = Runtime.version().feature() >= 21;

    private final List<CompletableFuture<Object>> gates = new ArrayList<>();

    @AfterEach
    @Override
    protected void stopEveryActor() {
        gates.forEach(gate -> gate.complete("released by cleanup"));
        super.stopEveryActor();
    }

    /** Answers with the thread that handled the message; blocks on a future if sent one. */
    static final class Probe extends VirtualThreadActor {
        @Override
        protected Object onReceive(Object message) throws Exception {
            if (message instanceof CompletableFuture<?> gate) {
                return gate.get(10, TimeUnit.SECONDS);
            }
            return Thread.currentThread();
        }
    }

    /** Records every message, to check the order. */
    static final class Recorder extends VirtualThreadActor {
        final List<Object> received = new ArrayList<>();

        @Override
        protected Object onReceive(Object message) {
            received.add(message);
            return null;
        }
    }

    /** Asks the next actor in a chain and waits for its answer, inside its own handler. */
    static final class Link extends VirtualThreadActor {
        private final ActorRef<?> next;

        Link(ActorRef<?> next) {
            this.next = next;
        }

        @Override
        protected Object onReceive(Object message) {
            return next == null ? message : next.ask(message).get(TIMEOUT);
        }
    }

    @Test
    void startOnJava17ThrowsUnsupportedOperationExceptionSayingJava21IsNeeded() {
        assumeTrue(!JAVA_21, "this JVM has virtual threads; the refusal is for Java 17 to 20");
        Probe probe = new Probe();

        UnsupportedOperationException refused = assertThrows(UnsupportedOperationException.class, () -> Actor.start(probe));

        assertTrue(refused.getMessage().contains("Java 21"), refused.getMessage());
        assertTrue(refused.getMessage().contains("ThreadingActor"), "names the alternative: " + refused.getMessage());
    }

    @Test
    void theRefusalOnJava17NamesTheActorSafely() {
        assumeTrue(!JAVA_21, "this JVM has virtual threads; the refusal is for Java 17 to 20");
        VirtualThreadActor unprintable = new VirtualThreadActor() {
            @Override
            public String toString() {
                throw new AssertionError("toString of a hostile actor");
            }
        };

        UnsupportedOperationException refused = assertThrows(UnsupportedOperationException.class,
                () -> Actor.start(unprintable));

        assertTrue(refused.getMessage().contains(unprintable.urn()), refused.getMessage());
    }

    @Test
    void refusedStartOnJava17RegistersNothing() {
        assumeTrue(!JAVA_21, "this JVM has virtual threads; the refusal is for Java 17 to 20");

        assertThrows(UnsupportedOperationException.class, () -> Actor.start(new Probe()));

        assertTrue(ActorRegistry.getByClass(Probe.class).isEmpty());
    }

    @Test
    void handlersRunOnAVirtualThread() throws Exception {
        assumeTrue(JAVA_21, "virtual threads need Java 21+");
        ActorRef<Probe> probe = Actor.start(new Probe());

        Thread handler = (Thread) probe.ask("which thread?").get(TIMEOUT);

        assertTrue((Boolean) Thread.class.getMethod("isVirtual").invoke(handler), handler + " is virtual");
    }

    @Test
    void idleActorHoldsNoThread() throws InterruptedException {
        assumeTrue(JAVA_21, "virtual threads need Java 21+");
        ActorRef<Probe> probe = Actor.start(new Probe());

        Thread handler = (Thread) probe.ask("which thread?").get(TIMEOUT);
        handler.join(TIMEOUT.toMillis());

        assertFalse(handler.isAlive(), "the thread ended once the inbox was empty");
        assertTrue(probe.isAlive(), "the actor lives on without it");
        assertTrue(probe.ask("again").get(TIMEOUT) instanceof Thread, "and a new thread runs its next message");
    }

    @Test
    void messagesKeepTheirOrderAcrossManyBatches() {
        assumeTrue(JAVA_21, "virtual threads need Java 21+");
        ActorRef<Recorder> recorder = Actor.start(new Recorder());
        int count = VirtualThreadRuntime.BATCH * 10 + 7;
        List<Integer> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            recorder.tell(i);
            sent.add(i);
        }

        List<Object> received = recorder.call(r -> List.copyOf(r.received)).get(TIMEOUT);

        assertEquals(sent, received);
    }

    @Test
    void moreBlockedActorsThanCarriersDoNotStarveOthers() {
        assumeTrue(JAVA_21, "virtual threads need Java 21+");
        int blocked = Runtime.getRuntime().availableProcessors() * 4 + 4;
        CompletableFuture<Object> gate = new CompletableFuture<>();
        gates.add(gate);
        List<ActorFuture<Object>> waiting = new ArrayList<>();
        for (int i = 0; i < blocked; i++) {
            waiting.add(Actor.start(new Probe()).ask(gate));
        }
        ActorRef<Probe> free = Actor.start(new Probe());

        Object answer = free.ask("still running?").get(TIMEOUT);
        gate.complete("open");

        assertTrue(answer instanceof Thread, "another actor answered while " + blocked + " actors were blocked");
        for (ActorFuture<Object> blockedAnswer : waiting) {
            assertEquals("open", blockedAnswer.get(TIMEOUT));
        }
    }

    /** Tells its partner to count a latch down, then waits for the latch: blocking on something not an ActorFuture. */
    static final class Waiter extends VirtualThreadActor {
        private final ActorRef<?> partner;

        Waiter(ActorRef<?> partner) {
            this.partner = partner;
        }

        @Override
        protected Object onReceive(Object message) throws Exception {
            CountDownLatch latch = new CountDownLatch(1);
            partner.tell(latch);
            return latch.await(10, TimeUnit.SECONDS);
        }
    }

    /** Counts down every latch it is sent. */
    static final class Counter extends VirtualThreadActor {
        @Override
        protected Object onReceive(Object message) {
            ((CountDownLatch) message).countDown();
            return null;
        }
    }

    @Test
    void actorBlockedOnALatchThatTheActorItToldCountsDownIsNotDeadlocked() {
        assumeTrue(JAVA_21, "virtual threads need Java 21+");
        ActorRef<Waiter> waiter = Actor.start(new Waiter(Actor.start(new Counter())));

        assertEquals(Boolean.TRUE, waiter.ask("go").get(TIMEOUT));
    }

    @Test
    void chainOfActorsEachWaitingForTheNextAnswers() {
        assumeTrue(JAVA_21, "virtual threads need Java 21+");
        int depth = Runtime.getRuntime().availableProcessors() * 8 + 8;
        ActorRef<?> next = null;
        for (int i = 0; i < depth; i++) {
            next = Actor.start(new Link(next));
        }

        assertEquals("through", next.ask("through").get(TIMEOUT));
    }
}
