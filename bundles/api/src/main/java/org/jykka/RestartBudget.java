package org.jykka;

import java.util.ArrayDeque;
import java.util.function.DoubleSupplier;

/**
 * One supervised actor's account under its {@link Restart} policy: how many restarts the window
 * still allows, and how long the next one waits. Used only in the actor's own thread, so no locks.
 * Times are {@link System#nanoTime()} values, passed in so tests need no clock.
 */
final class RestartBudget {
    /** The jitter's share of the nominal delay: up to 20 % more, never less. */
    static final double JITTER = 0.2;

    private final Restart policy;
    private final DoubleSupplier random; // in [0, 1)
    // When each restart within the current window happened; at most maxRestarts entries.
    private final ArrayDeque<Long> recent = new ArrayDeque<>();
    private int inARow; // restarts since the backoff count last reset
    private long lastRestart;
    private int total;

    RestartBudget(Restart policy, DoubleSupplier random) {
        this.policy = policy;
        this.random = random;
    }

    /**
     * A failure at {@code now} would stop the actor: the delay in nanoseconds before its restart, or
     * {@code -1} if the policy gives up (no restart allowed, or the window is full).
     */
    long onFailure(long now) {
        if (!policy.restarts()) {
            return -1;
        }
        long window = saturatedNanos(policy.within());
        while (!recent.isEmpty() && now - recent.peekFirst() >= window) {
            recent.pollFirst();
        }
        if (recent.size() >= policy.maxRestarts()) {
            return -1;
        }
        recent.addLast(now);
        if (!policy.hasBackoff()) {
            return 0;
        }
        long max = saturatedNanos(policy.maxBackoff());
        if (inARow > 0 && now - lastRestart > max) {
            inARow = 0; // a quiet max since the last restart: start again from min
        }
        inARow++;
        long nominal = nominalDelay(saturatedNanos(policy.minBackoff()), max, inARow);
        long jitter = (long) (nominal * JITTER * random.getAsDouble());
        return nominal + jitter < nominal ? Long.MAX_VALUE : nominal + jitter;
    }

    /** The restart happened (the new instance is in place) at {@code now}. */
    void restarted(long now) {
        lastRestart = now;
        total++;
    }

    /** How many times the actor has been restarted. */
    int restarts() {
        return total;
    }

    /** {@code min × 2^(attempt-1)}, capped at {@code max}, without overflowing. */
    static long nominalDelay(long min, long max, int attempt) {
        int doublings = attempt - 1;
        if (doublings >= Long.SIZE - 2 || min > (max >> doublings)) {
            return max;
        }
        return Math.min(max, min << doublings);
    }

    private static long saturatedNanos(java.time.Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }
}
