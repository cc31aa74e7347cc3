package org.jykka;

/** A wait for an {@link ActorFuture} (or a timed stop) ran out of time before the value was there. */
public class ActorTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ActorTimeoutException(String message) {
        super(message);
    }
}
