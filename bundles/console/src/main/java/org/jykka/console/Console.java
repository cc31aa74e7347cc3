package org.jykka.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.felix.service.command.Job;

/**
 * An interactive console: prints a prompt, reads a line, runs it, until the input ends or the user
 * types {@code exit}. A statement that spans lines (an open brace) is read on until it is whole.
 * {@link #cancelCommand()} interrupts the statement that is running (Ctrl-C), after which the
 * console prints the prompt again.
 */
final class Console {

    static final String PROMPT = "g! ";

    private final CommandRunner runner;
    private final BufferedReader in;
    private final PrintStream out;
    private volatile Thread running; // the console's thread, while a statement runs
    private volatile boolean cancelled;

    Console(CommandRunner runner, InputStream in, PrintStream out) {
        this.runner = runner;
        this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.out = out;
    }

    /** Runs until the input ends or {@code exit} (or {@code logout}); returns normally either way. */
    void run() throws IOException {
        StringBuilder statement = new StringBuilder();
        while (true) {
            out.print(statement.length() == 0 ? PROMPT : "> ");
            out.flush();
            String line = in.readLine();
            if (line == null) {
                return;
            }
            if (statement.length() == 0 && (line.isBlank() || line.trim().startsWith("#"))) {
                continue;
            }
            if (statement.length() == 0 && (line.trim().equals("exit") || line.trim().equals("logout"))) {
                return;
            }
            statement.append(line).append('\n');
            if (runStatement(statement) != CommandRunner.Outcome.INCOMPLETE) {
                statement.setLength(0);
            }
        }
    }

    /**
     * Interrupts the statement that is running, once. Returns whether there was one to interrupt: a
     * second call while the same statement still runs (it ignores interrupts) returns {@code false},
     * so that a second Ctrl-C can stop the container instead.
     */
    boolean cancelCommand() {
        Thread thread = running;
        if (thread == null || cancelled) {
            return false;
        }
        cancelled = true;
        // Gogo runs a statement's commands on threads of its own and waits for them: interrupt those
        // (the job), not just the wait, or the command would run on and print after the prompt.
        Job job = runner.session().foregroundJob();
        if (job != null) {
            job.interrupt();
        } else {
            thread.interrupt();
        }
        return true;
    }

    private CommandRunner.Outcome runStatement(CharSequence statement) {
        Thread.interrupted(); // a Ctrl-C that came just after the previous statement ended
        cancelled = false;
        running = Thread.currentThread();
        try {
            return runner.run(statement);
        } finally {
            running = null;
            // Whatever the command did with the interrupt, the next line is read afresh.
            Thread.interrupted();
        }
    }
}
