package org.jykka.launcher;

import java.io.PrintStream;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Prints {@code java.util.logging} records, one line each: where the bundles' {@code System.Logger}
 * output (the Jykka bundles' own) and FileInstall's messages end up. A record's exception is one
 * line of messages unless {@code verbose}, which also prints the stack trace.
 */
final class ConsoleLogHandler extends Handler {

    /**
     * The extender's logger. Its INFO lines are the container's record of plugin actors
     * ({@code Actor started: ...}, {@code Actor stopped: ...}) and print as they are, with no level
     * or logger name; its warnings and errors print like any other. Held here because
     * {@code java.util.logging} keeps loggers weakly, and a collected one forgets its level.
     */
    private static final Logger EXTENDER = Logger.getLogger("org.jykka.osgi");
    /** MINA SSHD (the remote shell) reports every connection at INFO: only its warnings show. */
    private static final Logger SSHD = Logger.getLogger("org.apache.sshd");

    private final PrintStream out;
    private final boolean verbose;
    /** Turns a record into a plainer line, or returns {@code null} to print it as it is. */
    private static volatile Function<LogRecord, String> rewriter = record -> null;

    private ConsoleLogHandler(PrintStream out, boolean verbose) {
        this.out = out;
        this.verbose = verbose;
    }

    /** Replaces the root logger's handlers with one that prints to {@code out}. */
    static void install(PrintStream out, boolean verbose) {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        Level level = verbose ? Level.FINE : Level.INFO;
        root.setLevel(level);
        EXTENDER.setLevel(level);
        SSHD.setLevel(verbose ? Level.FINE : Level.WARNING);
        ConsoleLogHandler handler = new ConsoleLogHandler(out, verbose);
        handler.setLevel(level);
        root.addHandler(handler);
    }

    /**
     * From now on, prints what {@code rewrite} makes of a record instead of the record: nothing for
     * the empty string, the record itself for {@code null}. With {@code verbose}, the record follows
     * too, stack trace and all.
     */
    static void rewriteWith(Function<LogRecord, String> rewrite) {
        rewriter = rewrite;
    }

    @Override
    public void publish(LogRecord record) {
        if (!isLoggable(record)) {
            return;
        }
        if (record.getLevel() == Level.INFO && EXTENDER.getName().equals(record.getLoggerName())) {
            synchronized (out) {
                out.println(oneLine(formatMessage(record)));
            }
            return;
        }
        String plain = rewriter.apply(record);
        if (plain != null) {
            if (!plain.isEmpty()) {
                synchronized (out) {
                    out.println(plain);
                }
            }
            if (!verbose) {
                return;
            }
        }
        StringBuilder line = new StringBuilder();
        line.append('[').append(label(record.getLevel())).append("] ");
        if (record.getLoggerName() != null && !record.getLoggerName().isEmpty()) {
            line.append(record.getLoggerName()).append(": ");
        }
        line.append(oneLine(formatMessage(record)));
        Throwable thrown = record.getThrown();
        for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            line.append(cause == thrown ? ": " : ", caused by ").append(oneLine(cause.toString()));
        }
        synchronized (out) {
            out.println(line);
            if (verbose && thrown != null) {
                thrown.printStackTrace(out);
            }
        }
    }

    private static String formatMessage(LogRecord record) {
        String message = record.getMessage();
        if (message == null) {
            return "";
        }
        Object[] parameters = record.getParameters();
        if (parameters == null || parameters.length == 0) {
            return message;
        }
        try {
            return java.text.MessageFormat.format(message, parameters);
        } catch (IllegalArgumentException e) {
            return message;
        }
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ").trim();
    }

    private static String label(Level level) {
        if (level.intValue() >= Level.SEVERE.intValue()) {
            return "ERROR";
        }
        if (level.intValue() >= Level.WARNING.intValue()) {
            return "WARN";
        }
        if (level.intValue() >= Level.INFO.intValue()) {
            return "INFO";
        }
        return "DEBUG";
    }

    @Override
    public void flush() {
        out.flush();
    }

    @Override
    public void close() {
        flush();
    }
}
