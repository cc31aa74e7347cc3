package org.jykka.threading;

import static org.jykka.threading.VirtualThreadRuntime.CONTEXT_LOADER;
import static org.jykka.threading.VirtualThreadRuntime.LIVE_RUNNERS;
import static org.jykka.threading.VirtualThreadRuntime.OVERFLOW_RUNNERS;
import static org.jykka.threading.VirtualThreadRuntime.PARALLELISM;
import static org.jykka.threading.VirtualThreadRuntime.READY;
import static org.jykka.threading.VirtualThreadRuntime.STARTING_RUNNERS;
import static org.jykka.threading.VirtualThreadRuntime.TAKEN;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.jykka.threading.VirtualThreadRuntime.Activation;

/**
 * The daemon platform thread that keeps {@link VirtualThreadRuntime} moving while its runners block or
 * compute: alive only while work waits (a successor held, or anything on the ready queue), and for
 * {@value #LINGER_TICKS} idle ticks after, so that work that comes and goes does not start a thread
 * each time. A platform thread, not a virtual one: when handlers that never block hold every carrier,
 * a virtual watchdog would never run either.
 *
 * <p>Every {@value #TICK_MICROS} µs it
 * <ul>
 *   <li>moves the successor of a runner that finished no batch in a whole tick to the ready queue
 *       (its runner blocks or computes inside a handler);</li>
 *   <li>and when the head of the ready queue has waited a whole tick (the queue was not empty a tick
 *       ago and nothing was taken since): if every runner it started got a carrier, the runners are
 *       blocked, and it doubles the virtual crew (cheap); if a runner it started is still waiting for
 *       a carrier, handlers hold them all without blocking, and it starts one overflow runner, a
 *       platform thread the OS runs beside them (at most {@link #OVERFLOW_LIMIT} at once).</li>
 * </ul>
 */
final class Watchdog implements Runnable {
    /** How often the watchdog looks while work waits. */
    static final long TICK_MICROS = 1000;

    /** Ticks with nothing to watch before the watchdog thread ends. */
    static final int LINGER_TICKS = 20;

    /** Overflow runners at most, whatever the number of cores. */
    static final int OVERFLOW_LIMIT_MIN = 16;

    /**
     * Overflow platform threads at most: so many handlers may compute without blocking, beyond the
     * carriers, before other actors wait for one of them to finish.
     */
    static final int OVERFLOW_LIMIT = Math.max(OVERFLOW_LIMIT_MIN, 4 * PARALLELISM);

    // Runners that hold a successor, for the watchdog to check; a runner may be listed twice (harmless).
    private static final ConcurrentLinkedQueue<Runner> HOLDING_SUCCESSORS = new ConcurrentLinkedQueue<>();
    private static final AtomicBoolean ALIVE = new AtomicBoolean();

    private Watchdog() {}

    /** Lists {@code runner}, which just took a successor, to be checked, and makes sure the watchdog runs. */
    static void watch(Runner runner) {
        HOLDING_SUCCESSORS.offer(runner);
        arm();
    }

    /**
     * Starts the watchdog unless it runs. Cheap when it does: one volatile read. Never throws: its
     * callers have queued work already, and a thrown wake-up would make the loop think it lost.
     */
    static void arm() {
        if (!ALIVE.get() && ALIVE.compareAndSet(false, true)) {
            try {
                startPlatformThread(new Watchdog(), "jykka-virtual-watchdog");
            } catch (Throwable noThread) { // out of memory, or of threads: the next arm() tries again
                ALIVE.set(false);
            }
        }
    }

    @Override
    public void run() {
        long lastTaken = TAKEN.get();
        boolean waitedLastTick = false;
        int idleTicks = 0;
        while (true) {
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(TICK_MICROS));
            rescueSuccessors();
            boolean waiting = !READY.isEmpty();
            long taken = TAKEN.get();
            if (waiting && waitedLastTick && taken == lastTaken) {
                relieveReadyQueue();
            }
            waitedLastTick = waiting;
            lastTaken = taken;
            if (waiting || !HOLDING_SUCCESSORS.isEmpty()) {
                idleTicks = 0;
            } else if (++idleTicks >= LINGER_TICKS) {
                ALIVE.set(false);
                // Dekker with arm(): whoever added work after our look sees us gone and restarts us.
                if (HOLDING_SUCCESSORS.isEmpty() && READY.isEmpty() || !ALIVE.compareAndSet(false, true)) {
                    return;
                }
                idleTicks = 0;
            }
        }
    }

    /** The ready queue's head waited a whole tick: add the kind of runner that can run now. */
    private static void relieveReadyQueue() {
        if (STARTING_RUNNERS.get() == 0) {
            // Every runner we started runs: they are blocked (unmounted), and virtual threads are cheap.
            // Double the crew, so a thousand blocked handlers are covered in about ten ticks.
            int extra = Math.max(1, LIVE_RUNNERS.get());
            LIVE_RUNNERS.addAndGet(extra);
            for (int i = 0; i < extra; i++) {
                VirtualThreadRuntime.startRunnerCounted();
            }
        } else if (OVERFLOW_RUNNERS.get() < OVERFLOW_LIMIT) {
            // A runner has waited a whole tick for a carrier: handlers hold them all and do not block.
            // Only this thread starts overflow runners, so the check and the increment need no CAS.
            OVERFLOW_RUNNERS.incrementAndGet();
            try {
                startPlatformThread(new Runner(true), "jykka-virtual-overflow");
            } catch (Throwable noThread) { // out of threads: try again next tick
                OVERFLOW_RUNNERS.decrementAndGet();
            }
        }
    }

    /** Moves the successor of every runner that finished no batch in a whole tick to the ready queue. */
    private static void rescueSuccessors() {
        List<Runner> keep = new ArrayList<>();
        for (Runner runner; (runner = HOLDING_SUCCESSORS.poll()) != null; ) {
            runner.watched = false;
            if (!runner.holdsSuccessor()) {
                continue; // taken by its runner in time
            }
            long epoch = runner.epoch;
            if (epoch == runner.epochSeenByWatchdog) {
                Activation stuck = runner.takeSuccessor();
                if (stuck != null) {
                    VirtualThreadRuntime.enqueue(stuck);
                }
            } else {
                runner.epochSeenByWatchdog = epoch;
                runner.watched = true;
                keep.add(runner);
            }
        }
        HOLDING_SUCCESSORS.addAll(keep);
    }

    /**
     * A daemon platform thread that inherits nothing from its starter (which may be a plugin's actor):
     * no InheritableThreadLocals, the system class loader as its context class loader, and (on Java
     * 21 to 23, where a platform thread keeps the access control context it was created in, with the
     * protection domains and so the class loaders of every class on the starter's stack) only this
     * class's context: so a watchdog started inside a plugin's handler does not keep the plugin's
     * class loader alive for as long as it runs.
     */
    @SuppressWarnings("removal") // AccessController: still there, and from Java 24 on threads capture no context
    private static void startPlatformThread(Runnable task, String name) {
        java.security.AccessController.doPrivileged((java.security.PrivilegedAction<Void>) () -> {
            Thread thread = new Thread(null, task, name, 0, false);
            thread.setDaemon(true);
            thread.setContextClassLoader(CONTEXT_LOADER);
            thread.start();
            return null;
        });
    }
}
