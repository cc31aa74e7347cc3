package org.jykka;

/**
 * Wraps a checked exception raised inside an actor, when {@link ActorFuture#get} hands it to the
 * waiting caller (runtime exceptions and errors are rethrown as they are), and reports a wait that
 * was interrupted. The original exception is the {@linkplain #getCause() cause}.
 */
public class ActorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ActorException(String message, Throwable cause) {
        super(message, cause);
    }
}
