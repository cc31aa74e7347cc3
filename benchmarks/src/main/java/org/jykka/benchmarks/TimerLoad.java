package org.jykka.benchmarks;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.apache.pekko.actor.AbstractActorWithTimers;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.jykka.Actor;
import org.jykka.ActorRef;
import org.jykka.ActorScope;
import org.jykka.spi.ActorRuntime;
import org.jykka.threading.ThreadingRuntimes;

/**
 * Not JMH: many actors, each with a periodic timer, for Jykka ({@code timers().startFixedRate}) and
 * Apache Pekko ({@code AbstractActorWithTimers}, {@code startTimerAtFixedRate}). Starts the actors,
 * lets their timers tick, then measures the heap each actor with its timer takes (after full GCs),
 * the process CPU the ticking costs (CPU time over wall time, in cores), and the ticks handled per
 * second. Each contender runs in a JVM of its own (as IdleMemory) so that one's threads and heap do
 * not count for the other.
 *
 * <pre>{@code
 * cd benchmarks && java -XX:+UseSerialGC -cp 'target/classes:target/lib/*' org.jykka.benchmarks.TimerLoad jykka 100000 100 5
 * cd benchmarks && java -XX:+UseSerialGC -cp 'target/classes:target/lib/*' org.jykka.benchmarks.TimerLoad pekko 100000 100 5
 * }</pre>
 * prints {@code TIMERS <contender> <actors> <period ms> <bytes per actor> <cpu cores> <ticks per s>}.
 * Jykka's actors are VirtualThreadActors where the JVM has virtual threads (Java 21+), else
 * ThreadingActors (use far fewer then: a thread each).
 */
public final class TimerLoad {

    record Figures(String contender, int actors, long periodMillis, long bytesPerActor, double cpuCores, double ticksPerSecond) {
        String line() {
            return String.format(Locale.ROOT, "TIMERS %s %d %d %d %.3f %.0f", contender, actors, periodMillis,
                    bytesPerActor, cpuCores, ticksPerSecond);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: TimerLoad <jykka|pekko> <actors> <period ms> <seconds measured>");
            System.exit(2);
        }
        Figures figures = measure(args[0], Integer.parseInt(args[1]), Duration.ofMillis(Long.parseLong(args[2])),
                Duration.ofSeconds(Long.parseLong(args[3])));
        System.out.println(figures.line());
        System.exit(0);
    }

    static Figures measure(String contender, int actors, Duration period, Duration window) throws Exception {
        LongAdder ticks = new LongAdder();
        long before = usedHeapAfterGc();
        try (Load load = "pekko".equals(contender) ? new PekkoLoad(actors, period, ticks) : new JykkaLoad(actors, period, ticks)) {
            // Warm up: one whole period for every timer at least, twice.
            long warmUntil = System.nanoTime() + 2 * period.toNanos() + TimeUnit.SECONDS.toNanos(1);
            while (System.nanoTime() < warmUntil) {
                TimeUnit.MILLISECONDS.sleep(50); // a harness waiting for time to pass, not a synchronisation
            }
            long heap = usedHeapAfterGc() - before;
            long ticksBefore = ticks.sum();
            long cpuBefore = processCpuNanos();
            long wallBefore = System.nanoTime();
            TimeUnit.NANOSECONDS.sleep(window.toNanos());
            long cpu = processCpuNanos() - cpuBefore;
            long wall = System.nanoTime() - wallBefore;
            long ticked = ticks.sum() - ticksBefore;
            return new Figures(load.name(), actors, period.toMillis(), heap / actors, (double) cpu / wall,
                    ticked * 1e9 / wall);
        }
    }

    interface Load extends AutoCloseable {
        String name();

        @Override
        void close() throws Exception;
    }

    /** Jykka: each actor starts its fixed-rate timer in onStart; all in one scope, closed at the end. */
    static final class JykkaLoad implements Load {
        private final ActorScope scope = ActorScope.open("timer load");
        private final String name;

        JykkaLoad(int actors, Duration period, LongAdder ticks) throws InterruptedException {
            boolean virtual = ThreadingRuntimes.hasVirtualThreads();
            ActorRuntime runtime = virtual ? ThreadingRuntimes.virtualThreads() : ThreadingRuntimes.platformThreads();
            name = virtual ? "jykka-virtual" : "jykka-threading";
            CountDownLatch started = new CountDownLatch(actors);
            List<ActorRef<Ticker>> refs = new ArrayList<>(actors);
            for (int i = 0; i < actors; i++) {
                // Spread the first ticks over one period, as Pekko's do when actors start over time.
                Duration initial = Duration.ofNanos(period.toNanos() * i / actors);
                refs.add(scope.start(new Ticker(runtime, initial, period, ticks, started)));
            }
            if (!started.await(300, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not every actor started its timer");
            }
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void close() {
            scope.close(Duration.ofMinutes(5));
        }
    }

    static final class Ticker extends Actor {
        private final Duration initial;
        private final Duration period;
        private final LongAdder ticks;
        private final CountDownLatch started;

        Ticker(ActorRuntime runtime, Duration initial, Duration period, LongAdder ticks, CountDownLatch started) {
            super(runtime);
            this.initial = initial;
            this.period = period;
            this.ticks = ticks;
            this.started = started;
        }

        @Override
        protected void onStart() {
            timers().startFixedRate("tick", "tick", initial, period);
            started.countDown();
        }

        @Override
        protected Object onReceive(Object message) {
            ticks.increment();
            return null;
        }
    }

    /** Pekko classic: each actor starts its fixed-rate timer in preStart, on the default dispatcher. */
    static final class PekkoLoad implements Load {
        private final ActorSystem system = ActorSystem.create("timers", com.typesafe.config.ConfigFactory.parseString(
                "pekko.log-dead-letters = off\npekko.loglevel = WARNING").withFallback(com.typesafe.config.ConfigFactory.load()));

        PekkoLoad(int actors, Duration period, LongAdder ticks) throws InterruptedException {
            CountDownLatch started = new CountDownLatch(actors);
            for (int i = 0; i < actors; i++) {
                system.actorOf(Props.create(PekkoTicker.class, period, ticks, started));
            }
            if (!started.await(300, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not every actor started its timer");
            }
        }

        @Override
        public String name() {
            return "pekko";
        }

        @Override
        public void close() throws Exception {
            system.terminate();
            system.getWhenTerminated().toCompletableFuture().get(5, TimeUnit.MINUTES);
        }
    }

    public static final class PekkoTicker extends AbstractActorWithTimers {
        private final Duration period;
        private final LongAdder ticks;
        private final CountDownLatch started;

        public PekkoTicker(Duration period, LongAdder ticks, CountDownLatch started) {
            this.period = period;
            this.ticks = ticks;
            this.started = started;
        }

        @Override
        public void preStart() {
            getTimers().startTimerAtFixedRate("tick", "tick", period);
            started.countDown();
        }

        @Override
        public Receive createReceive() {
            return receiveBuilder().matchAny(message -> ticks.increment()).build();
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            TimeUnit.MILLISECONDS.sleep(100); // lets reference processing settle between collections
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
