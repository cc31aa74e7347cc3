package org.jykka.itests.jpms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jykka without OSGi: the jpms-app module runs in a child JVM with only the module path (api,
 * threading, registry, proxy and itself), and uses a proxy over an actor in a package it opens to
 * org.jykka.proxy only.
 */
class ModulePathTest {
    private static final Path BUNDLES = Path.of(System.getProperty("itest.bundles", "target/bundles"));

    @TempDir
    Path work;

    @Test
    void aNamedModuleUsesActorsRegistryAndProxiesOnTheModulePath() throws Exception {
        String modulePath = Stream.of("jykka-api", "jykka-registry", "jykka-threading", "jykka-proxy", "jykka-itests-jpms-app")
                .map(name -> BUNDLES.resolve(name + ".jar").toString())
                .collect(Collectors.joining(File.pathSeparator));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path output = work.resolve("output.txt");
        Process process = new ProcessBuilder(java.toString(), "--module-path", modulePath,
                "-m", "org.jykka.itests.jpms/org.jykka.itests.jpms.Main")
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the module-path application did not end within a minute");
        } finally {
            process.destroyForcibly();
        }
        String printed = Files.readString(output, StandardCharsets.UTF_8);

        assertEquals(0, process.exitValue(), printed);
        assertEquals(List.of(
                "modules: org.jykka.itests.jpms uses org.jykka, org.jykka.proxy, org.jykka.registry",
                "proxy: Hello, module path (1)",
                "proxy again: Hello, module path (2)",
                "proxy thread is the caller's: false",
                "ask: echo ping",
                "registered: true",
                "stopped: true",
                "registered after stop: 0"), printed.lines().toList(), printed);
    }
}
