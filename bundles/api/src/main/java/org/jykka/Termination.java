package org.jykka;

import java.util.Objects;

/**
 * How an actor ended: what {@link ActorRef#termination()} completes with and what a watcher's
 * {@link Actor#onTerminated} receives.
 *
 * @param reason why the actor ended
 * @param cause the failure that ended it; {@code null} exactly when {@code reason} is
 *     {@link Reason#STOPPED}
 */
public record Termination(Reason reason, Throwable cause) {

    /** Why an actor ended. */
    public enum Reason {
        /**
         * Stopped normally: a stop request, {@link ActorScope#close()}, or a stop during a restart's
         * backoff. An actor whose {@code onStop} throws still ends {@code STOPPED}.
         */
        STOPPED,
        /**
         * Stopped by a failure nobody waited on (a {@code tell}, a {@code defer}, {@code onStart},
         * {@code onTerminated}), with no restart left under its {@link Restart} policy, or because
         * its factory failed.
         */
        FAILED
    }

    /**
     * @throws NullPointerException if {@code reason} is {@code null}, or it is {@code FAILED} and
     *     {@code cause} is {@code null}
     * @throws IllegalArgumentException if it is {@code STOPPED} and a cause is given
     */
    public Termination {
        Objects.requireNonNull(reason, "reason");
        if (reason == Reason.FAILED) {
            Objects.requireNonNull(cause, "A FAILED termination needs its cause");
        } else if (cause != null) {
            throw new IllegalArgumentException("A STOPPED termination has no cause");
        }
    }

    /** The termination of an actor that was stopped normally. */
    static final Termination STOPPED = new Termination(Reason.STOPPED, null);

    /** The termination of an actor that failed for good with {@code cause}. */
    static Termination failed(Throwable cause) {
        return new Termination(Reason.FAILED, cause);
    }
}
