package org.jykka;

import java.util.function.Function;
import org.jykka.internal.SafeText;

/**
 * What travels through an inbox: a message, an invocation, a stop, or a notice from a timer or a
 * death watch; each knows how it is handled and what becomes of it when its actor is gone.
 */
sealed interface Envelope {

    /** Where the answer goes; {@code null} when nobody waits (tell, defer, timers, notices). */
    default Promise<Object> reply() {
        return null;
    }

    /** In the actor's thread: handles the envelope with {@code actor}; the answer, if anyone waits. */
    Object deliver(Mailbox mailbox, Actor actor) throws Exception;

    /** What a {@link DeadLetter} names if this envelope's handling fails, or {@code null} for none. */
    default Object letter() {
        return null;
    }

    /**
     * The actor has ended with this envelope unhandled: an awaited answer fails, a stop request
     * completes, a tell or defer is a dead letter, a notice is dropped.
     */
    default void drop(Mailbox mailbox) {
        Promise<Object> reply = reply();
        if (reply != null) {
            String unhandled = this instanceof Message message ? "message " + SafeText.brief(message.message()) : "a call";
            reply.fail(new ActorDeadException(mailbox.ref() + " stopped before it handled " + unhandled));
        } else if (letter() != null) {
            DeadLetters.publish(new DeadLetter(letter(), mailbox.ref(), DeadLetter.Reason.STOPPED));
        }
    }

    /** A plain message for {@link Actor#onReceive}. */
    record Message(Object message, Promise<Object> reply) implements Envelope {
        @Override
        public Object deliver(Mailbox mailbox, Actor actor) throws Exception {
            return actor.onReceive(message);
        }

        @Override
        public Object letter() {
            return message;
        }
    }

    /**
     * A function to run on the actor instance ({@code call}, {@code defer}, proxies); {@code origin}
     * is what the sender passed (the dead letter's message if it dies).
     */
    record Invocation(Function<Actor, Object> function, Object origin, Promise<Object> reply) implements Envelope {
        @Override
        public Object deliver(Mailbox mailbox, Actor actor) {
            return function.apply(actor);
        }

        @Override
        public Object letter() {
            return origin;
        }
    }

    /** A stop request; its reply is {@code true} once the actor has stopped. The loop handles it itself. */
    record Stop(Promise<Object> reply) implements Envelope {
        @Override
        public Object deliver(Mailbox mailbox, Actor actor) {
            throw new IllegalStateException("A stop is the loop's own");
        }

        @Override
        public void drop(Mailbox mailbox) {
            reply.complete(Boolean.TRUE);
        }
    }

    /** An operator's restart of a supervised actor (see ActorDirectory.restart). The loop handles it itself. */
    record Restart() implements Envelope {
        @Override
        public Object deliver(Mailbox mailbox, Actor actor) {
            throw new IllegalStateException("A restart is the loop's own");
        }

        @Override
        public void drop(Mailbox mailbox) {
            // the actor ended first: nothing to restart
        }
    }

    /** A timer's message, delivered only if the timer is still the active one of its key. */
    record Timer(ActorTimers.Entry entry) implements Envelope {
        @Override
        public Object deliver(Mailbox mailbox, Actor actor) throws Exception {
            Object message = ActorTimers.accept(mailbox, entry);
            return message == null ? null : actor.onReceive(message); // null: cancelled meanwhile
        }

        @Override
        public Object letter() {
            return entry.message;
        }

        @Override
        public void drop(Mailbox mailbox) {
            // a timer's message queued at the end is dropped, not a dead letter
        }
    }

    /** A watched actor has ended; delivered only while the watch of {@code token} holds. */
    record Terminated(Mailbox watched, Object token) implements Envelope {
        @Override
        public Object deliver(Mailbox mailbox, Actor actor) throws Exception {
            if (DeathWatch.of(mailbox).accept(watched, token)) {
                actor.onTerminated(watched.ref(), watched.end());
            }
            return null;
        }

        @Override
        public void drop(Mailbox mailbox) {
            // the watcher has ended: nobody listens
        }
    }
}
