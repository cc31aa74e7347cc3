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
import org.osgi.annotation.versioning.ProviderType;

/**
 * The answer of an actor, available later: what {@link ActorRef#ask}, {@link ActorRef#call} and
 * proxy calls return.
 *
 * <p>{@link #get()} waits for the value. A {@link RuntimeException} or {@link Error} raised in the
 * actor is rethrown as the same instance, with the waiting caller's stack added as a suppressed
 * exception; a checked exception is wrapped in an {@link ActorException} whose cause is the
 * original. A value, once there, is kept: every later {@code get} returns it. The caller's stack is
 * added once per exception instance, however often it is rethrown.
 *
 * <p><b>How a future of an actor waits.</b> An answer usually comes within a few microseconds, so a
 * {@code get} first spins for it (a virtual thread yields its carrier instead), for at most 20 µs,
 * and only then parks; on one core it parks at once. The spin adapts: each one that ends without
 * the answer halves the next (down to 1 µs), each one that gets it doubles it, so when answers are
 * slow, or other work holds the cores, waiters park almost at once. The system property
 * {@code org.jykka.spinMicros} (read once, when the first actor starts) sets the bound, and 0 turns
 * the spin off. Waiting is the only time anything spins: a thread that waits for a slow answer is
 * parked after the bound, and an idle system burns no CPU.
 *
 * <p><b>Waiting inside an actor.</b> A {@code get} in the thread that is running the very actor
 * that must answer (an actor waiting for its own {@code ask}, {@code call} or proxy call, or for its
 * own stop) would wait forever, so it fails at once with {@link IllegalStateException}. Waiting for
 * another actor is fine, but a cycle (A waits for B while B waits for A) cannot be seen from here and
 * waits as long as the waits do: give such waits a timeout, which then bounds the cycle (the waiting
 * actor gets {@link ActorTimeoutException} and goes on).
 *
 * <p>{@link #map}, {@link #filter} and {@link #reduce} derive new futures. They are lazy views: they
 * wait as their source waits (with the timeout given to them) and run their function once, the first
 * time the value is asked for, in the thread that asks. The timeout bounds only the wait for the
 * source: once its value is there, the function runs to its end, however long it takes.
 *
 * @param <T> the type of the value
 */
@ProviderType
public interface ActorFuture<T> {

    /**
     * Waits as long as it takes for the value.
     *
     * @return the value
     * @throws ActorException if the actor raised a checked exception (the cause), or the wait was
     *     interrupted (the thread's interrupt flag is set again)
     * @throws IllegalStateException if the value is not there and the calling thread is running the
     *     actor that must give it (the wait would never end)
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
     * @throws IllegalStateException if the value is not there, {@code timeout} is not zero, and the
     *     calling thread is running the actor that must give it
     */
    T get(Duration timeout);

    /** Whether the value (or failure) is there, so that {@link #get()} would not wait. */
    boolean isDone();

    /**
     * A future of this CompletableFuture-world: completes when this future does, with its value or
     * failure. Completing the returned future does not affect this one. Each call returns a new
     * future. For the futures an actor hands out (and those derived or joined from them), if this
     * future is still pending the returned one is completed in {@code CompletableFuture}'s default
     * async executor, never in the actor's thread: its callbacks (even blocking ones, or a
     * {@code stop()} of the actor) cannot stall the actor.
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
     * {@link #filter(Predicate)} with the element type checked by the compiler: only a future whose
     * value is an {@link Iterable} of {@code E} compiles here, so the "not an Iterable" failure cannot
     * happen.
     *
     * <pre>{@code
     * ActorFuture<List<Integer>> evens = ActorFuture.filter(numbers.call(Numbers::all), n -> n % 2 == 0);
     * }</pre>
     */
    static <E> ActorFuture<List<E>> filter(ActorFuture<? extends Iterable<? extends E>> future,
            Predicate<? super E> predicate) {
        Objects.requireNonNull(future, "future");
        Objects.requireNonNull(predicate, "predicate");
        return future.map(elements -> {
            List<E> kept = new ArrayList<>();
            for (E element : elements) {
                if (predicate.test(element)) {
                    kept.add(element);
                }
            }
            return kept;
        });
    }

    /**
     * {@link #reduce(BinaryOperator)} with the element type checked by the compiler. An empty
     * iterable fails the derived future with {@link java.util.NoSuchElementException}.
     */
    static <E> ActorFuture<E> reduce(ActorFuture<? extends Iterable<? extends E>> future, BinaryOperator<E> function) {
        Objects.requireNonNull(future, "future");
        Objects.requireNonNull(function, "function");
        return future.map(elements -> {
            var each = elements.iterator();
            if (!each.hasNext()) {
                throw new java.util.NoSuchElementException("reduce of an empty iterable with no initial value");
            }
            E result = each.next();
            while (each.hasNext()) {
                result = function.apply(result, each.next());
            }
            return result;
        });
    }

    /**
     * {@link #reduce(BiFunction, Object)} with the element type checked by the compiler (Pykka's
     * argument order: accumulated value first). An empty iterable gives {@code initial}.
     */
    static <E, U> ActorFuture<U> reduce(ActorFuture<? extends Iterable<? extends E>> future,
            BiFunction<U, ? super E, U> function, U initial) {
        Objects.requireNonNull(future, "future");
        Objects.requireNonNull(function, "function");
        return future.map(elements -> {
            U result = initial;
            for (E element : elements) {
                result = function.apply(result, element);
            }
            return result;
        });
    }

    /**
     * One future for many: its value is the list of the futures' values, in the order given. It
     * fails as soon as {@code get} meets a failed future (with that failure); a timeout given to it
     * bounds the wait for all of them together.
     *
     * @throws NullPointerException if {@code futures} or one of them is {@code null} (the message names
     *     which)
     */
    static <T> ActorFuture<List<T>> join(List<? extends ActorFuture<? extends T>> futures) {
        return new JoinedFuture<>(JoinedFuture.copyOf(futures));
    }

    /**
     * Waits for all the futures, at most {@code timeout} in total, and returns their values in
     * iteration order.
     *
     * @throws ActorTimeoutException if not all values are there in time
     * @throws NullPointerException if {@code futures}, one of them or {@code timeout} is {@code null}
     *     (the message names which)
     */
    static <T> List<T> getAll(Collection<? extends ActorFuture<? extends T>> futures, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        return new JoinedFuture<T>(JoinedFuture.copyOf(futures)).get(timeout);
    }
}
