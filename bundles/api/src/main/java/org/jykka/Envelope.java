package org.jykka;

import java.util.function.Function;

/** What travels through an inbox: a message or an invocation, and where its answer goes. */
sealed interface Envelope {

    /** Where the answer goes; {@code null} when nobody waits (tell, defer). */
    Promise<Object> reply();

    /** A plain message for {@link Actor#onReceive}. */
    record Message(Object message, Promise<Object> reply) implements Envelope {}

    /** A function to run on the actor instance ({@code call}, {@code defer}, proxies). */
    record Invocation(Function<Actor, Object> function, Promise<Object> reply) implements Envelope {}

    /** A stop request; its reply is {@code true} once the actor has stopped. */
    record Stop(Promise<Object> reply) implements Envelope {}
}
