package org.jykka;

/**
 * The actor is not alive: it has stopped, or a stop was requested and it no longer accepts
 * messages. Thrown by {@link ActorRef#tell}, and the failure of futures whose message the actor will
 * never handle.
 */
public class ActorDeadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ActorDeadException(String message) {
        super(message);
    }
}
