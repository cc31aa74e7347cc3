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
import java.util.function.ToIntFunction;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * One run of the container: boots the framework, starts {@code bundle/}, lets FileInstall deploy
 * {@code deploy/}, waits until something stops it, and stops the framework cleanly.
 *
 * <p>Loaded by the framework's own class loader (see {@link Main}); its only link to the launcher's
 * class path is {@link ToIntFunction}, from {@code java.base}.
 */
public final class Container implements ToIntFunction<String[]> {

    /** Started after every other bundle, in this order: see {@link #startBundles}. */
    static final String FILEINSTALL = "org.apache.felix.fileinstall";
    static final String GOGO_SHELL = "org.apache.felix.gogo.shell";

    /** How long a stop may take before the launcher gives up waiting. */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final PrintStream out = System.out;
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private volatile Framework framework;

    /** Public for {@link Main}, which creates it by reflection in another class loader. */
    public Container() {
    }

    @Override
    public int applyAsInt(String[] args) {
        LaunchOptions options = LaunchOptions.parse(args);
        Layout layout = Layout.locate();
        ConsoleLogHandler.install(out, options.verbose());
        ActivityLog log = new ActivityLog(out, layout.deploy());
        try {
            Files.createDirectories(layout.deploy());
            for (String plugin : options.deploy()) {
                Path jar = pluginJar(layout, plugin);
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
        Map<String, String> launcherValues = new HashMap<>();
        launcherValues.put(Layout.HOME_PROPERTY, layout.home().toString());
        launcherValues.put("jykka.framework", options.framework());
        Map<String, String> config = FrameworkProperties.load(layout.frameworkProperties(), launcherValues);
        if (options.script() != null) {
            // gosh runs the script in the login session; the statement after it stops the framework.
            // Single quotes make the URI one literal word for Gogo's parser.
            config.put("gosh.args", "--nointeractive '" + options.script().toUri() + "' ; stop 0");
        } else if (!options.shell()) {
            config.put("gosh.args", "--nointeractive");
        } else {
            // Set even when empty: Equinox, left to itself, sets --nointeractive (its own console
            // would be the default), and the Gogo console would never open.
            config.putIfAbsent("gosh.args", "");
        }

        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class, Container.class.getClassLoader())
                .findFirst().orElseThrow(() -> new IllegalStateException("lib/" + options.framework()
                        + " holds no OSGi framework (no META-INF/services/" + FrameworkFactory.class.getName() + ")"));
        framework = factory.newFramework(config);
        framework.init();
        BundleContext context = framework.getBundleContext();
        log.attach(context);
        StopSignals.install(this::requestStop);
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopOnExit, "jykka-shutdown"));
        framework.start();
        log.println("Started " + frameworkName(options.framework()) + " " + framework.getVersion()
                + " (" + framework.getSymbolicName() + ")");

        startBundles(context, layout, log);
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
                requestStop("--run-for " + seconds(options.runFor()) + " is over");
                event = framework.waitForStop(STOP_TIMEOUT.toMillis());
            }
        } else {
            event = framework.waitForStop(0);
        }
        if (event.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
            System.err.println("jykka: the framework has not stopped within " + seconds(STOP_TIMEOUT) + "; exiting");
            return 1;
        }
        if (event.getType() == FrameworkEvent.ERROR) {
            System.err.println("jykka: the framework stopped with an error: " + event.getThrowable());
            return 1;
        }
        log.println("Jykka stopped.");
        return 0;
    }

    /**
     * Installs every jar of {@code bundle/}, then starts them: first all but FileInstall and the Gogo
     * shell, then FileInstall, whose first scan of {@code deploy/} runs inside its start (with
     * {@code felix.fileinstall.noInitialDelay=true}), then the shell, so that a script or a user's
     * first command finds the deployed actors already running.
     */
    private static void startBundles(BundleContext context, Layout layout, ActivityLog log) throws BundleException {
        List<Bundle> installed = new ArrayList<>();
        for (Path jar : Layout.jars(layout.bundles())) {
            installed.add(context.installBundle(jar.toUri().toString()));
        }
        List<Bundle> last = new ArrayList<>();
        for (String name : List.of(FILEINSTALL, GOGO_SHELL)) {
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
                        + e.getMessage().replaceAll("\\s*\\R\\s*", " "));
            }
        }
    }

    /** Stops the framework, once; a second request (a second Ctrl-C) exits at once. */
    private void requestStop(String reason) {
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
        requestStop("the JVM is exiting");
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

    /**
     * A {@code --deploy} argument: a path to a jar, or the name of an example ({@code greeter} is
     * {@code examples/greeter.jar}).
     */
    private static Path pluginJar(Layout layout, String plugin) {
        boolean isPath = plugin.endsWith(".jar") || plugin.contains("/") || plugin.contains("\\");
        Path jar = isPath ? Path.of(plugin).toAbsolutePath().normalize() : layout.examples().resolve(plugin + ".jar");
        if (!Files.isRegularFile(jar)) {
            List<String> examples = new ArrayList<>();
            for (Path example : Layout.jars(layout.examples())) {
                String name = example.getFileName().toString();
                examples.add(name.substring(0, name.length() - ".jar".length()));
            }
            throw new IllegalArgumentException("--deploy " + plugin + ": there is no " + jar
                    + (examples.isEmpty() ? "" : "; the examples are " + String.join(", ", examples)));
        }
        return jar;
    }

    private static String frameworkName(String framework) {
        return "equinox".equals(framework) ? "Eclipse Equinox" : "Apache Felix";
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() / 1000.0 + " s";
    }
}
