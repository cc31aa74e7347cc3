package org.jykka.shell;

/**
 * A {@code jykka} command could not do what was asked (an unknown actor, a bad timeout, no answer in
 * time). Its message is one plain sentence for the user; a console prints it alone, and a script
 * stops there with a failure status.
 */
public final class CommandFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CommandFailedException(String message) {
        super(message, null, false, false);
    }
}
