package org.jykka.threading;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.jykka.spi.ActorLoop;
import org.jykka.spi.ActorRuntime;
import org.jykka.spi.Scheduler;

/**
 * Actors on virtual threads, with no thread while idle: a small, elastic crew of virtual "runner"
 * threads takes busy actors from a ready queue and runs each for a bounded batch; a runner that finds
 * no work ends. Nothing is tied to an actor but a 16-byte {@link Activation}.
 *
 * <p>Why runners, and not a new virtual thread per activation (the first version): starting a
 * virtual thread costs 0.4 to 0.7 µs on the benchmark machine, a queue hand-off some 50 ns, and
 * ping-pong and fan-out pay it on nearly every message. Measured against Pekko in the same runs
 * (docs/benchmarks.md): ping-pong went from 0.38 to 1.9 to 2.2 times Pekko's rate, the 10,000-actor
 * fan-out from 0.44 to 1.8 to 3.0 times.
 *
 * <p>Three paths, fastest first:
 * <ol>
 *   <li><b>Successor.</b> A runner whose actor wakes another actor with a {@code tell} keeps it as its
 *       successor and runs it right after the current batch, in the same thread, on the same carrier
 *       (ping-pong, a pipeline): no queue, no wake-up. Not when the actor has just made a promise (an
 *       {@code ask}, a {@code call}, a stop; see {@link #replyMayBeAwaited}): it may block on the answer at
 *       once, so the woken actor goes to the ready queue and runs in parallel.</li>
 *   <li><b>Ready queue.</b> Anything else goes to a shared lock-free queue; while fewer runners live
 *       than there are cores, waking an actor starts one more.</li>
 *   <li><b>Rescue.</b> A runner may block inside a handler (an ask().get(), sleep, I/O). It then only
 *       unmounts from its carrier, but the work it holds or that waits for a runner must not wait for
 *       it: a watchdog virtual thread, alive only while there is work waiting, checks every
 *       {@value #TICK_MICROS} µs. A successor whose runner has not finished a batch in a whole tick is
 *       moved to the ready queue; if no runner anywhere finished a batch in a whole tick while work
 *       waits, it starts as many new runners as there are live ones (so a thousand blocked handlers
 *       are covered in about ten ticks). So blocking never deadlocks the runtime nor starves an actor
 *       for more than a tick or two: that is the worst case, for an actor that tells another and then
 *       blocks on something other than an ActorFuture (a latch, a sleep) within the same handler.</li>
 * </ol>
 *
 * <p>The Java 21 API ({@code Thread.ofVirtual()}) is reached through {@link MethodHandles} once, when
 * the class loads, so the bundle still compiles and loads with {@code --release 17}; on Java 17
 * {@link #attach} refuses, and {@link org.jykka.Actor#start} throws.
 */
final class VirtualThreadRuntime implements ActorRuntime {
    static final VirtualThreadRuntime INSTANCE = new VirtualThreadRuntime();

    /**
     * Messages per batch. Large enough that a busy actor rarely goes back to the queue, small enough
     * that one flooded actor cannot keep a runner from the others for long (Pekko's {@code throughput}
     * plays the same role, default 5).
     */
    static final int BATCH = 64;

    /** How often the watchdog looks for blocked runners while work waits. */
    static final long TICK_MICROS = 1000;

    /** Batches a runner runs before it lets other virtual threads (not actors) have its carrier. */
    private static final int BATCHES_BEFORE_YIELD = 16;

    /** Unnamed virtual threads, or {@code null} when this JVM has none (Java 17 to 20). */
    private static final ThreadFactory VIRTUAL_THREADS = virtualThreadFactory();

    private static final int PARALLELISM = Runtime.getRuntime().availableProcessors();

    // The runner running in the current thread, if it is one: only so schedule() can take the successor path.
    private static final ThreadLocal<Runner> CURRENT = new ThreadLocal<>();

    // Static, not per instance: there is one runtime, and an Activation then needs no field for it.
    private static final ConcurrentLinkedQueue<Activation> READY = new ConcurrentLinkedQueue<>();
    private static final AtomicInteger LIVE_RUNNERS = new AtomicInteger();
    // Batches finished by all runners: the watchdog's sign that the runners are not all blocked.
    private static final AtomicLong PROGRESS = new AtomicLong();
    // Runners that hold a successor, for the watchdog to check; a runner may be listed twice (harmless).
    private static final ConcurrentLinkedQueue<Runner> HOLDING_SUCCESSORS = new ConcurrentLinkedQueue<>();
    private static final AtomicBoolean WATCHDOG_ALIVE = new AtomicBoolean();

    private VirtualThreadRuntime() {}

    /** Whether this JVM has virtual threads (Java 21 or later). */
    static boolean isSupported() {
        return VIRTUAL_THREADS != null;
    }

    @Override
    public Scheduler attach(ActorLoop loop) {
        if (VIRTUAL_THREADS == null) {
            throw new UnsupportedOperationException(loop.ref() + " is a VirtualThreadActor, which needs"
                    + " Java 21 or later (virtual threads), but this JVM is Java " + Runtime.version().feature()
                    + ": run on Java 21+, or extend ThreadingActor instead");
        }
        return new Activation(loop);
    }

    /** One actor's scheduler: all an idle actor costs this runtime. */
    private static final class Activation implements Scheduler {
        final ActorLoop loop;

        Activation(ActorLoop loop) {
            this.loop = loop;
        }

        @Override
        public void schedule() {
            // Safe: the loop calls this once per idle-to-busy transition, so the activation is in at
            // most one place (a successor slot, the ready queue, or a runner's hands) at a time.
            Runner runner = CURRENT.get();
            if (runner != null && !runner.replyAwaited && runner.offerSuccessor(this)) {
                return; // run right after the sender's batch, in its thread
            }
            if (runner != null) {
                runner.replyAwaited = false;
            }
            enqueue(this);
        }
    }

    @Override
    public void replyMayBeAwaited() {
        Runner runner = CURRENT.get();
        if (runner != null) {
            runner.replyAwaited = true;
        }
    }

    private static void enqueue(Activation activation) {
        READY.offer(activation);
        for (int live; (live = LIVE_RUNNERS.get()) < PARALLELISM; ) {
            if (LIVE_RUNNERS.compareAndSet(live, live + 1)) {
                startRunner();
                return;
            }
        }
        // Every runner is busy (or blocked): one of them takes it when done, or the watchdog steps in.
        armWatchdog();
    }

    private static void startRunner() {
        VIRTUAL_THREADS.newThread(new Runner()).start();
    }

    /** A virtual thread that runs busy actors, one batch at a time, until there is no work left. */
    private static final class Runner implements Runnable {
        private static final VarHandle SUCCESSOR;

        static {
            try {
                SUCCESSOR = MethodHandles.lookup().findVarHandle(Runner.class, "successor", Activation.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        // Claimed with getAndSet, by this runner or the watchdog, whichever comes first.
        private volatile Activation successor;
        // Batches this runner has finished; the watchdog compares it with what it saw a tick ago.
        private volatile long epoch;
        private long epochSeenByWatchdog = -1; // the watchdog's own
        private volatile boolean watched;
        // Set when this runner's actor makes a promise (ask, call, stop): it may block on the answer
        // right away, so the actor it wakes next must not wait for it as a successor. Only this thread.
        boolean replyAwaited;

        /** Keeps {@code activation} to run next in this thread; {@code false} if a successor is already kept. */
        boolean offerSuccessor(Activation activation) {
            if (successor != null || !SUCCESSOR.compareAndSet(this, null, activation)) {
                return false;
            }
            // Dekker with the watchdog's "watched = false, then read successor": one of us sees the other.
            if (!watched) {
                watched = true;
                HOLDING_SUCCESSORS.offer(this);
                armWatchdog();
            }
            return true;
        }

        Activation takeSuccessor() {
            return successor == null ? null : (Activation) SUCCESSOR.getAndSet(this, null);
        }

        @Override
        public void run() {
            CURRENT.set(this);
            try {
                Activation next = READY.poll();
                if (next == null) {
                    next = retire(); // another runner was quicker
                }
                int batches = 0;
                while (next != null) {
                    boolean more = next.loop.runBatch(BATCH);
                    replyAwaited = false;
                    epoch++; // only this thread writes it; volatile so the watchdog sees it
                    PROGRESS.incrementAndGet();
                    Activation after = takeSuccessor();
                    if (more && after == null && READY.isEmpty()) {
                        after = next; // nobody else waits: carry on (the periodic yield below keeps it fair)
                    } else if (more) {
                        enqueue(next); // behind the others: fair, and the order within the actor is kept
                    }
                    if (after == null) {
                        after = READY.poll();
                    }
                    if (after == null) {
                        after = retire();
                    }
                    if (++batches % BATCHES_BEFORE_YIELD == 0) {
                        Thread.yield(); // virtual threads that are not actors share these carriers
                    }
                    next = after;
                }
            } catch (Throwable unexpected) { // runBatch never throws; an Error (out of memory) may
                LIVE_RUNNERS.decrementAndGet();
                throw unexpected;
            } finally {
                CURRENT.remove();
            }
        }

        /** Leaves the crew; comes back if work arrived meanwhile. The next activation, or {@code null}. */
        private Activation retire() {
            while (true) {
                LIVE_RUNNERS.decrementAndGet();
                // A sender that saw the crew full just before we left relies on us to look again.
                if (READY.isEmpty()) {
                    return null;
                }
                int live = LIVE_RUNNERS.get();
                if (live >= PARALLELISM || !LIVE_RUNNERS.compareAndSet(live, live + 1)) {
                    return null; // someone else is there for it
                }
                Activation next = READY.poll();
                if (next != null) {
                    return next;
                }
            }
        }
    }

    // ---- the watchdog: only alive while work waits ----

    private static void armWatchdog() {
        if (!WATCHDOG_ALIVE.get() && WATCHDOG_ALIVE.compareAndSet(false, true)) {
            VIRTUAL_THREADS.newThread(VirtualThreadRuntime::watch).start();
        }
    }

    private static void watch() {
        long lastProgress = PROGRESS.get();
        while (true) {
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(TICK_MICROS));
            rescueSuccessors();
            long now = PROGRESS.get();
            if (now == lastProgress && !READY.isEmpty()) {
                // Work waits and no runner finished a batch for a whole tick: they are all blocked (or
                // busy with long handlers, where extra runners do no harm). Double the crew.
                int extra = Math.max(1, LIVE_RUNNERS.get());
                LIVE_RUNNERS.addAndGet(extra);
                for (int i = 0; i < extra; i++) {
                    startRunner();
                }
            }
            lastProgress = now;
            if (HOLDING_SUCCESSORS.isEmpty() && READY.isEmpty()) {
                WATCHDOG_ALIVE.set(false);
                // Dekker with armWatchdog: whoever added work after our look sees us gone and restarts us.
                if (HOLDING_SUCCESSORS.isEmpty() && READY.isEmpty() || !WATCHDOG_ALIVE.compareAndSet(false, true)) {
                    return;
                }
            }
        }
    }

    /** Moves the successor of every runner that finished no batch in a whole tick to the ready queue. */
    private static void rescueSuccessors() {
        List<Runner> keep = new ArrayList<>();
        for (Runner runner; (runner = HOLDING_SUCCESSORS.poll()) != null; ) {
            runner.watched = false;
            if (runner.successor == null) {
                continue; // taken by its runner in time
            }
            long epoch = runner.epoch;
            if (epoch == runner.epochSeenByWatchdog) {
                Activation stuck = runner.takeSuccessor();
                if (stuck != null) {
                    enqueue(stuck);
                }
            } else {
                runner.epochSeenByWatchdog = epoch;
                runner.watched = true;
                keep.add(runner);
            }
        }
        HOLDING_SUCCESSORS.addAll(keep);
    }

    private static ThreadFactory virtualThreadFactory() {
        try {
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            Class<?> builderType = Class.forName("java.lang.Thread$Builder");
            Class<?> ofVirtualType = Class.forName("java.lang.Thread$Builder$OfVirtual");
            MethodHandle ofVirtual = lookup.findStatic(Thread.class, "ofVirtual", MethodType.methodType(ofVirtualType));
            MethodHandle factory = lookup.findVirtual(builderType, "factory", MethodType.methodType(ThreadFactory.class));
            return (ThreadFactory) factory.invoke(ofVirtual.invoke());
        } catch (ClassNotFoundException | NoSuchMethodException | IllegalAccessException beforeJava21) {
            return null;
        } catch (Throwable unexpected) {
            throw new ExceptionInInitializerError(unexpected);
        }
    }
}
