package org.jykka.launcher;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The lock that keeps a second container off a distribution folder: {@code data/jykka.lock}, locked
 * for as long as the container's JVM lives, holding its process id. The operating system releases
 * the lock when the process ends, however it ends, so a crash never leaves a stale lock behind.
 */
final class FolderLock {

    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock, or returns {@code null} if another process holds it.
     *
     * @param file the lock file; created if missing
     */
    static FolderLock tryAcquire(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return null;
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
            channel.force(false);
            return new FolderLock(channel, lock);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The process id the holder wrote into {@code file}, or {@code "?"}. */
    static String holder(Path file) {
        try {
            String pid = Files.readString(file, StandardCharsets.US_ASCII).trim();
            return pid.isEmpty() ? "?" : pid;
        } catch (IOException e) {
            return "?";
        }
    }

    /** Whether the lock is still held (it is until the JVM ends; this keeps it reachable). */
    boolean isValid() {
        return lock.isValid() && channel.isOpen();
    }
}
