package org.jykka;

import java.util.function.Supplier;

/**
 * Logging that survives user objects: a message built from a user's {@code toString}, or an
 * exception whose {@code getMessage} throws, must never break the caller (often the actor loop).
 */
final class Logging {
    private Logging() {}

    /**
     * Logs {@code message} at {@code level}, with {@code thrown} attached if not {@code null}; never
     * throws. A logging backend formats the exception with its own getMessage and toString, which may
     * throw (an Error too): then the line is logged without it, naming its class.
     */
    static void log(System.Logger log, System.Logger.Level level, String message, Throwable thrown) {
        try {
            if (thrown == null) {
                log.log(level, message);
            } else {
                log.log(level, message, thrown);
            }
        } catch (Throwable broken) {
            if (thrown == null) {
                return; // the logging itself is broken: nothing left to tell it with
            }
            try {
                log.log(level, message + " (a " + thrown.getClass().getName() + " that could not be logged: "
                        + broken.getClass().getName() + ")");
            } catch (Throwable loggingItselfIsBroken) {
                // as above
            }
        }
    }

    /** As {@link #log(System.Logger, System.Logger.Level, String, Throwable)}, building the text only if it is logged. */
    static void log(System.Logger log, System.Logger.Level level, Supplier<String> message, Throwable thrown) {
        try {
            if (!log.isLoggable(level)) {
                return;
            }
            String text;
            try {
                text = message.get();
            } catch (Throwable brokenDescription) {
                text = "(a log message could not be built: " + brokenDescription.getClass().getName() + ")";
            }
            log(log, level, text, thrown);
        } catch (Throwable loggingItselfFailed) {
            // A broken logger must not stop an actor; there is nowhere left to report it.
        }
    }
}
