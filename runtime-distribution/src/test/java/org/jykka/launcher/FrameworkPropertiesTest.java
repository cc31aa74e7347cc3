package org.jykka.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameworkPropertiesTest {

    @TempDir
    Path temp;

    @Test
    void referencesResolveToEntriesAndLauncherValues() throws Exception {
        Path file = Files.writeString(temp.resolve("framework.properties"),
                "data=${jykka.home}/data\nstorage=${data}/${jykka.framework}\n");
        Map<String, String> config = FrameworkProperties.load(file,
                Map.of("jykka.home", "/opt/jykka", "jykka.framework", "felix"));
        assertEquals("/opt/jykka/data/felix", config.get("storage"));
        assertEquals("/opt/jykka", config.get("jykka.home"));
    }

    @Test
    void systemPropertyOverridesTheEntryWithTheSameKey() throws Exception {
        Path file = Files.writeString(temp.resolve("framework.properties"), "jykka.test.poll=1000\n");
        System.setProperty("jykka.test.poll", "200");
        try {
            assertEquals("200", FrameworkProperties.load(file, Map.of()).get("jykka.test.poll"));
        } finally {
            System.clearProperty("jykka.test.poll");
        }
    }

    @Test
    void referenceToNothingIsRejectedNamingBoth() throws Exception {
        Path file = Files.writeString(temp.resolve("framework.properties"), "dir=${jykka.nowhere}/deploy\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FrameworkProperties.load(file, Map.of()));
        assertTrue(e.getMessage().contains("dir") && e.getMessage().contains("jykka.nowhere"), e.getMessage());
    }
}
