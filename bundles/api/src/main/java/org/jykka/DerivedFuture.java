package org.jykka;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.jykka.spi.Completion;

/**
 * A lazy view of another future: waits as the source waits, then applies the function once and keeps
 * what it gave (value or exception). The source's failures and timeouts pass through untouched and
 * are not kept, so a later {@code get} with a longer timeout can still succeed.
 */
final class DerivedFuture<S, T> implements ActorFuture<T> {
    private final ActorFuture<S> source;
    private final Function<? super S, ? extends T> function;
    // Not synchronized: a virtual thread must not pin its carrier while the function runs.
    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean applied;
    private T value;
    private Throwable failure;

    DerivedFuture(ActorFuture<S> source, Function<? super S, ? extends T> function) {
        this.source = source;
        this.function = function;
    }

    @Override
    public T get() {
        return apply(source.get());
    }

    @Override
    public T get(Duration timeout) {
        return apply(source.get(timeout));
    }

    @Override
    public boolean isDone() {
        return source.isDone();
    }

    @Override
    public CompletableFuture<T> toCompletableFuture() {
        return source.toCompletableFuture().thenApply(sourceValue -> {
            applyOnce(sourceValue);
            if (failure != null) {
                // Not new CompletionException(failure): that constructor calls the failure's toString.
                throw new CompletionException("The function of a derived future failed", failure);
            }
            return value;
        });
    }

    private T apply(S sourceValue) {
        applyOnce(sourceValue);
        if (failure != null) {
            throw Completion.rethrow(failure);
        }
        return value;
    }

    /** Runs the function the first time; later calls find in value or failure what it gave then. */
    private void applyOnce(S sourceValue) {
        if (!applied) {
            lock.lock();
            try {
                if (!applied) {
                    try {
                        value = function.apply(sourceValue);
                    } catch (Throwable t) {
                        failure = t;
                    }
                    applied = true; // volatile write publishes value and failure
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /** The value as an iterable, or an {@link IllegalStateException} naming what it is instead. */
    @SuppressWarnings("unchecked")
    static <E> Iterable<E> iterable(Object value, String operation) {
        if (value instanceof Iterable<?> iterable) {
            return (Iterable<E>) iterable;
        }
        String type = value == null ? "null" : value.getClass().getName();
        throw new IllegalStateException(operation + " needs a future whose value is an Iterable, not " + type);
    }
}
