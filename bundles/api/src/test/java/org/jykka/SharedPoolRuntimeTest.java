package org.jykka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jykka.spi.ActorLoop;
import org.jykka.spi.ActorRuntime;
import org.jykka.spi.Promise;
import org.jykka.spi.Scheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The loop on a runtime that shares threads between actors, and a runtime that refuses to run. */
class SharedPoolRuntimeTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final PoolRuntime runtime = new PoolRuntime();

    @AfterEach
    void closePool() {
        runtime.close();
    }

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
            public <T> Promise<T> newPromise() {
                return runtime.newPromise();
            }

            @Override
            public Scheduler attach(ActorLoop loop) {
                throw new UnsupportedOperationException("not on this JVM");
            }

            @Override
            public void detach(ActorRef<?> ref) {}
        };
        Counter counter = new Counter(refusing);
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> Actor.start(counter));
        assertEquals("not on this JVM", e.getMessage());
        assertThrows(IllegalStateException.class, () -> Actor.start(counter));
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

    @Test
    void derivedFuturesOfAnotherRuntimesPromisesFollowTheSameRules() {
        Promise<List<Integer>> promise = runtime.newPromise();
        ActorFuture<Integer> sum = promise.reduce(Integer::sum);
        assertFalse(sum.isDone());
        promise.set(List.of(1, 2, 3));
        assertEquals(6, sum.get(TIMEOUT));
        IllegalStateException failure = new IllegalStateException("x");
        Promise<Object> failed = runtime.newPromise();
        failed.setException(failure);
        assertSame(failure, assertThrows(IllegalStateException.class, () -> failed.map(v -> v).get(TIMEOUT)));
    }
}
