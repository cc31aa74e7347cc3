package org.jykka.threading;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jykka.Actor;
import org.jykka.ActorDeadException;
import org.jykka.ActorFuture;
import org.jykka.ActorRef;
import org.jykka.registry.ActorRegistry;
import org.jykka.testkit.ActorTestSupport;
import org.jykka.testkit.EachRuntime;
import org.jykka.testkit.Runtimes;
import org.jykka.testkit.TestActor;
import org.junit.jupiter.api.Timeout;

/** Concurrency under load, bounded in time: nothing lost, nothing reordered, nothing left waiting. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StressTest extends ActorTestSupport {

    /** Checks per-sender order as messages arrive. */
    static class Sink extends TestActor {
        final long[] next;
        long received;
        String disorder;

        Sink(Runtimes runtime, int senders) {
            super(runtime);
            next = new long[senders];
        }

        @Override
        protected Object onReceive(Object message) {
            long[] m = (long[]) message;
            int sender = (int) m[0];
            if (m[1] != next[sender] && disorder == null) {
                disorder = "sender " + sender + " expected " + next[sender] + " got " + m[1];
            }
            next[sender] = m[1] + 1;
            received++;
            return null;
        }
    }

    @EachRuntime
    void eightSendersTellingAHundredThousandEachLoseNothingAndKeepTheirOrder(Runtimes runtime) throws Exception {
        int senders = 8;
        int each = 100_000;
        Sink sink = new Sink(runtime, senders);
        ActorRef<Sink> ref = Actor.start(sink);
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> sending = new ArrayList<>();
            for (int s = 0; s < senders; s++) {
                long sender = s;
                sending.add(pool.submit(() -> {
                    go.await();
                    for (long i = 0; i < each; i++) {
                        ref.tell(new long[] {sender, i});
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : sending) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals((long) senders * each, ref.call(s -> s.received).get(Duration.ofSeconds(60)));
        assertEquals(null, ref.call(s -> s.disorder).get(TIMEOUT));
    }

    @EachRuntime
    void aThousandActorsStartedAndStoppedConcurrentlyLeaveNothingBehind(Runtimes runtime) throws Exception {
        int actors = 1_000;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<ActorRef<Sink>>> started = new ArrayList<>();
            for (int i = 0; i < actors; i++) {
                started.add(pool.submit(() -> Actor.start(new Sink(runtime, 1))));
            }
            List<ActorRef<Sink>> refs = new ArrayList<>();
            for (Future<ActorRef<Sink>> f : started) {
                refs.add(f.get(60, TimeUnit.SECONDS));
            }
            assertEquals(actors, ActorRegistry.getByClass(Sink.class).size());
            List<Future<Boolean>> stopped = new ArrayList<>();
            for (ActorRef<Sink> ref : refs) {
                stopped.add(pool.submit(() -> ref.stop(TIMEOUT)));
            }
            for (Future<Boolean> f : stopped) {
                assertTrue(f.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(), ActorRegistry.getAll());
        await().atMost(Duration.ofSeconds(30)).until(() -> liveThreadsNamed("Sink-") == 0);
    }

    @EachRuntime
    void stopRacingAskNeverLeavesAFutureIncomplete(Runtimes runtime) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 200; round++) {
                ActorRef<Sink> ref = Actor.start(new Sink(runtime, 1));
                List<ActorFuture<Object>> asks = new CopyOnWriteArrayList<>();
                CountDownLatch go = new CountDownLatch(1);
                List<Future<?>> askers = new ArrayList<>();
                for (int a = 0; a < 3; a++) {
                    askers.add(pool.submit(() -> {
                        go.await();
                        for (long i = 0; i < 50; i++) {
                            asks.add(ref.ask(new long[] {0, 0}));
                        }
                        return null;
                    }));
                }
                Future<Boolean> stopper = pool.submit(() -> {
                    go.await();
                    return ref.stopAsync().get(TIMEOUT);
                });
                go.countDown();
                for (Future<?> f : askers) {
                    f.get(30, TimeUnit.SECONDS);
                }
                assertTrue(stopper.get(30, TimeUnit.SECONDS));
                for (ActorFuture<Object> ask : asks) {
                    try {
                        ask.get(TIMEOUT); // answered, or...
                    } catch (ActorDeadException refused) {
                        // ...failed because the actor stopped: either way, never left waiting
                    }
                    assertTrue(ask.isDone());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @EachRuntime
    void tellsRacingAStopAreEitherHandledOrRefused(Runtimes runtime) throws Exception {
        for (int round = 0; round < 100; round++) {
            Sink sink = new Sink(runtime, 1);
            ActorRef<Sink> ref = Actor.start(sink);
            CountDownLatch go = new CountDownLatch(1);
            Thread teller = new Thread(() -> {
                try {
                    go.await();
                    for (long i = 0; i < 1_000; i++) {
                        ref.tell(new long[] {0, i});
                    }
                } catch (ActorDeadException | InterruptedException expected) {
                    // the stop won the race for the rest
                }
            });
            teller.start();
            go.countDown();
            ref.stop(TIMEOUT);
            teller.join(TIMEOUT.toMillis());
            assertFalse(teller.isAlive());
            assertFalse(ref.isAlive());
        }
    }

    private static long liveThreadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith(prefix))
                .count();
    }
}
