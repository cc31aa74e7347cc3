package org.jykka;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A handle to a started actor, safe to share between threads: the only way to talk to the actor.
 *
 * <p>Messages from one sender arrive in the order sent, and the actor handles one at a time. A stop
 * request is queued behind the messages already sent; from the moment it is made, new messages are
 * refused with {@link ActorDeadException}. Messages sent to a live actor are never dropped silently:
 * when the actor stops, every {@code ask} and {@code call} still in its inbox fails with
 * {@link ActorDeadException} naming the actor. {@code null} is never a message.
 *
 * <p>Two references are equal when they name the same actor (the same URN). Once the actor has
 * stopped, its reference no longer keeps the actor instance reachable (only its URN and class).
 * Every future a reference hands out is completed by the actor's loop alone: no holder can complete
 * it.
 *
 * @param <A> the actor's class
 */
@ProviderType
public interface ActorRef<A extends Actor> {

    /**
     * Sends a message and returns at once, never blocking. The actor's {@link Actor#onReceive}
     * handles it; an exception it raises goes to {@link Actor#onFailure} and stops the actor.
     *
     * @throws NullPointerException if {@code message} is {@code null}
     * @throws ActorDeadException if the actor has stopped or is stopping
     */
    void tell(Object message);

    /**
     * Sends a message and returns a future of the answer at once, never blocking. The future
     * completes with {@link Actor#onReceive}'s return value, or fails with the exception it threw (the
     * actor keeps running). A dead actor gives a future failed with {@link ActorDeadException}.
     *
     * @throws NullPointerException if {@code message} is {@code null}
     */
    ActorFuture<Object> ask(Object message);

    /**
     * Runs {@code function} on the actor instance, inside the actor, in mailbox order: the type-safe
     * way to talk to an actor. The future fails as {@link #ask} does.
     */
    <R> ActorFuture<R> call(Function<? super A, ? extends R> function);

    /**
     * Runs {@code action} on the actor instance, inside the actor, in mailbox order, without an
     * answer. An exception it raises goes to {@link Actor#onFailure} and stops the actor.
     *
     * @throws ActorDeadException if the actor has stopped or is stopping
     */
    void defer(Consumer<? super A> action);

    /**
     * Stops the actor after the messages already sent, and waits as long as it takes.
     *
     * @return {@code true} if the actor was alive when asked (stopped by this request, or already being
     *     stopped by an earlier one), {@code false} if it was already dead
     * @throws IllegalStateException if called from inside the actor itself, where waiting would never
     *     end: use {@link #stopAsync()} or {@link Actor#stop()} there
     */
    boolean stop();

    /**
     * As {@link #stop()}, waiting at most {@code timeout}.
     *
     * @throws ActorTimeoutException if the actor has not stopped in time (it still will)
     */
    boolean stop(Duration timeout);

    /** As {@link #stop()}, without waiting: the future's value is what {@code stop()} would return. */
    ActorFuture<Boolean> stopAsync();

    /**
     * Completes once the actor has stopped, for whatever reason: a stop request, a failure, or an
     * exception in {@code onStart}. Waiting for it inside the actor itself is an
     * {@link IllegalStateException} (see {@link ActorFuture#get()}).
     */
    ActorFuture<Void> whenStopped();

    /**
     * Completes once the actor has ended, with how: {@link Termination.Reason#STOPPED} (a stop
     * request, even if {@code onStop} threw) or {@link Termination.Reason#FAILED} with the failure
     * (for a supervised actor: once its {@link Restart} policy gave up). What a watcher's
     * {@link Actor#onTerminated} receives, for code outside actors.
     */
    ActorFuture<Termination> termination();

    /**
     * Whether the actor accepts messages: it has started, and neither a stop request nor a failure has
     * come yet. (A stopping actor still handles what was sent before the stop, but is no longer alive
     * in this sense.)
     */
    boolean isAlive();

    /**
     * The number of messages waiting in the actor's inbox: a snapshot for tools and monitoring, which
     * costs time in proportion to that number.
     */
    int inboxSize();

    /** The actor's URN, {@code urn:uuid:<random UUID>}. */
    String urn();

    /** The actor's class. */
    Class<A> actorClass();

    /** {@code SimpleClassName (urn:uuid:…)}. */
    @Override
    String toString();
}
