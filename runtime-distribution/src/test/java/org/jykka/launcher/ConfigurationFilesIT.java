package org.jykka.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Configured actors in the real {@code bin/jykka}: each {@code <pid>-<name>.cfg} in {@code deploy/}
 * starts one instance of the greeter example's configured actor (FileInstall hands the file to
 * Felix ConfigAdmin); editing the file restarts it, deleting it stops it.
 */
class ConfigurationFilesIT {
    private static final String ENGLISH = "org.jykka.example.greeter-english.cfg";
    private static final String STARTED = "Actor started: greeter-english \\(";
    private static final String STOPPED = "Actor stopped: greeter-english \\(";

    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"felix", "equinox"})
    void aCfgFileInDeployStartsAnInstanceWithItsProperties(String framework) throws Exception {
        Path home = ContainerProcess.copyDistribution(temp.resolve("jykka"));
        Files.writeString(home.resolve("deploy").resolve(ENGLISH), "greeting=Hello\n");
        Path script = Files.writeString(temp.resolve("commands.gogo"), "jykka:ask greeter-english world\n");
        try (ContainerProcess jykka = ContainerProcess.start(home, "--framework", framework, "--deploy", "greeter",
                "--script", script.toString())) {
            jykka.await("^Hello, world!$");
            assertEquals(0, jykka.awaitExit(), jykka.output());
        }
    }

    @Test
    void editingTheFileRestartsTheInstanceAndDeletingItStopsIt() throws Exception {
        Path home = ContainerProcess.copyDistribution(temp.resolve("jykka"));
        Path file = home.resolve("deploy").resolve(ENGLISH);
        Files.writeString(file, "greeting=Hello\n");
        try (ContainerProcess jykka = ContainerProcess.start(home, "--deploy", "greeter")) {
            jykka.await(STARTED);
            jykka.await("Jykka is running");

            int edited = jykka.mark();
            write(file, "greeting=Bonjour\npunctuation=\\ !\n");
            jykka.await(edited, STOPPED);
            jykka.await(edited, STARTED);
            jykka.type("jykka:ask greeter-english monde");
            jykka.await(edited, "Bonjour, monde !");

            int deleted = jykka.mark();
            Files.delete(file);
            jykka.await(deleted, STOPPED);
            jykka.type("jykka:ask greeter hi");
            jykka.await(deleted, "Hi there! You said: hi");
        }
    }

    /** Replaces the file in one step, so FileInstall never reads half of it. */
    private void write(Path file, String content) throws IOException {
        Path next = Files.writeString(temp.resolve("next.cfg"), content);
        Files.move(next, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
