package org.jykka.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The remote shell's files, in one folder ({@code data/remote/} of the distribution), which the
 * container and {@code bin/jykka client} both read: {@code password} (made at the first boot, then
 * kept), {@code host.key} (the container's SSH host key, also made once) and {@code port} (written at
 * every boot, deleted at the stop). The folder and every file are readable by their owner only, where
 * the file system has POSIX permissions.
 */
final class RemoteFiles {

    /** The SSH user name; the password is what is secret. */
    static final String USER = "jykka";

    private final Path folder;

    RemoteFiles(Path folder) {
        this.folder = folder;
    }

    Path folder() {
        return folder;
    }

    Path password() {
        return folder.resolve("password");
    }

    Path hostKey() {
        return folder.resolve("host.key");
    }

    Path port() {
        return folder.resolve("port");
    }

    /** The installation's password, made (32 random bytes) and saved the first time. */
    String createOrReadPassword() throws IOException {
        createFolder();
        if (!Files.exists(password())) {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            writePrivately(password(), Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
        }
        return readPassword();
    }

    /** The saved password. */
    String readPassword() throws IOException {
        return Files.readString(password(), StandardCharsets.UTF_8).trim();
    }

    /** Records the port the container listens on, for the client. */
    void writePort(int port) throws IOException {
        createFolder();
        writePrivately(port(), Integer.toString(port));
    }

    /** The recorded port, or -1 if none is (no container has started, or it has stopped). */
    int readPort() throws IOException {
        try {
            return Integer.parseInt(Files.readString(port(), StandardCharsets.US_ASCII).trim());
        } catch (NoSuchFileException e) {
            return -1;
        } catch (NumberFormatException e) {
            throw new IOException(port() + " does not hold a port number", e);
        }
    }

    void deletePort() throws IOException {
        Files.deleteIfExists(port());
    }

    /** Creates the folder, readable by its owner only; a folder that exists already is left as it is. */
    void createFolder() throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        Files.createDirectories(folder.getParent());
        if (posix()) {
            Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectory(folder);
        }
    }

    /**
     * Writes {@code text} to a new file that is created readable by its owner only (never, even for
     * an instant, by anyone else), then moves it over {@code file}.
     */
    private void writePrivately(Path file, String text) throws IOException {
        Path temporary = posix()
                ? Files.createTempFile(folder, file.getFileName().toString(), ".new",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(folder, file.getFileName().toString(), ".new");
        try {
            Files.writeString(temporary, text + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private boolean posix() throws IOException {
        Path existing = Files.exists(folder) ? folder : folder.getParent();
        return Files.getFileStore(existing).supportsFileAttributeView("posix");
    }
}
