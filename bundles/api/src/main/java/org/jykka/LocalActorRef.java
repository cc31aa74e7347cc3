package org.jykka;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The reference to an actor in this JVM: every operation is an envelope in its mailbox. After the
 * actor has stopped it still names the actor (URN, class) but no longer reaches the instance.
 */
final class LocalActorRef<A extends Actor> implements ActorRef<A> {
    private final Mailbox mailbox;
    // Kept after the end, when the mailbox has let go of the instance.
    private final Class<? extends Actor> actorClass;
    private final String urn;

    LocalActorRef(Mailbox mailbox, Actor actor) {
        this.mailbox = mailbox;
        this.actorClass = actor.getClass();
        this.urn = actor.urn();
    }

    @Override
    public void tell(Object message) {
        Objects.requireNonNull(message, "A message must not be null: send a value the actor can act on");
        if (!mailbox.offer(new Envelope.Message(message, null))) {
            throw dead();
        }
    }

    @Override
    public ActorFuture<Object> ask(Object message) {
        Objects.requireNonNull(message, "A message must not be null: send a value the actor can act on");
        return send(reply -> new Envelope.Message(message, reply));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> ActorFuture<R> call(Function<? super A, ? extends R> function) {
        Objects.requireNonNull(function, "function");
        Function<Actor, Object> invocation = actor -> function.apply((A) actor);
        return (ActorFuture<R>) send(reply -> new Envelope.Invocation(invocation, function, reply));
    }

    @Override
    @SuppressWarnings("unchecked")
    public void defer(Consumer<? super A> action) {
        Objects.requireNonNull(action, "action");
        Function<Actor, Object> invocation = actor -> {
            action.accept((A) actor);
            return null;
        };
        if (!mailbox.offer(new Envelope.Invocation(invocation, action, null))) {
            throw dead();
        }
    }

    private ActorFuture<Object> send(Function<Promise<Object>, Envelope> envelope) {
        Promise<Object> reply = mailbox.newReply();
        if (!mailbox.offer(envelope.apply(reply))) {
            reply.fail(dead());
        }
        return reply;
    }

    @Override
    public boolean stop() {
        checkNotInside();
        return mailbox.requestStop(true).get();
    }

    @Override
    public boolean stop(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("The timeout must not be negative, but is " + timeout);
        }
        checkNotInside();
        return mailbox.requestStop(true).get(timeout);
    }

    @Override
    public ActorFuture<Boolean> stopAsync() {
        return mailbox.requestStop(true);
    }

    @Override
    public ActorFuture<Void> whenStopped() {
        return mailbox.whenStopped();
    }

    @Override
    public ActorFuture<Termination> termination() {
        return mailbox.termination();
    }

    Mailbox mailbox() {
        return mailbox;
    }

    @Override
    public boolean isAlive() {
        return mailbox.isAlive();
    }

    @Override
    public int inboxSize() {
        return mailbox.size();
    }

    @Override
    public String urn() {
        return urn;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Class<A> actorClass() {
        return (Class<A>) actorClass;
    }

    private void checkNotInside() {
        if (mailbox.isRunningIn(Thread.currentThread())) {
            throw new IllegalStateException(this + " cannot wait for its own stop from inside itself:"
                    + " use Actor.stop() or actorRef().stopAsync() there");
        }
    }

    private ActorDeadException dead() {
        return new ActorDeadException(this + " is not alive");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ActorRef<?> that && urn().equals(that.urn());
    }

    @Override
    public int hashCode() {
        return urn().hashCode();
    }

    @Override
    public String toString() {
        return Actor.describe(actorClass, urn); // built when asked: a string per actor would cost more
    }
}
