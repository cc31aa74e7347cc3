package org.jykka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The answer of an actor, available later: what {@link ActorRef#ask}, {@link ActorRef#call} and
 * proxy calls return.
 *
 * <p>{@link #get()} waits for the value. A {@link RuntimeException} or {@link Error} raised in the
 * actor is rethrown as the same instance, with the waiting caller's stack added as a suppressed
 * exception; a checked exception is wrapped in an {@link ActorException} whose cause is the
 * original. A value, once there, is kept: every later {@code get} returns it.
 *
 * <p>{@link #map}, {@link #filter} and {@link #reduce} derive new futures. They are lazy views: they
 * wait as their source waits (with the timeout given to them) and run their function once, the first
 * time the value is asked for.
 *
 * @param <T> the type of the value
 */
public interface ActorFuture<T> {

    /**
     * Waits as long as it takes for the value.
     *
     * @return the value
     * @throws ActorException if the actor raised a checked exception (the cause), or the wait was
     *     interrupted (the thread's interrupt flag is set again)
     */
    T get();

    /**
     * Waits at most {@code timeout} for the value. {@link Duration#ZERO} takes the value only if it
     * is already there.
     *
     * @param timeout how long to wait; not negative
     * @return the value
     * @throws ActorTimeoutException if the value is not there in time
     * @throws IllegalArgumentException if the timeout is negative
     * @throws ActorException if the actor raised a checked exception (the cause), or the wait was
     *     interrupted (the thread's interrupt flag is set again)
     */
    T get(Duration timeout);

    /** Whether the value (or failure) is there, so that {@link #get()} would not wait. */
    boolean isDone();

    /**
     * A future of this CompletableFuture-world: completes when this future does, with its value or
     * failure. Completing the returned future does not affect this one.
     */
    CompletableFuture<T> toCompletableFuture();

    /** A future whose value is {@code function} applied to this future's value. */
    default <U> ActorFuture<U> map(Function<? super T, ? extends U> function) {
        Objects.requireNonNull(function, "function");
        return new DerivedFuture<>(this, function);
    }

    /**
     * For a future whose value is an {@link Iterable}: a future of the list of its elements that
     * match {@code predicate}, in iteration order. Any other value fails the derived future with
     * {@link IllegalStateException} naming its type.
     */
    default <E> ActorFuture<List<E>> filter(Predicate<? super E> predicate) {
        Objects.requireNonNull(predicate, "predicate");
        return map(value -> {
            List<E> kept = new ArrayList<>();
            for (E element : DerivedFuture.<E>iterable(value, "filter")) {
                if (predicate.test(element)) {
                    kept.add(element);
                }
            }
            return kept;
        });
    }

    /**
     * For a future whose value is an {@link Iterable}: combines its elements from the first to the
     * last with {@code function}, as Python's {@code functools.reduce}. An empty iterable fails the
     * derived future with {@link java.util.NoSuchElementException}; any other value than an iterable,
     * with {@link IllegalStateException}.
     */
    default <E> ActorFuture<E> reduce(BinaryOperator<E> function) {
        Objects.requireNonNull(function, "function");
        return map(value -> {
            var elements = DerivedFuture.<E>iterable(value, "reduce").iterator();
            if (!elements.hasNext()) {
                throw new java.util.NoSuchElementException("reduce of an empty iterable with no initial value");
            }
            E result = elements.next();
            while (elements.hasNext()) {
                result = function.apply(result, elements.next());
            }
            return result;
        });
    }

    /**
     * For a future whose value is an {@link Iterable}: folds its elements into {@code initial} with
     * {@code function} (Pykka's argument order: accumulated value first). An empty iterable gives
     * {@code initial}.
     */
    default <E, U> ActorFuture<U> reduce(BiFunction<U, ? super E, U> function, U initial) {
        Objects.requireNonNull(function, "function");
        return map(value -> {
            U result = initial;
            for (E element : DerivedFuture.<E>iterable(value, "reduce")) {
                result = function.apply(result, element);
            }
            return result;
        });
    }

    /**
     * One future for many: its value is the list of the futures' values, in the order given. It
     * fails as soon as {@code get} meets a failed future (with that failure); a timeout given to it
     * bounds the wait for all of them together.
     */
    static <T> ActorFuture<List<T>> join(List<? extends ActorFuture<? extends T>> futures) {
        return new JoinedFuture<>(List.copyOf(futures));
    }

    /**
     * Waits for all the futures, at most {@code timeout} in total, and returns their values in
     * iteration order.
     *
     * @throws ActorTimeoutException if not all values are there in time
     */
    static <T> List<T> getAll(Collection<? extends ActorFuture<? extends T>> futures, Duration timeout) {
        return new JoinedFuture<T>(List.copyOf(futures)).get(timeout);
    }
}
