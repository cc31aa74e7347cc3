package org.jykka;

import static java.lang.System.Logger.Level.ERROR;
import static java.lang.System.Logger.Level.WARNING;

import java.time.Duration;
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

    /**
     * In the actor's thread, a failure would stop it: restart it now ({@code true}: the batch goes on
     * with the new instance), back off ({@code false}: the backoff's end runs the loop again), or give
     * up and end it ({@code false}).
     */
    boolean failed(Mailbox mailbox, Throwable failure) {
        long delay = budget.onFailure(System.nanoTime());
        if (delay < 0) {
            mailbox.log(ERROR, mailbox.ref() + " gave up after " + restarts() + " restarts and stops for good", null);
            mailbox.endWith(Termination.failed(failure), failure);
            return false;
        }
        mailbox.retireInstance(failure);
        mailbox.log(WARNING, "Restarting " + mailbox.ref() + " (restart " + (restarts() + 1) + ") in "
                + Duration.ofNanos(delay) + " after " + failure.getClass().getName(), failure);
        if (delay == 0) {
            return restart(mailbox);
        }
        backOff(delay, mailbox::wakeLoop);
        // A stop that came before the backoff was there to end it: end it here (unless the stop's own
        // attempt already did), so the actor stops without a new instance.
        if (!mailbox.isAlive() && endBackoffEarly()) {
            wake = null;
            mailbox.endWith(Termination.STOPPED, null);
        }
        return false;
    }

    /**
     * In the actor's thread, woken during a backoff: {@code true} if a fresh instance now takes over;
     * {@code false} if the backoff goes on (a stray wake-up) or the actor has ended (a stop came, or
     * the factory failed).
     */
    boolean resume(Mailbox mailbox) {
        Wake current = wake;
        if (current == null || !current.claimed.get()) {
            return false;
        }
        wake = null;
        if (!mailbox.isAlive()) {
            mailbox.endWith(Termination.STOPPED, null); // a stop during the backoff: no new instance
            return false;
        }
        return restart(mailbox);
    }

    /** An operator's restart, in the actor's thread, its instance already let go; as {@link #restart}. */
    boolean restartNow(Mailbox mailbox) {
        mailbox.log(WARNING, "Restarting " + mailbox.ref() + " on request (restart " + (restarts() + 1) + ")", null);
        return restart(mailbox);
    }

    /** Swaps in the factory's next instance; {@code false} (and the actor ended) if there is none. */
    private boolean restart(Mailbox mailbox) {
        try {
            mailbox.installInstance(nextInstance(mailbox));
            return true;
        } catch (Throwable noInstance) {
            mailbox.log(ERROR, mailbox.ref() + " could not be restarted and stops for good", noInstance);
            mailbox.endWith(Termination.failed(noInstance), null);
            return false;
        }
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
    private Actor nextInstance(Mailbox mailbox) {
        Actor fresh = factory.get();
        if (fresh == null) {
            throw new IllegalStateException("The factory of " + mailbox.ref() + " returned null");
        }
        if (fresh.runtime() != mailbox.runtime()) {
            throw new IllegalStateException("The factory of " + mailbox.ref() + " returned "
                    + Actor.describe(fresh) + ", which runs in another runtime");
        }
        if (!Actor.bind(fresh, mailbox)) {
            throw new IllegalStateException("The factory of " + mailbox.ref() + " returned "
                    + Actor.describe(fresh) + ", which was started before; it must make a new instance");
        }
        budget.restarted(System.nanoTime());
        return fresh;
    }

    /** Starts a backoff of {@code delay} nanoseconds, after which {@code resume} runs (once). */
    private void backOff(long delay, Runnable resume) {
        Wake next = new Wake(resume);
        wake = next;
        TimerService.SHARED.schedule(next, System.nanoTime() + delay);
    }

    /** Whether a backoff has begun and the loop has not yet taken up the actor again. */
    boolean backingOff() {
        return wake != null;
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
