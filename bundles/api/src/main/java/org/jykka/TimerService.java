package org.jykka;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one thread that serves every actor's timers: a queue ordered by due time, and a daemon thread
 * that exists only while a timer is active (it ends {@link #LINGER_NANOS} after the last one goes),
 * so a redeployed plugin leaves nothing behind.
 *
 * <p>A lock and a priority queue rather than a hashed wheel: exact due times, O(log n) per timer, and
 * a cancel is O(1) (the entry is only marked; the queue is purged when marked entries outnumber live
 * ones, so churn cannot grow it). Messages are handed to their actors outside the lock.
 */
final class TimerService {
    static final TimerService SHARED = new TimerService();

    /** Something to run in the timer thread when it is due: an actor's timer, or the end of a backoff. */
    abstract static class Task {
        // Guarded by the service's lock.
        long due;
        boolean inQueue;

        /** The repeat period of a fixed-rate task, in nanoseconds; {@code 0} for a one-shot. */
        long ratePeriod() {
            return 0;
        }

        /** Runs in the timer thread, outside the lock; must not block. */
        abstract void fire();
    }

    static final long LINGER_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final PriorityQueue<Task> queue =
            new PriorityQueue<>((a, b) -> Long.compare(a.due - b.due, 0));
    // Guarded by lock.
    private int live;
    private Thread thread;

    /** Queues {@code entry} to fire at {@code due} (a nanoTime); starts the thread if none runs. */
    void schedule(Task entry, long due) {
        lock.lock();
        try {
            entry.due = due;
            entry.inQueue = true;
            queue.add(entry);
            live++;
            if (thread == null) {
                thread = newThread();
                thread.start();
            } else if (queue.peek() == entry) {
                changed.signal(); // a new earliest timer: the thread sleeps until a later one
            }
        } finally {
            lock.unlock();
        }
    }

    /** {@code entry} (already marked cancelled) will not fire: forget it. */
    void cancelled(Task entry) {
        lock.lock();
        try {
            if (!entry.inQueue) {
                return;
            }
            entry.inQueue = false;
            live--;
            if (live == 0) {
                queue.clear();
                changed.signal(); // let the thread start lingering now
            } else if (queue.size() > 2 * live + 64) {
                queue.removeIf(e -> !e.inQueue);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Whether the timer thread is alive (for tests and tools). */
    boolean threadAlive() {
        lock.lock();
        try {
            return thread != null;
        } finally {
            lock.unlock();
        }
    }

    private Thread newThread() {
        Thread timerThread = new Thread(this::run, "jykka-timers");
        timerThread.setDaemon(true);
        // Never pin the class loader of whichever plugin happened to start the first timer.
        timerThread.setContextClassLoader(null);
        return timerThread;
    }

    private void run() {
        List<Task> due = new ArrayList<>();
        while (true) {
            lock.lock();
            try {
                if (!awaitDue(due)) {
                    thread = null;
                    return;
                }
            } finally {
                lock.unlock();
            }
            for (Task entry : due) {
                entry.fire();
            }
            due.clear();
        }
    }

    /**
     * Under the lock: waits until timers are due and moves them to {@code due}, re-arming fixed-rate
     * ones. {@code false} once no timer has been active for the linger time.
     */
    private boolean awaitDue(List<Task> due) {
        long idleSince = 0;
        boolean idle = false;
        while (true) {
            Task head = queue.peek();
            long now = System.nanoTime();
            if (head == null) {
                if (!idle) {
                    idle = true;
                    idleSince = now;
                }
                long left = LINGER_NANOS - (now - idleSince);
                if (left <= 0) {
                    return false;
                }
                awaitNanos(left);
                continue;
            }
            idle = false;
            if (!head.inQueue) {
                queue.poll(); // cancelled: dropped lazily
                continue;
            }
            if (head.due - now > 0) {
                awaitNanos(head.due - now);
                continue;
            }
            while ((head = queue.peek()) != null && (!head.inQueue || head.due - now <= 0)) {
                queue.poll();
                if (!head.inQueue) {
                    continue;
                }
                due.add(head);
                if (head.ratePeriod() > 0) {
                    head.due = nextDueAtRate(head.due, head.ratePeriod(), now);
                    queue.add(head);
                } else {
                    head.inQueue = false;
                    live--;
                }
            }
            return true;
        }
    }

    /**
     * The next due time of a fixed-rate timer: one period after the last, so the rate is kept from
     * the first due time; but periods already past (the thread was held up) are skipped, not fired in a
     * burst.
     */
    static long nextDueAtRate(long lastDue, long period, long now) {
        long next = lastDue + period;
        if (next - now <= 0) {
            next += ((now - next) / period + 1) * period;
        }
        return next;
    }

    private void awaitNanos(long nanos) {
        try {
            changed.awaitNanos(nanos);
        } catch (InterruptedException e) {
            // Nobody interrupts this thread on purpose; an interrupt only means "look again".
        }
    }
}
