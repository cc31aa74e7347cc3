package org.jykka.threading;

import static org.jykka.threading.VirtualThreadRuntime.BATCH;
import static org.jykka.threading.VirtualThreadRuntime.CONTEXT_LOADER;
import static org.jykka.threading.VirtualThreadRuntime.LIVE_RUNNERS;
import static org.jykka.threading.VirtualThreadRuntime.OVERFLOW_RUNNERS;
import static org.jykka.threading.VirtualThreadRuntime.PARALLELISM;
import static org.jykka.threading.VirtualThreadRuntime.READY;
import static org.jykka.threading.VirtualThreadRuntime.STARTING_RUNNERS;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jykka.threading.VirtualThreadRuntime.Activation;

/**
 * A thread of {@link VirtualThreadRuntime} that runs busy actors, one batch at a time, until there is
 * no work left: a virtual thread of the crew, or an overflow platform thread started by the
 * {@link Watchdog} while handlers hold every carrier, which hands its work back to the crew and ends
 * as soon as a carrier is free again (a runner of the crew that waited for one got it).
 *
 * <p>Between two batches it resets what a handler may have left on the thread, so the next actor
 * (or the same actor, later, on another runner) finds a thread as it was: the interrupt flag cleared
 * (an interrupt left set by a handler, say by an interrupted {@code get()} that restores it, ends
 * with the actor's batch, as a {@link ThreadingActor}'s ends when it goes idle), the context class
 * loader back to the system class loader, the name and the priority back to the runner's own.
 * {@link ThreadLocal}s cannot be reset and are shared by every actor the runner runs.
 */
final class Runner implements Runnable {
    /**
     * Successor hand-offs in a row before a runner lets the ready queue go first. Ping-pong pays one
     * look at the ready queue per this many hops; a ready actor waits at most about this many hops per
     * activation queued before it.
     */
    static final int HAND_OFFS_BEFORE_READY = 32;

    /** How often, and how many times, an overflow runner out of work looks for more before it ends (20 ms). */
    private static final long OVERFLOW_POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(200);
    private static final int OVERFLOW_LINGER_POLLS = 100;

    /** Batches a runner runs before it lets other virtual threads (not actors) have its carrier. */
    private static final int BATCHES_BEFORE_YIELD = 16;

    // The runner running in the current thread, if it is one: only so schedule() can take the successor path.
    private static final ThreadLocal<Runner> CURRENT = new ThreadLocal<>();

    private static final VarHandle SUCCESSOR;

    static {
        try {
            SUCCESSOR = MethodHandles.lookup().findVarHandle(Runner.class, "successor", Activation.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final boolean overflow;
    // Claimed with getAndSet, by this runner or the watchdog, whichever comes first.
    private volatile Activation successor;
    // Batches this runner has finished; the watchdog compares it with what it saw a tick ago.
    volatile long epoch;
    long epochSeenByWatchdog = -1; // the watchdog's own
    volatile boolean watched;
    // Set when this runner's actor makes a promise (ask, call, stop): it may block on the answer
    // right away, so the actor it wakes next must not wait for it as a successor. Only this thread.
    boolean replyAwaited;

    /** @param overflow whether this runs on an overflow platform thread rather than in the virtual crew */
    Runner(boolean overflow) {
        this.overflow = overflow;
    }

    /** The runner running in this thread, or {@code null}. */
    static Runner current() {
        return CURRENT.get();
    }

    /** Keeps {@code activation} to run next in this thread; {@code false} if a successor is already kept. */
    boolean offerSuccessor(Activation activation) {
        if (successor != null || !SUCCESSOR.compareAndSet(this, null, activation)) {
            return false;
        }
        // Dekker with the watchdog's "watched = false, then read successor": one of us sees the other.
        if (!watched) {
            watched = true;
            Watchdog.watch(this);
        }
        return true;
    }

    boolean holdsSuccessor() {
        return successor != null;
    }

    Activation takeSuccessor() {
        return successor == null ? null : (Activation) SUCCESSOR.getAndSet(this, null);
    }

    @Override
    public void run() {
        Thread thread = Thread.currentThread();
        String name = thread.getName();
        if (!overflow) {
            STARTING_RUNNERS.decrementAndGet(); // this one has a carrier
        }
        CURRENT.set(this);
        try {
            Activation next = VirtualThreadRuntime.takeReady();
            if (next == null) {
                next = retire(); // another runner was quicker
            }
            int batches = 0;
            int handOffs = 0;
            while (next != null) {
                boolean more = next.loop.runBatch(BATCH);
                replyAwaited = false;
                resetThread(thread, name);
                epoch++; // only this thread writes it; volatile so the watchdog sees it
                Activation after = takeSuccessor();
                if (after != null && ++handOffs >= HAND_OFFS_BEFORE_READY) {
                    handOffs = 0;
                    if (!READY.isEmpty()) {
                        // Fair: a chain of tells (ping-pong) must not keep what waits there waiting for ever.
                        VirtualThreadRuntime.enqueue(after);
                        after = null;
                    }
                }
                if (more && after == null && READY.isEmpty()) {
                    after = next; // nobody else waits: carry on (the periodic yield below keeps it fair)
                } else if (more) {
                    VirtualThreadRuntime.enqueue(next); // behind the others: fair, and the order within the actor is kept
                }
                if (overflow && STARTING_RUNNERS.get() == 0) {
                    // Every runner the watchdog started got a carrier: they are free again, and actors
                    // run on virtual threads whenever they can. Hand the work back to the crew and end.
                    if (after != null) {
                        VirtualThreadRuntime.enqueue(after);
                    }
                    OVERFLOW_RUNNERS.decrementAndGet();
                    return;
                }
                if (after == null) {
                    handOffs = 0;
                    after = VirtualThreadRuntime.takeReady();
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
            (overflow ? OVERFLOW_RUNNERS : LIVE_RUNNERS).decrementAndGet();
            throw unexpected;
        } finally {
            CURRENT.remove();
        }
    }

    /**
     * Undoes what the last batch's handlers may have left on this shared thread. Cheap when they left
     * nothing: a flag test and three field reads.
     */
    private static void resetThread(Thread thread, String name) {
        Thread.interrupted();
        if (thread.getContextClassLoader() != CONTEXT_LOADER) {
            thread.setContextClassLoader(CONTEXT_LOADER);
        }
        if (thread.getName() != name) { // identity: setName stores the string it is given, so this catches any change
            thread.setName(name);
        }
        if (thread.getPriority() != Thread.NORM_PRIORITY) { // virtual threads ignore it; overflow threads do not
            thread.setPriority(Thread.NORM_PRIORITY);
        }
    }

    /**
     * Looks at the ready queue a while before the overflow thread ends, as long as handlers hold every
     * carrier (a runner the watchdog started still waits for one): more work is likely to come, and a
     * new overflow thread would cost it a watchdog stall of a tick or two plus a thread start. The
     * crew, not the overflow, owes senders a look at the queue, so an overflow runner may end at any
     * time.
     */
    private static Activation lingerInOverflow() {
        for (int polls = 0; polls < OVERFLOW_LINGER_POLLS && STARTING_RUNNERS.get() > 0; polls++) {
            LockSupport.parkNanos(OVERFLOW_POLL_NANOS);
            Activation next = VirtualThreadRuntime.takeReady();
            if (next != null) {
                return next;
            }
        }
        OVERFLOW_RUNNERS.decrementAndGet();
        return null;
    }

    /** Leaves the crew; comes back if work arrived meanwhile. The next activation, or {@code null}. */
    private Activation retire() {
        if (overflow) {
            return lingerInOverflow();
        }
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
            Activation next = VirtualThreadRuntime.takeReady();
            if (next != null) {
                return next;
            }
        }
    }
}
