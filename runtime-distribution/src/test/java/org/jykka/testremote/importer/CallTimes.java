package org.jykka.testremote.importer;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jykka.Actor;
import org.jykka.ActorRef;
import org.jykka.proxy.ActorProxy;
import org.jykka.testremote.api.Counter;
import org.jykka.testremote.api.Point;
import org.jykka.testremote.exporter.CounterActor;

/**
 * The figures of {@code docs/remote.md}: a synchronous call's latency (p50, p99, max over 20,000
 * calls after 5,000 to warm up) and the rate of asynchronous calls with 256 in flight (3 s after a
 * 1 s warm-up), for the imported {@link Counter} and, for comparison, for the same actor in this JVM.
 */
public final class CallTimes {
    private static final int WARM_UP = 5_000;
    private static final int CALLS = 20_000;
    private static final int IN_FLIGHT = 256;

    private CallTimes() {
    }

    static String of(Counter remote, CounterActor localActor) throws Exception {
        ActorRef<CounterActor> ref = Actor.start(localActor);
        try {
            Counter local = ActorProxy.of(ref, Counter.class);
            return "remote: " + sync(remote) + ", " + async(remote) + " | in-JVM: " + sync(local) + ", " + async(local);
        } finally {
            ref.stop();
        }
    }

    private static String sync(Counter counter) {
        for (int i = 0; i < WARM_UP; i++) {
            counter.add(i, 1);
        }
        long[] nanos = new long[CALLS];
        for (int i = 0; i < CALLS; i++) {
            long start = System.nanoTime();
            counter.add(i, 1);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return String.format("sync p50 %.1f us p99 %.1f us max %.1f ms", nanos[CALLS / 2] / 1e3,
                nanos[CALLS * 99 / 100] / 1e3, nanos[CALLS - 1] / 1e6);
    }

    private static String async(Counter counter) throws Exception {
        run(counter, TimeUnit.SECONDS.toNanos(1));
        long calls = run(counter, TimeUnit.SECONDS.toNanos(3));
        return String.format("async %d calls/s with %d in flight", calls / 3, IN_FLIGHT);
    }

    /** Keeps {@link #IN_FLIGHT} calls going for {@code nanos}; returns how many completed. */
    private static long run(Counter counter, long nanos) throws Exception {
        Semaphore slots = new Semaphore(IN_FLIGHT);
        long end = System.nanoTime() + nanos;
        long count = 0;
        Point point = new Point(1, 2);
        while (System.nanoTime() < end) {
            if (!slots.tryAcquire(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no answer within 10 s");
            }
            CompletableFuture<Point> call = counter.move(point, 1);
            call.whenComplete((p, e) -> slots.release());
            count++;
        }
        if (!slots.tryAcquire(IN_FLIGHT, 10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("calls still in flight after 10 s");
        }
        return count;
    }
}
