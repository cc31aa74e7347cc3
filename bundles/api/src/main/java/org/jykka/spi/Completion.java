package org.jykka.spi;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jykka.ActorException;
import org.jykka.ActorTimeoutException;

/**
 * The waiting rules of {@link org.jykka.ActorFuture#get}, in one place, for futures built on
 * {@link CompletableFuture}.
 */
public final class Completion {
    private Completion() {}

    /**
     * Waits for {@code future} as {@link org.jykka.ActorFuture#get(Duration)} does; a {@code null}
     * timeout waits as long as it takes.
     */
    public static <T> T await(CompletableFuture<T> future, Duration timeout) {
        try {
            if (timeout == null) {
                return future.get();
            }
            long nanos = nanos(timeout);
            if (nanos == 0 && !future.isDone()) {
                throw new ActorTimeoutException("The value is not there yet (asked with a zero timeout)");
            }
            return nanos == Long.MAX_VALUE ? future.get() : future.get(nanos, TimeUnit.NANOSECONDS);
        } catch (ExecutionException | CompletionException e) {
            throw rethrow(e.getCause() == null ? e : e.getCause());
        } catch (CancellationException e) {
            throw rethrow(e);
        } catch (TimeoutException e) {
            throw new ActorTimeoutException("No value after " + timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ActorException("Interrupted while waiting for an actor's answer", e);
        }
    }

    /**
     * What a waiting caller throws for a failure raised in an actor: a {@link RuntimeException} or
     * {@link Error} as the same instance, with the caller's stack added as a suppressed exception;
     * anything else wrapped in {@link ActorException}. Errors are thrown from here; the result is
     * meant for {@code throw Completion.rethrow(t)}.
     */
    public static RuntimeException rethrow(Throwable failure) {
        Objects.requireNonNull(failure, "failure");
        if (failure instanceof RuntimeException || failure instanceof Error) {
            failure.addSuppressed(new WaitedHere());
            if (failure instanceof Error error) {
                throw error;
            }
            return (RuntimeException) failure;
        }
        return new ActorException("The actor raised " + failure, failure);
    }

    /** The nanoTime by which a wait of {@code timeout} must end; validates the timeout. */
    public static long deadline(Duration timeout) {
        long nanos = nanos(timeout);
        if (nanos == Long.MAX_VALUE) {
            return Long.MAX_VALUE;
        }
        long now = System.nanoTime();
        // Saturate instead of wrapping around for very long (but not endless) timeouts.
        return now + nanos < now ? Long.MAX_VALUE : now + nanos;
    }

    /** The time left until {@code deadline}, never negative. */
    public static Duration remaining(long deadline) {
        if (deadline == Long.MAX_VALUE) {
            return Duration.ofNanos(Long.MAX_VALUE);
        }
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    private static long nanos(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("The timeout must not be negative, but is " + timeout);
        }
        try {
            return timeout.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE; // some 292 years: as good as forever
        }
    }

    /** Marks where a caller waited for a failed answer; its stack trace is the caller's. */
    private static final class WaitedHere extends Exception {
        private static final long serialVersionUID = 1L;

        WaitedHere() {
            super("The caller waited for the actor's answer here");
        }
    }
}
