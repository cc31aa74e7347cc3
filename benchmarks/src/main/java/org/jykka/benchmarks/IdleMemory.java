package org.jykka.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Case 7, not a JMH benchmark: heap per idle actor and live threads. Starts {@code count} actors,
 * has each take one message, lets them go idle, and measures the heap after full GCs. Run it in a JVM
 * of its own (BenchmarkMain does, with {@code -XX:+UseSerialGC} so "used heap after GC" is exact).
 *
 * <p>{@code java ... org.jykka.benchmarks.IdleMemory <contender> <count>} prints one line:
 * {@code IDLE <contender> <count> <bytes per actor> <live platform threads>}. The bytes include the
 * handle the harness keeps per actor (an array slot and a small lambda, about 20 bytes), the same for
 * every contender.
 */
public final class IdleMemory {

    record Measurement(Contender contender, int count, long bytesPerActor, int liveThreads) {
        String line() {
            return "IDLE " + contender.id + " " + count + " " + bytesPerActor + " " + liveThreads;
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: IdleMemory <contender> <count>, contender one of threading, virtual, pekko, pekko-virtual, juc");
            System.exit(2);
        }
        Measurement measured = measure(Contender.byId(args[0]), Integer.parseInt(args[1]));
        System.out.println(measured.line());
        System.exit(0); // daemon or not, nothing it started may keep the JVM waiting
    }

    static Measurement measure(Contender contender, int count) throws Exception {
        try (Rig rig = contender.open()) {
            rig.sink().tell("warm up the classes before the baseline");
            long before = usedHeapAfterGc();
            Rig.Sink[] sinks = new Rig.Sink[count];
            for (int i = 0; i < count; i++) {
                sinks[i] = rig.sink();
            }
            CountDownLatch took = new CountDownLatch(count);
            for (Rig.Sink sink : sinks) {
                sink.tell(took); // one message each
            }
            if (!took.await(300, TimeUnit.SECONDS)) {
                throw new IllegalStateException(took.getCount() + " of " + count + " actors never took their message");
            }
            long after = usedHeapAfterGc();
            int threads = ManagementFactory.getThreadMXBean().getThreadCount();
            Measurement measured = new Measurement(contender, count, (after - before) / count, threads);
            if (sinks.length != count) {
                throw new AssertionError(); // keeps every handle reachable up to the measurement
            }
            return measured;
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100); // lets finalization and reference processing settle between collections
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
