package org.jykka.console;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.function.BooleanSupplier;
import org.apache.felix.service.command.CommandProcessor;
import org.osgi.annotation.bundle.Header;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Opens the consoles once Gogo's command processor is there, as the framework properties say:
 *
 * <ul>
 *   <li>{@value #CONSOLE}: {@code terminal} (an interactive {@link Console} on the process's standard
 *       input and output), {@code script} (run the file {@value #SCRIPT} names) or {@code none};
 *   <li>{@value #REMOTE_PORT}: the remote shell's port on the loopback interface ({@code 0}: any free
 *       one), or {@code off}; its files are in {@value #REMOTE_FOLDER};
 *   <li>{@value #VERBOSE}: {@code true} adds stack traces to failures.
 * </ul>
 *
 * <p>When the terminal's input ends or a script is done, it calls the launcher's
 * {@code java.util.function.IntConsumer} service ({@value #ROLE}{@code =}{@value #CONSOLE_ENDED}) with the
 * status (0, or 1 if the script failed); without a launcher it stops the framework. While the terminal
 * runs a command, its {@code java.util.function.BooleanSupplier} service ({@value #ROLE}{@code =}{@value #CANCEL_COMMAND})
 * cancels it: the launcher calls it on Ctrl-C. The launcher and this bundle share only these
 * {@code java.base} types.
 */
@Header(name = Constants.BUNDLE_ACTIVATOR, value = "${@class}")
public final class ConsoleActivator implements BundleActivator {

    static final String CONSOLE = "jykka.console";
    static final String SCRIPT = "jykka.console.script";
    static final String VERBOSE = "jykka.verbose";
    static final String REMOTE_PORT = "jykka.remote.port";
    static final String REMOTE_FOLDER = "jykka.remote.folder";
    /** The service property that names what a launcher-facing service is for. */
    static final String ROLE = "jykka.role";
    /** The launcher's {@code IntConsumer}: the console is done, with this status. */
    static final String CONSOLE_ENDED = "console-ended";
    /** The console's {@code BooleanSupplier}: cancel the running command, if there is one. */
    static final String CANCEL_COMMAND = "cancel-command";

    private final java.util.concurrent.atomic.AtomicBoolean opened = new java.util.concurrent.atomic.AtomicBoolean();
    private ServiceTracker<CommandProcessor, CommandProcessor> processors;
    private final Object remoteLock = new Object();
    private RemoteShellServer remote; // guarded by remoteLock
    private boolean stopped; // guarded by remoteLock
    private volatile ServiceRegistration<?> cancel;

    @Override
    public void start(BundleContext context) {
        processors = new ServiceTracker<>(context, CommandProcessor.class, null) {
            @Override
            public CommandProcessor addingService(ServiceReference<CommandProcessor> reference) {
                CommandProcessor processor = super.addingService(reference);
                if (processor != null && opened.compareAndSet(false, true)) {
                    openConsoles(context, processor);
                }
                return processor;
            }
        };
        processors.open();
    }

    @Override
    public void stop(BundleContext context) throws IOException {
        processors.close();
        ServiceRegistration<?> registered = cancel;
        if (registered != null) {
            registered.unregister();
        }
        RemoteShellServer server;
        synchronized (remoteLock) {
            stopped = true;
            server = remote;
            remote = null;
        }
        if (server != null) {
            server.close();
        }
    }

    private void openConsoles(BundleContext context, CommandProcessor processor) {
        boolean verbose = Boolean.parseBoolean(context.getProperty(VERBOSE));
        // On a thread of its own: MINA SSHD takes a moment to start, and the console must not wait for it.
        Thread remoteStart = new Thread(() -> openRemote(context, processor, verbose), "jykka-remote-shell-start");
        remoteStart.setDaemon(true);
        remoteStart.start();
        String mode = context.getProperty(CONSOLE);
        if ("terminal".equals(mode) || "script".equals(mode)) {
            Thread thread = new Thread(() -> runLocal(context, processor, mode, verbose), "jykka-console");
            // It may sit reading the terminal forever; that must not keep the JVM alive.
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void openRemote(BundleContext context, CommandProcessor processor, boolean verbose) {
        String port = context.getProperty(REMOTE_PORT);
        String folder = context.getProperty(REMOTE_FOLDER);
        if (port == null || port.isBlank() || port.trim().equals("off") || folder == null) {
            return;
        }
        try {
            RemoteShellServer server = RemoteShellServer.start(processor, new RemoteFiles(Path.of(folder)),
                    Integer.parseInt(port.trim()), verbose);
            synchronized (remoteLock) {
                if (!stopped) {
                    remote = server;
                    System.out.println("Remote shell on " + RemoteShellServer.LOOPBACK + ":" + server.port()
                            + " (bin/jykka client opens it)");
                    return;
                }
            }
            server.close(); // the bundle stopped while the server started
        } catch (IOException | RuntimeException e) {
            System.err.println("[ERROR] The remote shell could not start (" + REMOTE_PORT + "=" + port + "): "
                    + CommandRunner.describe(e));
        }
    }

    private void runLocal(BundleContext context, CommandProcessor processor, String mode, boolean verbose) {
        InputStream in = new FileInputStream(FileDescriptor.in);
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int status = 1;
        try (var session = processor.createSession(in, out, err)) {
            CommandRunner runner = new CommandRunner(session, out, err, verbose);
            if ("script".equals(mode)) {
                status = new ScriptRun(runner, Path.of(context.getProperty(SCRIPT))).run();
            } else {
                Console console = new Console(runner, in, out);
                Dictionary<String, Object> properties = new Hashtable<>();
                properties.put(ROLE, CANCEL_COMMAND);
                cancel = context.registerService(BooleanSupplier.class, console::cancelCommand, properties);
                console.run();
                out.println();
                status = 0;
            }
        } catch (IOException | RuntimeException e) {
            err.println("jykka: the console failed: " + CommandRunner.describe(e));
        } finally {
            ended(context, status);
        }
    }

    /** Tells the launcher that the console is done, or else stops the framework. */
    private static void ended(BundleContext context, int status) {
        try {
            var launchers = context.getServiceReferences(java.util.function.IntConsumer.class,
                    "(" + ROLE + "=" + CONSOLE_ENDED + ")");
            if (!launchers.isEmpty()) {
                var launcher = context.getService(launchers.iterator().next());
                if (launcher != null) {
                    launcher.accept(status);
                    return;
                }
            }
            context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).stop();
        } catch (IllegalStateException e) {
            // this bundle is stopping already: so is the framework, or someone stopped the console
        } catch (org.osgi.framework.InvalidSyntaxException | org.osgi.framework.BundleException e) {
            System.err.println("jykka: could not stop the framework: " + e);
        }
    }
}
