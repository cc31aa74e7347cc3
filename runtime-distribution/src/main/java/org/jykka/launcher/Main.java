package org.jykka.launcher;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * The entry point of {@code bin/jykka}: parses the command line, then runs a {@link Container} in a
 * class loader that holds only the chosen framework's jars and this launcher.
 */
public final class Main {

    private Main() {
    }

    /** Runs the container and exits with its status (see {@link LaunchOptions#USAGE}). */
    public static void main(String[] args) {
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

    @SuppressWarnings("unchecked")
    private static int run(Layout layout, List<Path> frameworkJars, String[] args) {
        List<URL> urls = new ArrayList<>();
        try {
            for (Path jar : frameworkJars) {
                urls.add(jar.toUri().toURL());
            }
            urls.add(Files.exists(layout.launcherJar()) ? layout.launcherJar().toUri().toURL()
                    : Main.class.getProtectionDomain().getCodeSource().getLocation());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
        // The parent is the platform loader, not this one: the framework must not see the class path,
        // and the launcher's classes are loaded again here, linked against this framework's OSGi API.
        URLClassLoader loader = new URLClassLoader("jykka-" + frameworkJars.get(0).getParent().getFileName(),
                urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        Thread.currentThread().setContextClassLoader(loader);
        try {
            // By name: a class literal would load Container (and the OSGi API) from the class path.
            Object container = loader.loadClass("org.jykka.launcher.Container").getConstructor().newInstance();
            return ((ToIntFunction<String[]>) container).applyAsInt(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("The launcher jar is incomplete: " + e, e);
        }
    }
}
