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
