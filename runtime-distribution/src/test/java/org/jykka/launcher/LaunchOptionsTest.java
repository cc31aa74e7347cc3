package org.jykka.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaunchOptionsTest {

    @Test
    void noArgumentsBootFelixWithTheConsoleForever() {
        LaunchOptions options = LaunchOptions.parse();
        assertEquals("felix", options.framework());
        assertTrue(options.shell());
        assertNull(options.runFor());
        assertNull(options.script());
        assertTrue(options.deploy().isEmpty());
    }

    @Test
    void deployIsRepeatableAndKeepsItsOrder() {
        assertEquals(List.of("greeter", "pipeline"),
                LaunchOptions.parse("--deploy", "greeter", "--deploy", "pipeline").deploy());
    }

    @Test
    void scriptImpliesNoConsole(@TempDir Path temp) throws Exception {
        Path script = Files.writeString(temp.resolve("commands.gogo"), "jykka:actors\n");
        LaunchOptions options = LaunchOptions.parse("--script", script.toString());
        assertFalse(options.shell());
        assertTrue(options.script().isAbsolute());
    }

    @Test
    void scriptThatDoesNotExistIsRejectedNamingIt(@TempDir Path temp) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LaunchOptions.parse("--script", temp.resolve("none.gogo").toString()));
        assertTrue(e.getMessage().endsWith("none.gogo: there is no such file"), e.getMessage());
    }

    @Test
    void runForTakesFractionalSeconds() {
        assertEquals(Duration.ofMillis(1500), LaunchOptions.parse("--run-for", "1.5").runFor());
    }

    @Test
    void unknownFrameworkIsRejectedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LaunchOptions.parse("--framework", "knopflerfish"));
        assertTrue(e.getMessage().contains("knopflerfish"), e.getMessage());
    }

    @Test
    void optionWithoutItsValueIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LaunchOptions.parse("--deploy", "--no-shell"));
        assertEquals("--deploy needs a value", e.getMessage());
    }

    @Test
    void usageNamesEveryOption() {
        for (String option : List.of("--framework", "--deploy", "--no-shell", "--script", "--run-for", "--verbose",
                "--version", "--help")) {
            assertTrue(LaunchOptions.USAGE.contains(option), option);
        }
    }
}
