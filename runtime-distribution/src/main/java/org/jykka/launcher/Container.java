package org.jykka.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * One run of the container: takes the folder's lock, boots the framework, starts {@code bundle/},
 * lets FileInstall deploy {@code deploy/}, opens the console, waits until something stops it, and
 * stops the framework cleanly.
 *
 * <p>Loaded by the framework's own class loader (see {@link Main}); its only link to the launcher's
 * class path is {@link ToIntFunction}, from {@code java.base}.
 */
public final class Container implements ToIntFunction<String[]> {

    /** Started after every other bundle, in this order: see {@link #startBundles}. */
    static final String FILEINSTALL = "org.apache.felix.fileinstall";
    static final String GOGO_SHELL = "org.apache.felix.gogo.shell";
    static final String CONSOLE = "org.jykka.console";

    /** The framework property that turns remote services on: the bundles of bundle/remote start. */
    static final String REMOTE_PORT = "jykka.rsa.port";

    /** How long a stop may take before the launcher gives up waiting. */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    /** Exit status when another container runs in the same folder. */
    static final int FOLDER_IN_USE = 3;

    /** Held for the life of the JVM: the lock must not be collected (and so released) early. */
    private static volatile FolderLock folderLock;

    private final PrintStream out = System.out;
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private final AtomicInteger exitStatus = new AtomicInteger();
    private volatile Framework framework;
    private volatile ConsoleLink console;

    /** Public for {@link Main}, which creates it by reflection in another class loader. */
    public Container() {
    }

    @Override
    public int applyAsInt(String[] args) {
        LaunchOptions options = LaunchOptions.parse(args);
        Layout layout = Layout.locate();
        try {
            // First of all: a second container must not even copy into deploy/ (the first would deploy it).
            folderLock = FolderLock.tryAcquire(layout.lockFile());
            if (folderLock == null) {
                System.err.println("jykka: a container is already running in " + layout.home() + " (process "
                        + FolderLock.holder(layout.lockFile()) + "); 'bin/jykka client' opens its shell");
                return FOLDER_IN_USE;
            }
        } catch (IOException e) {
            System.err.println("jykka: cannot lock " + layout.lockFile() + ": " + e);
            return 1;
        }
        ConsoleLogHandler.install(out, options.verbose());
        ActivityLog log = new ActivityLog(out, layout.deploy());
        try {
            Files.createDirectories(layout.deploy());
            for (String plugin : options.deploy()) {
                Path jar = layout.pluginJar(plugin);
                Files.copy(jar, layout.deploy().resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                log.println("Copied " + jar + " into deploy/");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("jykka: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            System.err.println("jykka: cannot prepare " + layout.deploy() + ": " + e);
            return 1;
        }
        try {
            return run(options, layout, log);
        } catch (BundleException | IOException | RuntimeException e) {
            System.err.println("jykka: the container failed: " + e);
            if (options.verbose()) {
                e.printStackTrace();
            }
            stopQuietly();
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.err.println("jykka: interrupted while waiting for the framework");
            return 1;
        }
    }

    private int run(LaunchOptions options, Layout layout, ActivityLog log)
            throws BundleException, IOException, InterruptedException {
        Map<String, String> config = frameworkProperties(options, layout);
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class, Container.class.getClassLoader())
                .findFirst().orElseThrow(() -> new IllegalStateException("lib/" + options.framework()
                        + " holds no OSGi framework (no META-INF/services/" + FrameworkFactory.class.getName() + ")"));
        framework = factory.newFramework(config);
        framework.init();
        BundleContext context = framework.getBundleContext();
        log.attach(context);
        console = new ConsoleLink(context, status -> consoleEnded(options, status));
        StopSignals.install(this::onSignal);
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopOnExit, "jykka-shutdown"));
        framework.start();
        log.println("Started " + frameworkName(options.framework()) + " " + framework.getVersion()
                + " (" + framework.getSymbolicName() + ")");

        DeployReport deployReport = new DeployReport(log, layout.deploy(), context);
        ConsoleLogHandler.rewriteWith(deployReport::rewrite);
        startBundles(context, layout, log, new ResolutionReport(context));
        deployReport.start(Long.parseLong(config.getOrDefault("felix.fileinstall.poll", "2000").trim()));
        log.println("Jykka is running. Watching " + layout.deploy() + " for plugin jars (every "
                + config.getOrDefault("felix.fileinstall.poll", "2000") + " ms).");
        if (options.script() != null) {
            log.println("Running the Gogo script " + options.script() + ", then stopping.");
        } else if (options.shell()) {
            log.println("Type 'jykka:actors' to list actors, 'help' for every command, 'stop 0' to stop.");
        } else {
            log.println("No shell (--no-shell): stop with Ctrl-C or SIGTERM.");
        }

        FrameworkEvent event;
        if (options.runFor() != null) {
            event = framework.waitForStop(options.runFor().toMillis());
            if (event.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
                requestStop("--run-for " + seconds(options.runFor()) + " is over", 0);
                event = framework.waitForStop(STOP_TIMEOUT.toMillis());
            }
        } else {
            event = framework.waitForStop(0);
        }
        if (event.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
            System.err.println("jykka: the framework has not stopped within " + seconds(STOP_TIMEOUT) + "; exiting");
            return 1;
        }
        deployReport.close();
        if (event.getType() == FrameworkEvent.ERROR) {
            System.err.println("jykka: the framework stopped with an error: " + event.getThrowable());
            return 1;
        }
        log.println("Jykka stopped.");
        return exitStatus.get();
    }

    /** {@code conf/framework.properties}, and what the console bundle needs to know of the options. */
    private static Map<String, String> frameworkProperties(LaunchOptions options, Layout layout) throws IOException {
        Map<String, String> launcherValues = new HashMap<>();
        launcherValues.put(Layout.HOME_PROPERTY, layout.home().toString());
        launcherValues.put("jykka.framework", options.framework());
        Map<String, String> config = FrameworkProperties.load(layout.frameworkProperties(), launcherValues);
        // The console bundle is the console; Gogo's own (gosh) opens none. Set even for an interactive
        // run: Equinox, left to itself, would set it to run its own console.
        config.put("gosh.args", "--nointeractive");
        if (options.script() != null) {
            config.put(ConsoleLink.CONSOLE, "script");
            config.put(ConsoleLink.SCRIPT, options.script().toString());
            // A script run is over in moments: it opens no remote shell (and so no port).
            config.put(ConsoleLink.REMOTE_PORT, "off");
        } else {
            config.put(ConsoleLink.CONSOLE, options.shell() ? "terminal" : "none");
        }
        config.put(ConsoleLink.VERBOSE, Boolean.toString(options.verbose()));
        return config;
    }

    /**
     * Installs every jar of {@code bundle/} (and of {@code bundle/remote/} when {@value #REMOTE_PORT} is
     * set), then starts them: first all but FileInstall, the Gogo
     * shell and the console, then FileInstall, whose first scan of {@code deploy/} runs inside its
     * start (with {@code felix.fileinstall.noInitialDelay=true}), then the shell's commands and the
     * console, so that a script or a user's first command finds the deployed actors already running.
     */
    private static void startBundles(BundleContext context, Layout layout, ActivityLog log, ResolutionReport report)
            throws BundleException {
        List<Path> jars = new ArrayList<>(Layout.jars(layout.bundles()));
        if (remoteServicesOn(context.getProperty(REMOTE_PORT))) {
            jars.addAll(Layout.jars(layout.bundles().resolve("remote"))); // org.jykka.remote first: it configures the rest
        }
        List<Bundle> installed = new ArrayList<>();
        for (Path jar : jars) {
            installed.add(context.installBundle(jar.toUri().toString()));
        }
        List<Bundle> last = new ArrayList<>();
        for (String name : List.of(FILEINSTALL, GOGO_SHELL, CONSOLE)) {
            installed.stream().filter(b -> name.equals(b.getSymbolicName())).forEach(last::add);
        }
        installed.removeAll(last);
        installed.addAll(last);
        for (Bundle bundle : installed) {
            if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
                continue;
            }
            try {
                bundle.start();
                log.println("Started bundle " + ActivityLog.describe(bundle));
            } catch (BundleException e) {
                // One broken bundle must not keep the rest from running; say which and why.
                log.println("[ERROR] Could not start bundle " + ActivityLog.describe(bundle) + ": "
                        + report.explain(bundle, e));
            }
        }
    }

    /**
     * Whether {@code port}, the value of {@value #REMOTE_PORT}, turns remote services on (bundle/remote).
     * The same rule as {@code org.jykka.remote.RemoteSettings.on}, which this class loader cannot see:
     * the launcher decides whether the bundles are installed, the bundle whether it configures them.
     */
    static boolean remoteServicesOn(String port) {
        return port != null && !port.isBlank() && !port.strip().equalsIgnoreCase("off");
    }

    /** Ctrl-C cancels the console's running command if there is one; else it, and SIGTERM, stop. */
    private void onSignal(String signal) {
        ConsoleLink link = console;
        if ("SIGINT".equals(signal) && !stopRequested.get() && link != null && link.cancelCommand()) {
            return;
        }
        requestStop(signal, 0);
    }

    /** The console's input has ended, or its script is done (status 1 if a command failed). */
    private void consoleEnded(LaunchOptions options, int status) {
        if (options.script() != null) {
            requestStop(status == 0 ? "the script is done" : "the script failed", status);
        } else if (options.runFor() != null) {
            // Input from a file or a pipe ends at once: --run-for, not the input, decides how long to run.
            synchronized (out) {
                out.println("The console's input has ended; running until --run-for is over.");
            }
        } else {
            requestStop("the console's input has ended", status);
        }
    }

    /** Stops the framework, once; a second request (a second Ctrl-C) exits at once. */
    private void requestStop(String reason, int status) {
        Framework running = framework;
        if (running == null) {
            return;
        }
        if (!stopRequested.compareAndSet(false, true)) {
            if (reason.startsWith("SIG")) {
                System.err.println("jykka: " + reason + " again: exiting without waiting");
                Runtime.getRuntime().halt(130);
            }
            return;
        }
        exitStatus.set(status);
        synchronized (out) {
            out.println("Stopping (" + reason + ")...");
        }
        try {
            running.stop();
        } catch (BundleException e) {
            System.err.println("jykka: could not stop the framework: " + e);
        }
    }

    /** The JVM is exiting for another reason than a stop (e.g. SIGHUP): stop cleanly, bounded. */
    private void stopOnExit() {
        Framework running = framework;
        if (running == null || (running.getState() & (Bundle.STARTING | Bundle.ACTIVE | Bundle.STOPPING)) == 0) {
            return;
        }
        requestStop("the JVM is exiting", 0);
        try {
            running.waitForStop(STOP_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stopQuietly() {
        Framework running = framework;
        if (running != null) {
            try {
                running.stop();
                running.waitForStop(STOP_TIMEOUT.toMillis());
            } catch (BundleException | InterruptedException e) {
                // Already failing: the caller reports the first error, not this one.
            }
        }
    }

    private static String frameworkName(String framework) {
        return "equinox".equals(framework) ? "Eclipse Equinox" : "Apache Felix";
    }

    static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() / 1000.0 + " s";
    }
}
