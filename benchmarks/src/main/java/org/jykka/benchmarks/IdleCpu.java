package org.jykka.benchmarks;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Case 8, not a JMH benchmark: the CPU an idle system burns. Starts {@code count} actors, has each
 * take one message, waits a settling time, and then measures the process CPU time (every thread of
 * the JVM, the JIT and GC included) over a window in which nothing is sent. Run it in a JVM of its own
 * (BenchmarkMain does), so no other benchmark's threads are counted.
 *
 * <p>{@code java ... org.jykka.benchmarks.IdleCpu <contender> <count> <settle ms> <window ms>} prints
 * one line: {@code IDLECPU <contender> <count> <CPU ms in the window> <window ms>}.
 */
public final class IdleCpu {

    record Measurement(Contender contender, int count, long cpuMillis, long windowMillis) {
        /** CPU time over wall time, in per cent of one core. */
        double percentOfOneCore() {
            return 100.0 * cpuMillis / windowMillis;
        }

        String line() {
            return "IDLECPU " + contender.id + " " + count + " " + cpuMillis + " " + windowMillis;
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: IdleCpu <contender> <count> <settle ms> <window ms>, contender one of"
                    + " threading, virtual, pekko, pekko-virtual, juc");
            System.exit(2);
        }
        Measurement measured = measure(Contender.byId(args[0]), Integer.parseInt(args[1]),
                Duration.ofMillis(Long.parseLong(args[2])), Duration.ofMillis(Long.parseLong(args[3])));
        System.out.println(measured.line());
        System.exit(0); // daemon or not, nothing it started may keep the JVM waiting
    }

    static Measurement measure(Contender contender, int count, Duration settle, Duration window) throws Exception {
        try (Rig rig = contender.open()) {
            Rig.Sink[] sinks = new Rig.Sink[count];
            for (int i = 0; i < count; i++) {
                sinks[i] = rig.sink();
            }
            CountDownLatch took = new CountDownLatch(count);
            for (Rig.Sink sink : sinks) {
                sink.tell(took); // one message each, so every actor has run once
            }
            if (!took.await(300, TimeUnit.SECONDS)) {
                throw new IllegalStateException(took.getCount() + " of " + count + " actors never took their message");
            }
            Thread.sleep(settle.toMillis()); // not a synchronisation: the idle time is what is measured
            long cpuBefore = processCpuNanos();
            long wallBefore = System.nanoTime();
            Thread.sleep(window.toMillis());
            long cpu = processCpuNanos() - cpuBefore;
            long wall = System.nanoTime() - wallBefore;
            if (sinks.length != count) {
                throw new AssertionError(); // keeps every actor referenced through the window
            }
            return new Measurement(contender, count, TimeUnit.NANOSECONDS.toMillis(cpu), TimeUnit.NANOSECONDS.toMillis(wall));
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
