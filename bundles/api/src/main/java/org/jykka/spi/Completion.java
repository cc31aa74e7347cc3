package org.jykka.spi;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jykka.ActorException;
import org.jykka.ActorTimeoutException;
import org.jykka.internal.SafeText;

/**
 * The waiting rules of {@link org.jykka.ActorFuture#get}, in one place: for futures built on
 * {@link CompletableFuture} ({@link #await}), and the parts every future shares (how a failure
 * reaches the caller, how a timeout becomes a deadline).
 */
public final class Completion {
    private Completion() {}

    /**
     * Waits for {@code future} as {@link org.jykka.ActorFuture#get(Duration)} does; a {@code null}
     * timeout waits as long as it takes. A failure reaches the caller as the original instance (see
     * {@link #rethrow}) on every JDK, even one whose {@code toString} throws.
     */
    public static <T> T await(CompletableFuture<T> future, Duration timeout) {
        if (!future.isDone()) {
            long nanos = timeout == null ? Long.MAX_VALUE : nanos(timeout);
            if (nanos == 0) {
                throw new ActorTimeoutException("The value is not there yet (asked with a zero timeout)");
            }
            waitUntilDone(future, nanos, timeout);
        } else if (timeout != null) {
            nanos(timeout); // validates it
        }
        // Not future.get(): on Java 17 its ExecutionException is built from the failure's toString,
        // which may throw and then replace the failure. handle() hands over the failure itself.
        Throwable failure = future.handle((value, thrown) -> thrown).join();
        if (failure == null) {
            return future.getNow(null);
        }
        throw rethrow(failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure);
    }

    private static void waitUntilDone(CompletableFuture<?> future, long nanos, Duration timeout) {
        // A future of the completion itself, which never fails: waiting on it builds no exception.
        CompletableFuture<Void> done = future.handle((value, thrown) -> null);
        try {
            if (nanos == Long.MAX_VALUE) {
                done.get();
            } else {
                done.get(nanos, TimeUnit.NANOSECONDS);
            }
        } catch (ExecutionException cannotHappen) {
            throw new IllegalStateException(cannotHappen);
        } catch (TimeoutException e) {
            throw new ActorTimeoutException("No value after " + timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ActorException("Interrupted while waiting for an actor's answer", e);
        }
    }

    /**
     * What a waiting caller throws for a failure raised in an actor: a {@link RuntimeException} or
     * {@link Error} as the same instance, anything else wrapped in {@link ActorException}. Errors are
     * thrown from here; the result is meant for {@code throw Completion.rethrow(t)}.
     *
     * <p>The first caller to get an exception instance adds its own stack to it as a suppressed
     * exception; later gets of the same instance (the same future asked again, or an exception object
     * an actor throws again and again) add nothing, so the instance does not grow.
     */
    public static RuntimeException rethrow(Throwable failure) {
        Objects.requireNonNull(failure, "failure");
        if (failure instanceof RuntimeException || failure instanceof Error) {
            addCallerStackOnce(failure);
            if (failure instanceof Error error) {
                throw error;
            }
            return (RuntimeException) failure;
        }
        return new ActorException("The actor raised " + SafeText.of(failure), failure);
    }

    private static void addCallerStackOnce(Throwable failure) {
        // Two first gets at the same moment may each add one: bounded by the waiters, not the gets.
        for (Throwable suppressed : failure.getSuppressed()) {
            if (suppressed instanceof WaitedHere) {
                return;
            }
        }
        failure.addSuppressed(new WaitedHere());
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

        /**
         * Serialised as a plain {@link Exception} with the same message and stack, so a failure that
         * crosses to another JVM (a remote call) can be read where this class is not visible.
         */
        private Object writeReplace() {
            Exception plain = new Exception(getMessage());
            plain.setStackTrace(getStackTrace());
            return plain;
        }
    }
}
