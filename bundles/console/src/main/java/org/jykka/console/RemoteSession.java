package org.jykka.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * One SSH channel's Gogo session, on a thread of its own: an interactive {@link Console} (a shell
 * channel, {@code command == null}) or one command (an exec channel). Its exit status is 0, or 1 if
 * the command failed.
 */
final class RemoteSession implements Command {

    private final CommandProcessor processor;
    private final String command;
    private final boolean verbose;
    private InputStream in;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;
    private volatile Thread thread;
    private volatile CommandSession session;

    RemoteSession(CommandProcessor processor, String command, boolean verbose) {
        this.processor = processor;
        this.command = command;
        this.verbose = verbose;
    }

    @Override
    public void setInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback exit) {
        this.exit = exit;
    }

    @Override
    public void start(ChannelSession channel, Environment environment) {
        Thread started = new Thread(this::run, "jykka-remote-shell-" + channel.getSession().getIoSession().getId());
        started.setDaemon(true);
        thread = started;
        started.start();
    }

    private void run() {
        int status = 1;
        PrintStream output = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
        try {
            session = processor.createSession(in, output, errors);
            CommandRunner runner = new CommandRunner(session, output, errors, verbose);
            if (command == null) {
                output.println("Jykka remote shell: 'jykka:actors' lists actors, 'help' every command;"
                        + " 'exit' or Ctrl-D leaves (the container keeps running).");
                new Console(runner, in, output).run();
                status = 0;
            } else {
                status = runner.run(command) == CommandRunner.Outcome.DONE ? 0 : 1;
            }
        } catch (IOException | RuntimeException e) {
            errors.println("jykka: the remote session failed: " + CommandRunner.describe(e));
        } finally {
            CommandSession open = session;
            if (open != null) {
                open.close();
            }
            output.flush();
            errors.flush();
            exit.onExit(status);
        }
    }

    @Override
    public void destroy(ChannelSession channel) {
        Thread running = thread;
        if (running != null) {
            running.interrupt();
        }
        CommandSession open = session;
        if (open != null) {
            open.close();
        }
    }
}
