package org.jykka.launcher;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * The entry point of {@code bin/jykka}: parses the command line, then runs a {@link Container} in a
 * class loader that holds only the chosen framework's jars and this launcher.
 */
public final class Main {

    /** The jars of {@code bundle/} that {@code jykka client} runs on, by file name prefix. */
    private static final List<String> CLIENT_JARS = List.of("jykka-console-", "sshd-osgi-", "slf4j-api-",
            "slf4j-jdk14-");

    private Main() {
    }

    /** Runs the container and exits with its status (see {@link LaunchOptions#USAGE}). */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("client")) {
            System.exit(client(Layout.locate(), Arrays.copyOfRange(args, 1, args.length)));
            return;
        }
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("jykka: " + e.getMessage() + ". See jykka --help.");
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(LaunchOptions.USAGE);
            return;
        }
        if (options.version()) {
            String version = Main.class.getPackage().getImplementationVersion();
            System.out.println("Jykka " + (version == null ? "(unknown version: not run from its jar)" : version)
                    + " on Java " + Runtime.version());
            return;
        }
        Layout layout = Layout.locate();
        List<Path> frameworkJars = Layout.jars(layout.lib().resolve(options.framework()));
        if (frameworkJars.isEmpty()) {
            System.err.println("jykka: no framework jar in " + layout.lib().resolve(options.framework())
                    + "; is " + layout.home() + " a complete distribution?");
            System.exit(2);
            return;
        }
        System.exit(run(layout, frameworkJars, args));
    }

    private static int run(Layout layout, List<Path> frameworkJars, String[] args) {
        List<Path> jars = new ArrayList<>(frameworkJars);
        jars.add(Files.exists(layout.launcherJar()) ? layout.launcherJar() : codeSource());
        return runIsolated("jykka-" + frameworkJars.get(0).getParent().getFileName(), jars,
                "org.jykka.launcher.Container", args);
    }

    /**
     * {@code jykka client}: runs the console bundle's client, which needs MINA SSHD, in a class loader
     * of its own made of those bundles' jars (they are plain jars too).
     */
    private static int client(Layout layout, String[] args) {
        List<Path> jars = new ArrayList<>();
        for (String prefix : CLIENT_JARS) {
            Layout.jars(layout.bundles()).stream().filter(jar -> jar.getFileName().toString().startsWith(prefix))
                    .forEach(jars::add);
        }
        if (jars.size() != CLIENT_JARS.size()) {
            System.err.println("jykka client: " + layout.bundles() + " lacks one of " + CLIENT_JARS
                    + "; is " + layout.home() + " a complete distribution?");
            return 2;
        }
        String[] withHome = new String[args.length + 1];
        withHome[0] = layout.home().toString();
        System.arraycopy(args, 0, withHome, 1, args.length);
        return runIsolated("jykka-client", jars, "org.jykka.console.RemoteClient", withHome);
    }

    /**
     * Runs {@code main}, a {@code ToIntFunction<String[]>}, loaded by a class loader of {@code jars}
     * whose parent is the platform loader, not this one: what it loads must not see the class path
     * (the framework would find a second OSGi API there).
     */
    @SuppressWarnings("unchecked")
    private static int runIsolated(String name, List<Path> jars, String main, String[] args) {
        List<URL> urls = new ArrayList<>();
        try {
            for (Path jar : jars) {
                urls.add(jar.toUri().toURL());
            }
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
        URLClassLoader loader = new URLClassLoader(name, urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        Thread.currentThread().setContextClassLoader(loader);
        try {
            // By name: a class literal would load it (and what it links to) from the class path.
            Object entry = loader.loadClass(main).getConstructor().newInstance();
            return ((ToIntFunction<String[]>) entry).applyAsInt(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("The distribution is incomplete: " + e, e);
        }
    }

    private static Path codeSource() {
        try {
            return Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
