package org.jykka;

import java.util.Objects;

/**
 * A message that reached no handler, as {@link DeadLetters} reports it.
 *
 * @param message what was sent: the message of a {@code tell} or an {@code ask}, or the action
 *     object of a {@code defer}
 * @param recipient the actor it was sent to
 * @param reason why it died
 */
public record DeadLetter(Object message, ActorRef<?> recipient, Reason reason) {

    /** Why a message died. */
    public enum Reason {
        /** A {@code tell} or {@code defer} still in the inbox when its actor stopped (or racing that stop). */
        STOPPED,
        /** The message whose failure stopped or restarted its actor. */
        FAILED,
        /** A message that reached the default {@link Actor#onReceive}, told or asked. */
        UNHANDLED
    }

    /** @throws NullPointerException if any component is {@code null} */
    public DeadLetter {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(reason, "reason");
    }
}
