package org.jykka;

import java.util.function.Supplier;

/**
 * Logging that survives user objects: a message built from a user's {@code toString}, or an
 * exception whose {@code getMessage} throws, must never break the caller (often the actor loop).
 */
final class Logging {
    /** How much of a user object's text goes into a log line or an exception message. */
    static final int MAX_DESCRIPTION = 200;

    private Logging() {}

    /** Logs at {@code level}, with {@code thrown} attached if not {@code null}; never throws. */
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
            try {
                if (thrown == null) {
                    log.log(level, text);
                } else {
                    log.log(level, text, thrown);
                }
            } catch (Throwable brokenThrowable) {
                // Its getMessage or toString threw while the record was written: say what we can.
                log.log(level, text + " (" + thrown.getClass().getName() + ", which could not be described)");
            }
        } catch (Throwable loggingItselfFailed) {
            // A broken logger must not stop an actor; there is nowhere left to report it.
        }
    }

    /** {@code String.valueOf(value)}, cut to {@value #MAX_DESCRIPTION} characters; never throws. */
    static String describe(Object value) {
        String text;
        try {
            text = String.valueOf(value);
        } catch (Throwable brokenToString) {
            return "an instance of " + value.getClass().getName();
        }
        if (text == null) {
            return "an instance of " + value.getClass().getName() + " (its toString gave null)";
        }
        return text.length() > MAX_DESCRIPTION ? text.substring(0, MAX_DESCRIPTION) + "…" : text;
    }
}
