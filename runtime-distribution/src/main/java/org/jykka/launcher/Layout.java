package org.jykka.launcher;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The distribution's folders.
 *
 * @param home the distribution folder ({@code jykka-<version>/})
 */
record Layout(Path home) {

    /** The system property {@code bin/jykka} sets to the distribution folder. */
    static final String HOME_PROPERTY = "jykka.home";

    /**
     * The layout this launcher belongs to: {@value #HOME_PROPERTY} if set, else the folder above the
     * {@code lib/} that holds the launcher jar.
     */
    static Layout locate() {
        String home = System.getProperty(HOME_PROPERTY);
        if (home != null && !home.isBlank()) {
            return new Layout(Path.of(home).toAbsolutePath().normalize());
        }
        try {
            Path jar = Path.of(Layout.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return new Layout(jar.getParent().getParent().toAbsolutePath().normalize());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("Cannot tell where the distribution is: set -D" + HOME_PROPERTY
                    + "=<folder>", e);
        }
    }

    /** The launcher jar and {@code felix/}, {@code equinox/}: one folder per framework. */
    Path lib() {
        return home.resolve("lib");
    }

    /** The bundles the container starts: Jykka, FileInstall, Gogo, SCR. */
    Path bundles() {
        return home.resolve("bundle");
    }

    /** The folder FileInstall watches. */
    Path deploy() {
        return home.resolve("deploy");
    }

    /** The example plugins, ready to copy into {@code deploy/}. */
    Path examples() {
        return home.resolve("examples");
    }

    /** The framework properties. */
    Path frameworkProperties() {
        return home.resolve("conf").resolve("framework.properties");
    }

    /** The launcher jar itself, which the framework's class loader loads once more. */
    Path launcherJar() {
        return lib().resolve("jykka-launcher.jar");
    }

    /** Where the framework keeps its state, the remote shell its files, and the folder lock. */
    Path data() {
        return home.resolve("data");
    }

    /** The lock file that keeps a second container off this folder: see {@link FolderLock}. */
    Path lockFile() {
        return data().resolve("jykka.lock");
    }

    /**
     * A {@code --deploy} argument: a path to a jar, or the name of an example ({@code greeter} is
     * {@code examples/greeter.jar}).
     *
     * @throws IllegalArgumentException naming the examples, if there is no such jar
     */
    Path pluginJar(String plugin) {
        boolean isPath = plugin.endsWith(".jar") || plugin.contains("/") || plugin.contains("\\");
        Path jar = isPath ? Path.of(plugin).toAbsolutePath().normalize() : examples().resolve(plugin + ".jar");
        if (!Files.isRegularFile(jar)) {
            List<String> names = new java.util.ArrayList<>();
            for (Path example : jars(examples())) {
                String name = example.getFileName().toString();
                names.add(name.substring(0, name.length() - ".jar".length()));
            }
            throw new IllegalArgumentException("--deploy " + plugin + ": there is no " + jar
                    + (names.isEmpty() ? "" : "; the examples are " + String.join(", ", names)));
        }
        return jar;
    }

    /** The jars of {@code folder}, sorted by name; empty if it does not exist. */
    static List<Path> jars(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f))
                    .sorted().collect(Collectors.toList());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot list " + folder, e);
        }
    }
}
