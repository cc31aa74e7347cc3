package org.jykka.launcher;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bin/jykka} running as a real process in a private copy of the built distribution, with
 * every line it prints (stdout and stderr together) recorded with the time it arrived.
 *
 * <p>{@link #close()} always ends the process: SIGTERM first, then a forced kill, so a failing test
 * never leaves a container behind.
 */
final class ContainerProcess implements AutoCloseable {

    /** The folder the build made (failsafe passes it as {@code jykka.distribution}). */
    static final Path BUILT = Path.of(System.getProperty("jykka.distribution",
            "target/jykka-" + System.getProperty("project.version", "0.1.0-SNAPSHOT")));

    /** Bound on any single wait for the container's output. */
    static final Duration WAIT = Duration.ofSeconds(30);

    /** One printed line and when it arrived. */
    record Line(String text, long nanos) { }

    /** A pattern found in the output: the match and its line number. */
    record Found(Matcher match, int index, Line line) { }

    private final Path home;
    private final Process process;
    private final Thread reader;
    private final List<Line> lines = new ArrayList<>();
    private volatile boolean closing;

    private ContainerProcess(Path home, Process process) {
        this.home = home;
        this.process = process;
        this.reader = new Thread(this::read, "container-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Copies the built distribution into {@code folder} (which must not exist yet). */
    static Path copyDistribution(Path folder) throws IOException {
        if (!Files.isRegularFile(BUILT.resolve("bin/jykka"))) {
            fail("No built distribution at " + BUILT.toAbsolutePath() + ": run the package phase first");
        }
        Files.walkFileTree(BUILT, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(folder.resolve(BUILT.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                // COPY_ATTRIBUTES keeps bin/jykka executable.
                Files.copy(file, folder.resolve(BUILT.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
        return folder;
    }

    /** Starts {@code bin/jykka} of {@code home} with {@code args}. */
    static ContainerProcess start(Path home, String... args) throws IOException {
        return start(home, Map.of(), args);
    }

    /** Starts {@code bin/jykka} of {@code home} with {@code args} and these environment variables. */
    static ContainerProcess start(Path home, Map<String, String> environment, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/jykka").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("JAVA_OPTS");
        builder.environment().putAll(environment);
        return new ContainerProcess(home, builder.start());
    }

    /** The process id of the JVM ({@code bin/jykka} execs it). */
    long pid() {
        return process.pid();
    }

    Path home() {
        return home;
    }

    Path deploy() {
        return home.resolve("deploy");
    }

    Path example(String name) {
        return home.resolve("examples").resolve(name + ".jar");
    }

    /** Writes a line to the process's standard input (the Gogo console, when there is one). */
    void type(String line) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** Closes the process's standard input: the console sees end of input. */
    void endInput() throws IOException {
        process.getOutputStream().close();
    }

    /** The number of lines printed so far: a starting point for {@link #await(int, String)}. */
    int mark() {
        synchronized (lines) {
            return lines.size();
        }
    }

    /** Waits for the first line matching {@code regex}, anywhere in the output. */
    Found await(String regex) {
        return await(0, regex);
    }

    /** Waits up to {@link #WAIT} for a line at or after {@code from} matching {@code regex}. */
    Found await(int from, String regex) {
        Pattern pattern = Pattern.compile(regex);
        long deadline = System.nanoTime() + WAIT.toNanos();
        synchronized (lines) {
            int next = from;
            while (true) {
                for (; next < lines.size(); next++) {
                    Matcher match = pattern.matcher(lines.get(next).text());
                    if (match.find()) {
                        return new Found(match, next, lines.get(next));
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || (!process.isAlive() && !reader.isAlive())) {
                    fail("No line matching /" + regex + "/ within " + WAIT.toSeconds() + " s"
                            + (process.isAlive() ? "" : " (the container has exited)") + ". Output:\n" + output());
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lines, Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    fail("Interrupted while waiting for /" + regex + "/");
                }
            }
        }
    }

    /** The lines at or after {@code from} matching {@code regex}, now. */
    List<Found> findAll(int from, String regex) {
        Pattern pattern = Pattern.compile(regex);
        List<Found> found = new ArrayList<>();
        synchronized (lines) {
            for (int i = from; i < lines.size(); i++) {
                Matcher match = pattern.matcher(lines.get(i).text());
                if (match.find()) {
                    found.add(new Found(match, i, lines.get(i)));
                }
            }
        }
        return found;
    }

    /** Everything printed so far, for failure messages. */
    String output() {
        StringBuilder text = new StringBuilder();
        synchronized (lines) {
            for (Line line : lines) {
                text.append(line.text()).append('\n');
            }
        }
        return text.toString();
    }

    /**
     * Sends SIGTERM with {@code kill}, as a service manager would. Not {@link Process#destroy()}: it
     * also closes the pipes, and the container's last words (every actor stopping) would be lost.
     */
    void terminate() throws IOException, InterruptedException {
        signal("TERM");
    }

    /** Sends the signal ({@code INT} is what Ctrl-C sends) with {@code kill}. */
    void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            fail("kill -" + name + " " + process.pid() + " failed");
        }
    }

    /** Kills the process at once (SIGKILL, a crash as far as it can tell) and waits until it is gone. */
    void kill() throws InterruptedException {
        if (!process.destroyForcibly().waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) {
            fail("The container did not die within " + WAIT.toSeconds() + " s of SIGKILL");
        }
    }

    /** Waits up to {@link #WAIT} for the process to exit by itself, and returns its exit status. */
    int awaitExit() throws InterruptedException {
        if (!process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) {
            fail("The container did not exit within " + WAIT.toSeconds() + " s. Output:\n" + output());
        }
        reader.join(TimeUnit.SECONDS.toMillis(5));
        return process.exitValue();
    }

    @Override
    public void close() {
        closing = true;
        try {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
            reader.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void read() {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String text = out.readLine(); text != null; text = out.readLine()) {
                Line line = new Line(text, System.nanoTime());
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException e) {
            // Process.destroy() in close() closes the pipe under the reader; anything else is news.
            if (!closing) {
                synchronized (lines) {
                    lines.add(new Line("(cannot read the container's output: " + e + ")", System.nanoTime()));
                }
            }
        } finally {
            synchronized (lines) {
                lines.notifyAll();
            }
        }
    }
}
