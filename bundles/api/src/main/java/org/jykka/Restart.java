package org.jykka;

import java.time.Duration;
import java.util.Objects;

/**
 * When a failed actor is replaced by a fresh instance instead of stopping: the policy given to
 * {@link Actor#start(java.util.function.Supplier, Restart)}, as Erlang/OTP's restart intensity and
 * period, with an optional exponential backoff.
 *
 * <pre>{@code
 * // at most 3 restarts within 10 seconds, the first after 100 ms, then 200, 400, ... up to 5 s
 * Restart policy = Restart.limit(3, Duration.ofSeconds(10))
 *         .withBackoff(Duration.ofMillis(100), Duration.ofSeconds(5));
 * ActorRef<Worker> worker = Actor.start(Worker::new, policy);
 * }</pre>
 *
 * <p>A failure "would stop" an actor when an exception nobody waits on escapes it: from a
 * {@code tell}, a {@code defer}, a {@code void} proxy call, {@code onStart} or {@code onTerminated}.
 * An exception answered to an {@code ask} never restarts anything: only its caller sees it. Instances
 * are immutable and may be shared.
 */
public final class Restart {
    private static final Restart NEVER = new Restart(-1, null, Duration.ZERO, Duration.ZERO);

    // -1 for never; otherwise the restarts allowed within the window.
    private final int maxRestarts;
    private final Duration within;
    private final Duration minBackoff;
    private final Duration maxBackoff;

    private Restart(int maxRestarts, Duration within, Duration minBackoff, Duration maxBackoff) {
        this.maxRestarts = maxRestarts;
        this.within = within;
        this.minBackoff = minBackoff;
        this.maxBackoff = maxBackoff;
    }

    /** Never restart: a failure stops the actor for good, as {@link Actor#start(Actor)} does. */
    public static Restart never() {
        return NEVER;
    }

    /**
     * Restart at most {@code maxRestarts} times within any window of {@code within}: one more failure
     * in that window and the actor stops for good, its {@link Termination} {@code FAILED} with the last
     * cause. Restarts are immediate unless {@link #withBackoff} says otherwise.
     *
     * @param maxRestarts how many restarts the window allows; {@code 0} means none (as {@link #never()})
     * @param within the length of the window; positive
     * @throws IllegalArgumentException if {@code maxRestarts} is negative or {@code within} is zero or
     *     negative
     * @throws NullPointerException if {@code within} is {@code null}
     */
    public static Restart limit(int maxRestarts, Duration within) {
        Objects.requireNonNull(within, "within");
        if (maxRestarts < 0) {
            throw new IllegalArgumentException("maxRestarts must not be negative, but is " + maxRestarts);
        }
        if (within.isNegative() || within.isZero()) {
            throw new IllegalArgumentException("The restart window must be positive, but is " + within);
        }
        return new Restart(maxRestarts, within, Duration.ZERO, Duration.ZERO);
    }

    /**
     * This policy, with each restart delayed: the n-th restart in a row waits {@code min × 2^(n-1)},
     * capped at {@code max}, plus up to 20 % random jitter (never less than that nominal delay). The
     * count starts again after {@code max} without a restart. While it waits, the actor is alive: it
     * accepts messages and keeps them for the new instance.
     *
     * @throws IllegalArgumentException if {@code min} is zero or negative, or greater than {@code max}
     * @throws NullPointerException if {@code min} or {@code max} is {@code null}
     */
    public Restart withBackoff(Duration min, Duration max) {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        if (min.isNegative() || min.isZero()) {
            throw new IllegalArgumentException("The minimum backoff must be positive, but is " + min);
        }
        if (min.compareTo(max) > 0) {
            throw new IllegalArgumentException("The minimum backoff " + min + " is greater than the maximum " + max);
        }
        return new Restart(maxRestarts, within, min, max);
    }

    /** Whether this policy ever restarts. */
    boolean restarts() {
        return maxRestarts > 0;
    }

    int maxRestarts() {
        return Math.max(0, maxRestarts);
    }

    Duration within() {
        return within;
    }

    boolean hasBackoff() {
        return !maxBackoff.isZero();
    }

    Duration minBackoff() {
        return minBackoff;
    }

    Duration maxBackoff() {
        return maxBackoff;
    }

    @Override
    public String toString() {
        if (!restarts()) {
            return "Restart.never()";
        }
        String limit = "Restart.limit(" + maxRestarts + ", " + within + ")";
        return hasBackoff() ? limit + ".withBackoff(" + minBackoff + ", " + maxBackoff + ")" : limit;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Restart that
                && maxRestarts() == that.maxRestarts()
                && Objects.equals(restarts() ? within : null, that.restarts() ? that.within : null)
                && minBackoff.equals(that.minBackoff)
                && maxBackoff.equals(that.maxBackoff);
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxRestarts(), restarts() ? within : null, minBackoff, maxBackoff);
    }
}
