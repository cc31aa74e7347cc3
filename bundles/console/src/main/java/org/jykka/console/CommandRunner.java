package org.jykka.console;

import java.io.PrintStream;
import org.apache.felix.gogo.runtime.EOFError;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;

/**
 * Runs Gogo statements in one session, as every console here does: prints a statement's result the
 * way Gogo's own shell does, and a failure as one line on the error stream (with its stack trace only
 * when {@code verbose}).
 */
final class CommandRunner {

    /** What running one piece of input came to. */
    enum Outcome {
        /** It ran and succeeded. */
        DONE,
        /** It ran and failed; the failure was printed. */
        FAILED,
        /** It is not a whole statement yet (an open brace or quote): give it the next line too. */
        INCOMPLETE
    }

    private final CommandSession session;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean verbose;

    CommandRunner(CommandSession session, PrintStream out, PrintStream err, boolean verbose) {
        this.session = session;
        this.out = out;
        this.err = err;
        this.verbose = verbose;
    }

    CommandSession session() {
        return session;
    }

    /** Prints a line of the console's own on the error stream. */
    void error(String line) {
        out.flush();
        err.println(line);
        err.flush();
    }

    /**
     * Runs {@code program}. Gogo parses the whole input before it runs any of it, so input that is
     * {@link Outcome#INCOMPLETE} has not run at all and may be given again with more lines.
     */
    Outcome run(CharSequence program) {
        return run(program, "");
    }

    /** As {@link #run(CharSequence)}, printing a failure after {@code where} (e.g. the script's line). */
    Outcome run(CharSequence program, String where) {
        try {
            Object result = session.execute(program);
            if (result != null) {
                out.println(session.format(result, Converter.INSPECT));
            }
            out.flush();
            return Outcome.DONE;
        } catch (EOFError incomplete) {
            return Outcome.INCOMPLETE;
        } catch (InterruptedException | java.util.concurrent.CancellationException e) {
            // Ctrl-C (see Console#cancelCommand): the command's own words, if any, went with its thread.
            error(where + "Cancelled: " + program.toString().trim());
            return Outcome.FAILED;
        } catch (Exception | LinkageError | StackOverflowError e) {
            out.flush();
            err.println(where + describe(e));
            if (verbose) {
                e.printStackTrace(err);
            }
            err.flush();
            return Outcome.FAILED;
        }
    }

    /**
     * A failure in one line: its message alone when it has one (the jykka commands' messages are
     * sentences, and Gogo's own say "Command not found: x"), else its type; Gogo's "Cannot coerce"
     * becomes a pointer to {@code help}.
     */
    static String describe(Throwable failure) {
        String message;
        try {
            message = failure.getMessage();
        } catch (RuntimeException | LinkageError e) {
            message = null; // a user's exception may throw from getMessage
        }
        if (message == null || message.isBlank()) {
            return failure.getClass().getName();
        }
        message = message.replaceAll("\\s*\\R\\s*", " ").trim();
        java.util.regex.Matcher coerce = java.util.regex.Pattern.compile("^Cannot coerce (\\S+?)\\(").matcher(message);
        if (coerce.find()) {
            String command = coerce.group(1);
            return "Wrong arguments for " + command + ": 'help " + command + "' shows what it takes";
        }
        return message;
    }
}
