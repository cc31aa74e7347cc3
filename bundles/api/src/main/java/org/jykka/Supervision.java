package org.jykka;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * What a supervised actor's loop needs beyond an ordinary one: the factory of fresh instances, the
 * account under its {@link Restart} policy, and the pending end of a backoff. Touched by the loop's
 * thread, except {@link #endBackoffEarly}, which a stop request calls from anywhere.
 */
final class Supervision {
    private final Supplier<? extends Actor> factory;
    private final RestartBudget budget;
    // The end of the current backoff, or null while none. Written by the loop, read by stop requests.
    private volatile Wake wake;

    Supervision(Supplier<? extends Actor> factory, Restart policy) {
        this.factory = factory;
        this.budget = new RestartBudget(policy, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** A failure would stop the actor now: the delay before its restart in nanoseconds, or -1 to give up. */
    long onFailure() {
        return budget.onFailure(System.nanoTime());
    }

    /** How many times the actor has been restarted. */
    int restarts() {
        return budget.restarts();
    }

    /**
     * The next instance, bound to {@code mailbox}.
     *
     * @throws IllegalStateException (or whatever the factory threw) if there is none to have
     */
    Actor nextInstance(Mailbox mailbox, org.jykka.spi.ActorRuntime runtime) {
        Actor fresh = factory.get();
        if (fresh == null) {
            throw new IllegalStateException("The factory of " + mailbox.description() + " returned null");
        }
        if (fresh.runtime() != runtime) {
            throw new IllegalStateException("The factory of " + mailbox.description() + " returned "
                    + Actor.describe(fresh) + ", which runs in another runtime");
        }
        if (!Actor.bind(fresh, mailbox)) {
            throw new IllegalStateException("The factory of " + mailbox.description() + " returned "
                    + Actor.describe(fresh) + ", which was started before; it must make a new instance");
        }
        budget.restarted(System.nanoTime());
        return fresh;
    }

    /** Starts a backoff of {@code delay} nanoseconds, after which {@code resume} runs (once). */
    void backOff(long delay, Runnable resume) {
        Wake next = new Wake(resume);
        wake = next;
        TimerService.SHARED.schedule(next, System.nanoTime() + delay);
    }

    /** Whether a backoff has begun and the loop has not yet taken up the actor again. */
    boolean backingOff() {
        return wake != null;
    }

    /** Whether the current backoff has ended (its time came, or a stop ended it early). */
    boolean backoffOver() {
        Wake current = wake;
        return current != null && current.claimed.get();
    }

    /** The loop takes the actor up again after a backoff. */
    void resumed() {
        wake = null;
    }

    /**
     * Ends the current backoff now, if there is one that has not ended: {@code true} if this call
     * did, and so owes the loop its next run.
     */
    boolean endBackoffEarly() {
        Wake current = wake;
        if (current == null || !current.claimed.compareAndSet(false, true)) {
            return false;
        }
        TimerService.SHARED.cancelled(current);
        return true;
    }

    /** The end of a backoff: whoever claims it first (its time, or a stop) wakes the loop. */
    private static final class Wake extends TimerService.Task {
        final AtomicBoolean claimed = new AtomicBoolean();
        final Runnable resume;

        Wake(Runnable resume) {
            this.resume = resume;
        }

        @Override
        void fire() {
            if (claimed.compareAndSet(false, true)) {
                resume.run();
            }
        }
    }
}
