package org.jykka;

import java.util.function.Function;

/** What travels through an inbox: a message, an invocation or a notice, and where its answer goes. */
sealed interface Envelope {

    /** Where the answer goes; {@code null} when nobody waits (tell, defer, timers, notices). */
    Promise<Object> reply();

    /** A plain message for {@link Actor#onReceive}. */
    record Message(Object message, Promise<Object> reply) implements Envelope {}

    /**
     * A function to run on the actor instance ({@code call}, {@code defer}, proxies); {@code origin}
     * is what the sender passed (the dead letter's message if it dies).
     */
    record Invocation(Function<Actor, Object> function, Object origin, Promise<Object> reply) implements Envelope {}

    /** A stop request; its reply is {@code true} once the actor has stopped. */
    record Stop(Promise<Object> reply) implements Envelope {}

    /** A timer's message, delivered only if the timer is still the active one of its key. */
    record Timer(ActorTimers.Entry entry) implements Envelope {
        @Override
        public Promise<Object> reply() {
            return null;
        }
    }

    /** A watched actor has ended; delivered only while the watch of {@code token} holds. */
    record Terminated(Mailbox watched, Object token) implements Envelope {
        @Override
        public Promise<Object> reply() {
            return null;
        }
    }
}
