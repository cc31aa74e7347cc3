package org.jykka.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.jykka.ActorRef;
import org.jykka.ActorTimeoutException;

/**
 * Not JMH: how long an idle actor's {@code ask} waits for a thread while other actors keep every
 * thread busy, for Jykka's two runtimes. Two loads:
 * <ul>
 *   <li><b>pairs</b>: 16 pairs of actors bouncing a message with {@code tell}, for ever;</li>
 *   <li><b>compute</b>: cores + 1 actors each computing for 2 s without blocking (a spin loop).</li>
 * </ul>
 * While the load runs, the harness asks an idle echo actor again and again (one ask at a time, 1 ms
 * apart) and prints the answer times (p50, p99, max) as a Markdown table; for the compute load also
 * how long after the tells the last of the computations started. An ask that gets no answer within
 * 5 s counts as "> 5 s" and ends that measurement.
 *
 * <pre>{@code
 * cd benchmarks && java -cp 'target/classes:target/lib/*' org.jykka.benchmarks.ReadyWait [asks]
 * }</pre>
 */
public final class ReadyWait {
    static final int PAIRS = 16;
    static final int CORES = Runtime.getRuntime().availableProcessors();
    static final Duration ASK_TIMEOUT = Duration.ofSeconds(5);
    static final Duration COMPUTE = Duration.ofSeconds(2);
    static final long WARM_HOPS = 100_000;

    /** One load's figures for one contender; times in nanoseconds, {@code -1} where nothing was measured. */
    record Figures(Contender contender, String load, List<Long> answerNanos, boolean timedOut, long lastStartNanos) {
        String row() {
            List<Long> sorted = new ArrayList<>(answerNanos);
            sorted.sort(null);
            String answers = sorted.isEmpty() ? "none" : String.format(Locale.ROOT, "%s / %s / %s",
                    millis(percentile(sorted, 50)), millis(percentile(sorted, 99)), millis(sorted.get(sorted.size() - 1)));
            return String.format(Locale.ROOT, "| %s | %s | %d%s | %s | %s |", load, contender.id, sorted.size(),
                    timedOut ? " (then one > 5 s)" : "", answers, lastStartNanos < 0 ? "" : millis(lastStartNanos));
        }

        private static long percentile(List<Long> sorted, int percent) {
            return sorted.get(Math.min(sorted.size() - 1, (sorted.size() * percent + 99) / 100 - 1));
        }

        private static String millis(long nanos) {
            return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
        }
    }

    private ReadyWait() {}

    public static void main(String[] args) throws Exception {
        int asks = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        System.out.println("Ready-actor wait on " + CORES + " cores, Java " + Runtime.version());
        System.out.println();
        System.out.println("| load | contender | asks answered | answer p50 / p99 / max | last computation started after |");
        System.out.println("|---|---|---:|---:|---:|");
        for (Figures figures : measure(asks, COMPUTE, WARM_HOPS)) {
            System.out.println(figures.row());
        }
    }

    /**
     * Both loads for every Jykka contender this JVM runs, {@code asks} asks each (fewer if one times
     * out): the pairs once they made {@code warmHops} hops, the computations for {@code compute}.
     */
    static List<Figures> measure(int asks, Duration compute, long warmHops) throws Exception {
        List<Figures> all = new ArrayList<>();
        for (Contender contender : List.of(Contender.THREADING, Contender.VIRTUAL)) {
            if (contender.availableHere()) {
                all.add(whileTellingPairs(contender, asks, warmHops));
                all.add(whileComputing(contender, asks, compute));
            }
        }
        return all;
    }

    /** Forwards every message to its partner while the game is on; a reference sent to it is its partner. */
    static final class Player implements JykkaRig.Behavior {
        private final AtomicBoolean playing;
        private final AtomicLong hops;
        private volatile ActorRef<?> partner;

        Player(AtomicBoolean playing, AtomicLong hops) {
            this.playing = playing;
            this.hops = hops;
        }

        @Override
        public Object receive(Object message) {
            if (message instanceof ActorRef<?> newPartner) {
                partner = newPartner;
            } else if (playing.get()) {
                hops.incrementAndGet();
                partner.tell(message);
            }
            return null;
        }
    }

    static Figures whileTellingPairs(Contender contender, int asks, long warmHops) throws Exception {
        JykkaRig rig = (JykkaRig) contender.open();
        AtomicBoolean playing = new AtomicBoolean(true);
        AtomicLong hops = new AtomicLong();
        try {
            List<ActorRef<?>> serving = new ArrayList<>();
            for (int i = 0; i < PAIRS; i++) { // every pair set up before any plays: a starved set-up ask would hang here
                ActorRef<?> ping = rig.start(new Player(playing, hops));
                ActorRef<?> pong = rig.start(new Player(playing, hops));
                ping.ask(pong).get(ASK_TIMEOUT);
                pong.ask(ping).get(ASK_TIMEOUT);
                serving.add(ping);
            }
            serving.forEach(ping -> ping.tell("ball"));
            long warm = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (hops.get() < warmHops && System.nanoTime() < warm) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1)); // until every thread is busy with the pairs
            }
            List<Long> answers = new ArrayList<>();
            long askUntil = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            boolean timedOut = askRepeatedly(rig.start(JykkaRig.ECHO), asks, askUntil, answers);
            return new Figures(contender, "16 tell ping-pong pairs", answers, timedOut, -1);
        } finally {
            playing.set(false);
            rig.close();
        }
    }

    /** Computes without blocking for {@code compute} (or until released). */
    record Spin(Duration compute, CountDownLatch started, AtomicLong lastStart, CountDownLatch release) implements JykkaRig.Behavior {
        @Override
        public Object receive(Object message) {
            lastStart.accumulateAndGet(System.nanoTime(), Math::max);
            started.countDown();
            long end = System.nanoTime() + compute.toNanos();
            while (release.getCount() > 0 && System.nanoTime() < end) {
                Thread.onSpinWait();
            }
            return null;
        }
    }

    static Figures whileComputing(Contender contender, int asks, Duration compute) throws Exception {
        JykkaRig rig = (JykkaRig) contender.open();
        CountDownLatch started = new CountDownLatch(CORES + 1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicLong lastStart = new AtomicLong();
        try {
            ActorRef<?> idle = rig.start(JykkaRig.ECHO);
            idle.ask("warm up").get(ASK_TIMEOUT);
            List<ActorRef<?>> spinners = new ArrayList<>();
            for (int i = 0; i < CORES + 1; i++) {
                spinners.add(rig.start(new Spin(compute, started, lastStart, release)));
            }
            long told = System.nanoTime();
            spinners.forEach(spinner -> spinner.tell("compute"));
            long spinEnd = told + compute.toNanos();
            while (started.getCount() > 1 && System.nanoTime() < spinEnd) {
                Thread.onSpinWait(); // until every core is held by a spinner
            }
            List<Long> answers = new ArrayList<>();
            // Only asks made well before the computations end measure a wait behind them.
            boolean timedOut = askRepeatedly(idle, asks, spinEnd - compute.toNanos() / 4, answers);
            started.await(ASK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            long lastStarted = started.getCount() == 0 ? lastStart.get() - told : -1;
            return new Figures(contender, (CORES + 1) + " handlers computing", answers, timedOut, lastStarted);
        } finally {
            release.countDown();
            rig.close();
        }
    }

    /** Asks {@code idle} up to {@code asks} times, until {@code askUntilNanos}; whether one timed out. */
    private static boolean askRepeatedly(ActorRef<?> idle, int asks, long askUntilNanos, List<Long> answers) {
        for (int i = 0; i < asks && System.nanoTime() - askUntilNanos < 0; i++) {
            long start = System.nanoTime();
            try {
                idle.ask(i).get(ASK_TIMEOUT);
            } catch (ActorTimeoutException noAnswer) {
                return true;
            }
            answers.add(System.nanoTime() - start);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        return false;
    }
}
