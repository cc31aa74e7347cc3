package org.jykka.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemoteFilesTest {

    @TempDir
    Path temp;

    @Test
    void passwordIsMadeOnceAndKept() throws Exception {
        RemoteFiles files = new RemoteFiles(temp.resolve("data/remote"));
        String first = files.createOrReadPassword();
        assertTrue(first.length() >= 40, first);
        assertEquals(first, new RemoteFiles(temp.resolve("data/remote")).createOrReadPassword());
    }

    @Test
    void eachInstallationGetsItsOwnPassword() throws Exception {
        assertNotEquals(new RemoteFiles(temp.resolve("a")).createOrReadPassword(),
                new RemoteFiles(temp.resolve("b")).createOrReadPassword());
    }

    @Test
    void folderAndFilesAreReadableByTheirOwnerOnly() throws Exception {
        RemoteFiles files = new RemoteFiles(temp.resolve("data/remote"));
        files.createOrReadPassword();
        files.writePort(4711);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(files.folder())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(files.password())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(files.port())));
    }

    @Test
    void portIsMinusOneOnceDeleted() throws Exception {
        RemoteFiles files = new RemoteFiles(temp.resolve("remote"));
        files.writePort(4711);
        assertEquals(4711, files.readPort());
        files.deletePort();
        assertEquals(-1, files.readPort());
    }
}
