package org.jykka;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jykka.spi.Scheduler;

/**
 * An actor's queue of envelopes and the small state machine (IDLE or SCHEDULED) that makes sure
 * exactly one {@link Scheduler#schedule()} is outstanding while there is work. Lock-free.
 */
final class Inbox {
    private static final int IDLE = 0;
    private static final int SCHEDULED = 1;
    private static final VarHandle SCHEDULING;

    static {
        try {
            SCHEDULING = MethodHandles.lookup().findVarHandle(Inbox.class, "scheduling", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    // Unbounded, lock-free, multi-producer: tell never blocks, and the single consumer polls without
    // contending with senders beyond the tail CAS.
    private final ConcurrentLinkedQueue<Envelope> queue = new ConcurrentLinkedQueue<>();
    // A field-updated int instead of an AtomicInteger: one object less per actor. Starts SCHEDULED:
    // the first schedule() (which runs onStart) is owed by Actor.start, so no sender calls schedule()
    // before the scheduler is set.
    private volatile int scheduling = SCHEDULED;
    // Written once by attach() before the first schedule(); every later reader comes after a batch
    // that set scheduling to IDLE (a volatile write), so it always sees the value.
    private Scheduler scheduler;

    void attach(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * The actor has ended: let go of the scheduler. Safe: the loop never goes idle again, so
     * scheduling stays SCHEDULED and no sender ever calls it.
     */
    void detach() {
        scheduler = null;
    }

    void put(Envelope envelope) {
        queue.offer(envelope);
    }

    /** After a {@link #put}: wakes the actor if it was idle (this caller won the wake-up). */
    void wakeIfIdle() {
        // The plain read first keeps a busy actor's senders off the CAS.
        if (scheduling == IDLE && SCHEDULING.compareAndSet(this, IDLE, SCHEDULED)) {
            wake();
        }
    }

    /**
     * Calls the schedule() this thread owes. If it throws (a sender out of stack, a broken runtime),
     * nobody would ever run the batch: give the wake-up back, so that the next message schedules again
     * (the work stays queued), and let the caller see the failure.
     */
    void wake() {
        try {
            scheduler.schedule();
        } catch (Throwable failed) {
            SCHEDULING.setVolatile(this, IDLE);
            throw failed;
        }
    }

    /**
     * At the end of a batch: goes idle, then looks once more, since a sender that put after the last
     * poll saw SCHEDULED and left the wake-up to the loop. {@code true} if there is more work and the
     * loop won it back (it must run again).
     */
    boolean goIdle() {
        SCHEDULING.setVolatile(this, IDLE);
        return !queue.isEmpty() && SCHEDULING.compareAndSet(this, IDLE, SCHEDULED);
    }

    Envelope poll() {
        return queue.poll();
    }

    int size() {
        return queue.size();
    }
}
