package org.jykka.threading;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.jykka.ActorFuture;
import org.jykka.spi.Completion;

/**
 * An {@link ActorFuture} that its maker completes, once, with {@link #set} or {@link #setException},
 * for code that wants to hand out a future of its own (the actors' answers are futures only their
 * loop can complete). Waiting parks the thread (no monitor is held), so it is cheap for virtual
 * threads too; {@link #get()} follows the same rules as an actor's answer.
 *
 * @param <T> the type of the value
 */
public final class ThreadingFuture<T> implements ActorFuture<T> {
    private final CompletableFuture<T> result = new CompletableFuture<>();

    /** An incomplete future. */
    public ThreadingFuture() {}

    /**
     * Completes the future with {@code value}.
     *
     * @throws IllegalStateException if it is already complete
     */
    public void set(T value) {
        if (!result.complete(value)) {
            throw new IllegalStateException("This future is already complete");
        }
    }

    /**
     * Completes the future with a failure, which {@link #get()} rethrows.
     *
     * @throws IllegalStateException if it is already complete
     */
    public void setException(Throwable failure) {
        Objects.requireNonNull(failure, "failure");
        if (!result.completeExceptionally(failure)) {
            throw new IllegalStateException("This future is already complete");
        }
    }

    @Override
    public T get() {
        return Completion.await(result, null);
    }

    @Override
    public T get(Duration timeout) {
        return Completion.await(result, Objects.requireNonNull(timeout, "timeout"));
    }

    @Override
    public boolean isDone() {
        return result.isDone();
    }

    @Override
    public CompletableFuture<T> toCompletableFuture() {
        return result.copy();
    }

    @Override
    public String toString() {
        return "ThreadingFuture[" + (result.isDone() ? "done" : "pending") + "]";
    }
}
