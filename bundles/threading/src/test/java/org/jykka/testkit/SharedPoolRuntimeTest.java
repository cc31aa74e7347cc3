package org.jykka.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jykka.Actor;
import org.jykka.ActorFuture;
import org.jykka.ActorRef;
import org.jykka.spi.ActorDirectory;
import org.jykka.spi.ActorLoop;
import org.jykka.spi.ActorRuntime;
import org.jykka.spi.Scheduler;
import org.junit.jupiter.api.Test;

/** The loop on a runtime that shares threads between actors, and a runtime that refuses to run. */
class SharedPoolRuntimeTest extends ActorTestSupport {
    private final ActorRuntime runtime = Runtimes.SHARED_POOL.runtime;

    /** Counts how many threads are inside it at once, and what it received in which order. */
    static final class Counter extends Actor {
        final AtomicInteger inside = new AtomicInteger();
        final List<Integer> received = new ArrayList<>();
        volatile int mostInsideAtOnce;

        Counter(ActorRuntime runtime) {
            super(runtime);
        }

        @Override
        protected Object onReceive(Object message) {
            mostInsideAtOnce = Math.max(mostInsideAtOnce, inside.incrementAndGet());
            received.add((Integer) message);
            inside.decrementAndGet();
            return received.size();
        }
    }

    @Test
    void actorsSharingAPoolHandleOneMessageAtATimeInOrder() {
        List<ActorRef<Counter>> refs = new ArrayList<>();
        List<Counter> counters = new ArrayList<>();
        for (int a = 0; a < 20; a++) {
            Counter counter = new Counter(runtime);
            counters.add(counter);
            refs.add(Actor.start(counter));
        }
        for (int i = 0; i < 500; i++) {
            for (ActorRef<Counter> ref : refs) {
                ref.tell(i);
            }
        }
        List<ActorFuture<Object>> last = new ArrayList<>();
        for (ActorRef<Counter> ref : refs) {
            last.add(ref.ask(500));
        }
        assertEquals(java.util.Collections.nCopies(20, 501), ActorFuture.getAll(last, TIMEOUT));
        for (Counter counter : counters) {
            assertEquals(1, counter.mostInsideAtOnce);
            for (int i = 0; i <= 500; i++) {
                assertEquals(i, counter.received.get(i));
            }
        }
        for (ActorRef<Counter> ref : refs) {
            assertTrue(ref.stop(TIMEOUT));
        }
    }

    @Test
    void aRuntimeThatCannotRunRefusesTheStartAndTheInstanceIsSpent() {
        ActorRuntime refusing = new ActorRuntime() {
            @Override
            public Scheduler attach(ActorLoop loop) {
                throw new UnsupportedOperationException("not on this JVM");
            }
        };
        Counter counter = new Counter(refusing);
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> Actor.start(counter));
        assertEquals("not on this JVM", e.getMessage());
        assertThrows(IllegalStateException.class, () -> Actor.start(counter));
        assertTrue(ActorDirectory.byUrn(counter.urn()).isEmpty(), "a refused actor is never listed");
    }

    @Test
    void actorsOfARuntimeThatKnowsNothingOfRegistriesAreListedWhileTheyLive() {
        ActorRef<Counter> ref = Actor.start(new Counter(runtime));
        assertEquals(ref, ActorDirectory.byUrn(ref.urn()).orElseThrow());
        assertTrue(ActorDirectory.all().contains(ref));
        assertTrue(ref.stop(TIMEOUT));
        assertTrue(ActorDirectory.byUrn(ref.urn()).isEmpty());
        assertFalse(ActorDirectory.all().contains(ref));
    }

    @Test
    void anActorNeedsARuntime() {
        assertThrows(NullPointerException.class, () -> new Counter(null));
    }

    @Test
    void anActorPrintsAsItsSimpleClassNameAndUrn() {
        Counter counter = new Counter(runtime);
        assertEquals("Counter (" + counter.urn() + ")", counter.toString());
        Actor anonymous = new Actor(runtime) {};
        assertTrue(anonymous.toString().startsWith("SharedPoolRuntimeTest$"), anonymous.toString());
    }

    /** Answers with what it is sent; a Throwable is thrown instead. */
    static final class Echo extends Actor {
        Echo(ActorRuntime runtime) {
            super(runtime);
        }

        @Override
        protected Object onReceive(Object message) throws Exception {
            if (message instanceof Exception failure) {
                throw failure;
            }
            return message;
        }
    }

    @Test
    void derivedFuturesOfAnotherRuntimesAnswersFollowTheSameRules() {
        ActorRef<Echo> ref = Actor.start(new Echo(runtime));
        ActorFuture<Integer> sum = ref.ask(List.of(1, 2, 3)).reduce(Integer::sum);
        assertEquals(6, sum.get(TIMEOUT));
        IllegalStateException failure = new IllegalStateException("x");
        assertSame(failure, assertThrows(IllegalStateException.class, () -> ref.ask(failure).map(v -> v).get(TIMEOUT)));
        assertTrue(ref.stop(TIMEOUT));
    }

    @Test
    void theReplyHintIsGivenForAsksCallsAndStopsButNotForStartingAnActor() {
        AtomicInteger hints = new AtomicInteger();
        ActorRuntime counting = new ActorRuntime() {
            @Override
            public Scheduler attach(ActorLoop loop) {
                return runtime.attach(loop);
            }

            @Override
            public void replyMayBeAwaited() {
                hints.incrementAndGet();
            }
        };
        ActorRef<Echo> ref = Actor.start(new Echo(counting));
        assertEquals(0, hints.get(), "starting makes no future anybody waits for");
        ref.ask("a").get(TIMEOUT);
        ref.call(echo -> "b").get(TIMEOUT);
        ref.tell("c");
        assertEquals(2, hints.get());
        assertTrue(ref.stop(TIMEOUT));
        assertEquals(3, hints.get());
    }
}
