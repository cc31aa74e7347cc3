package org.jykka.threading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jykka.Actor;
import org.jykka.ActorRef;
import org.jykka.ActorScope;
import org.jykka.Restart;
import org.jykka.Termination;
import org.jykka.testkit.ActorTestSupport;
import org.jykka.testkit.EachRuntime;
import org.jykka.testkit.Runtimes;
import org.jykka.testkit.TestActor;
import org.junit.jupiter.api.Timeout;

/** Restarts under load, bounded in time: nothing lost or reordered, no thread explosion, no spinning. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SupervisionStressTest extends ActorTestSupport {

    /** Checks per-sender order across its restarts; fails on every message that says so. */
    static class OrderedWorker extends TestActor {
        // Shared by every instance of one actor: the order must hold across restarts.
        final long[] next;
        final String[] disorder;
        final AtomicInteger received;

        OrderedWorker(Runtimes runtime, long[] next, String[] disorder, AtomicInteger received) {
            super(runtime);
            this.next = next;
            this.disorder = disorder;
            this.received = received;
        }

        @Override
        protected Object onReceive(Object message) {
            long[] m = (long[]) message;
            int sender = (int) m[0];
            if (m[1] != next[sender] && disorder[0] == null) {
                disorder[0] = "sender " + sender + " expected " + next[sender] + " got " + m[1];
            }
            next[sender] = m[1] + 1;
            received.incrementAndGet();
            if (m[2] == 1) {
                throw new IllegalStateException("planned failure");
            }
            return null;
        }
    }

    @EachRuntime
    void restartsRacingTellsFromEightThreadsLoseAndReorderNothing(Runtimes runtime) throws Exception {
        int senders = 8;
        int each = 5_000;
        long[] next = new long[senders];
        String[] disorder = new String[1];
        AtomicInteger received = new AtomicInteger();
        ActorRef<OrderedWorker> ref = Actor.start(() -> new OrderedWorker(runtime, next, disorder, received),
                Restart.limit(Integer.MAX_VALUE, Duration.ofMinutes(1)));
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> sent = new ArrayList<>();
            for (int s = 0; s < senders; s++) {
                int sender = s;
                sent.add(pool.submit(() -> {
                    go.await();
                    for (long i = 0; i < each; i++) {
                        ref.tell(new long[] {sender, i, i % 500 == 499 ? 1 : 0}); // every 500th fails
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : sent) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        ref.ask(new long[] {0, each, 0}).get(Duration.ofSeconds(60));

        assertNull(disorder[0]);
        assertEquals(senders * each + 1, received.get(), "every message handled once, failures included");
        assertTrue(ref.isAlive());
    }

    static class FailsOnce extends TestActor {
        FailsOnce(Runtimes runtime) {
            super(runtime);
        }

        @Override
        protected Object onReceive(Object message) {
            if ("fail".equals(message)) {
                throw new IllegalStateException("planned failure");
            }
            return message;
        }
    }

    @EachRuntime
    void tenThousandSupervisedActorsFailingAtOnceRestartWithoutAThreadExplosion(Runtimes runtime) {
        int actors = runtime.ownThread ? 1_000 : 10_000; // a platform thread each for ThreadingActor
        int threadsBefore = Thread.activeCount();
        try (ActorScope scope = ActorScope.open("stress")) {
            List<ActorRef<FailsOnce>> refs = new ArrayList<>();
            for (int i = 0; i < actors; i++) {
                refs.add(scope.start(() -> new FailsOnce(runtime), Restart.limit(3, Duration.ofMinutes(1))));
            }
            for (ActorRef<FailsOnce> ref : refs) {
                ref.tell("fail");
            }
            for (ActorRef<FailsOnce> ref : refs) {
                assertEquals("alive", ref.ask("alive").get(Duration.ofSeconds(60)));
            }
            if (!runtime.ownThread) {
                assertTrue(Thread.activeCount() - threadsBefore < 200, "threads: " + Thread.activeCount());
            }
            assertEquals(actors, scope.actors().size());
        }
    }

    @EachRuntime
    void aRestartStormPastTheLimitStopsTheActorForGoodInsteadOfSpinning(Runtimes runtime) {
        AtomicInteger made = new AtomicInteger();
        ActorRef<FailsOnce> ref = Actor.start(() -> {
            made.incrementAndGet();
            return new FailsOnce(runtime) {
                @Override
                protected void onStart() {
                    throw new IllegalStateException("cannot start");
                }
            };
        }, Restart.limit(5, Duration.ofMinutes(1)));

        Termination end = ref.termination().get(Duration.ofSeconds(30));

        assertEquals(Termination.Reason.FAILED, end.reason());
        assertEquals(6, made.get(), "the first instance and five restarts");
    }
}
