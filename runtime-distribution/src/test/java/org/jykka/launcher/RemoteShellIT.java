package org.jykka.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshException;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.jykka.testplugin.Sleeper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The running container as an operator reaches it: {@code bin/jykka client} from another process,
 * its security, the folder lock, and Ctrl-C in the container's own console. One Felix container,
 * booted once for the class (its console reads a pipe), serves every test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemoteShellIT {

    private static final String RUNNING = "Jykka is running";

    private ContainerProcess container;

    @BeforeAll
    void bootOneContainer(@TempDir Path temp) throws Exception {
        Path home = ContainerProcess.copyDistribution(temp.resolve("jykka"));
        Files.write(home.resolve("deploy/sleeper.jar"), TestPlugins.plugin("test.sleeper", Sleeper.class));
        container = ContainerProcess.start(home, "--deploy", "greeter");
        container.await(RUNNING);
        container.await("Actor started: sleeper ");
        container.await("Remote shell on 127\\.0\\.0\\.1:\\d+");
    }

    @AfterAll
    void stopIt() {
        container.close();
    }

    private ContainerProcess client(String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("client"));
        all.addAll(List.of(args));
        return ContainerProcess.start(container.home(), all.toArray(String[]::new));
    }

    @Test
    void clientRunsOneCommandInTheRunningContainerAndExitsWithStatusZero() throws Exception {
        try (ContainerProcess client = client("-c", "jykka:actors")) {
            assertEquals(0, client.awaitExit(), client.output());
            client.await("greeter +org\\.jykka\\.example\\.greeter\\.Greeter +org\\.jykka\\.example\\.greeter \\S+ \\[\\d+] +running");
            client.await("sleeper +org\\.jykka\\.testplugin\\.Sleeper +test\\.sleeper 1\\.0\\.0 \\[\\d+] +running");
        }
    }

    @Test
    void clientCommandThatFailsPrintsOneLineAndExitsWithStatusOne() throws Exception {
        try (ContainerProcess client = client("-c", "jykka:ask nobody hi")) {
            assertEquals(1, client.awaitExit(), client.output());
            client.await("^No actor is named 'nobody'\\. Running: ");
            assertEquals(1, client.output().strip().lines().count(), client.output());
        }
    }

    @Test
    void clientShellRunsEachLineUntilExitAndLeavesTheContainerRunning() throws Exception {
        try (ContainerProcess client = client()) {
            client.await("Jykka remote shell");
            client.type("jykka:ask greeter 'from afar'");
            client.await("greeting #\\d+"); // the answer; the greeting itself is printed by the container
            container.await("Hi there! You said: from afar");
            client.type("exit");
            assertEquals(0, client.awaitExit(), client.output());
        }
        try (ContainerProcess again = client("-c", "jykka:ask greeter still")) {
            assertEquals(0, again.awaitExit(), again.output());
        }
    }

    @Test
    void clientWithAWrongPasswordIsRefused() throws Exception {
        Path password = container.home().resolve("data/remote/password");
        byte[] right = Files.readAllBytes(password);
        Files.writeString(password, "not-the-password\n");
        try (ContainerProcess client = client("-c", "jykka:actors")) {
            assertEquals(3, client.awaitExit(), client.output());
            client.await("refused the password in " + password);
            assertTrue(client.findAll(0, "greeter").isEmpty(), client.output());
        } finally {
            Files.write(password, right);
        }
    }

    @Test
    void anySshClientIsRefusedWithoutThePassword() throws Exception {
        int port = Integer.parseInt(Files.readString(container.home().resolve("data/remote/port")).trim());
        SshClient ssh = SshClient.setUpDefaultClient();
        ssh.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        ssh.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        ssh.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
        ssh.start();
        try {
            for (String user : List.of("jykka", "root")) {
                try (ClientSession session = ssh.connect(user, "127.0.0.1", port).verify(Duration.ofSeconds(10))
                        .getSession()) {
                    session.addPasswordIdentity("jykka");
                    assertThrows(SshException.class, () -> session.auth().verify(Duration.ofSeconds(10)),
                            "user " + user + " with a guessed password");
                }
            }
        } finally {
            ssh.stop();
        }
    }

    @Test
    void credentialsAreReadableByTheirOwnerOnly() throws Exception {
        Path folder = container.home().resolve("data/remote");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
        for (String file : List.of("password", "host.key", "port")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve(file))),
                    file);
        }
        assertTrue(Files.readString(folder.resolve("password")).trim().length() >= 40, "a long random password");
    }

    @Test
    void theRemoteShellOnTheLoopbackInterfaceIsAllThatListens() throws Exception {
        int port = Integer.parseInt(Files.readString(container.home().resolve("data/remote/port")).trim());
        Set<String> sockets = new HashSet<>();
        try (var fds = Files.list(Path.of("/proc", Long.toString(container.pid()), "fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        sockets.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // a descriptor closed while listing
                }
            }
        }
        List<String> listening = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : Files.readAllLines(Path.of(table), StandardCharsets.US_ASCII)) {
                String[] fields = line.trim().split("\\s+");
                // sl local_address rem_address st ... inode (the tenth field); 0A is LISTEN
                if (fields.length > 9 && fields[3].equals("0A") && sockets.contains(fields[9])) {
                    listening.add(fields[1]);
                }
            }
        }
        // In /proc/net/tcp6, a dual-stack socket bound to 127.0.0.1 shows as ::ffff:127.0.0.1.
        assertEquals(1, listening.size(), "one listening socket: " + listening);
        assertTrue(Set.of(String.format("0100007F:%04X", port), String.format("0000000000000000FFFF00000100007F:%04X", port))
                .contains(listening.get(0)), "127.0.0.1:" + port + ", not " + listening);
    }

    @Test
    void secondContainerOnTheSameFolderIsRefusedAndTheFirstKeepsRunning() throws Exception {
        try (ContainerProcess second = ContainerProcess.start(container.home(), "--no-shell", "--deploy", "pipeline")) {
            assertEquals(3, second.awaitExit(), second.output());
            second.await("a container is already running in " + container.home() + " \\(process "
                    + container.pid() + "\\); 'bin/jykka client' opens its shell");
        }
        assertTrue(Files.notExists(container.deploy().resolve("pipeline.jar")), "the refused one copied nothing");
        try (var cache = Files.list(container.home().resolve("data/felix"))) {
            assertTrue(cache.findAny().isPresent(), "the running container's bundle cache is intact");
        }
        try (ContainerProcess client = client("-c", "jykka:ask greeter 'still there'")) {
            assertEquals(0, client.awaitExit(), client.output());
            client.await("greeting #\\d+");
            container.await("Hi there! You said: still there");
        }
    }

    @Test
    void ctrlCCancelsAWaitingAskAndTheConsoleGoesOn() throws Exception {
        int mark = container.mark();
        container.type("jykka:ask sleeper 3000 60s");
        container.await(mark, "sleeper: sleeping 3000 ms");
        container.signal("INT");
        container.await(mark, "Cancelled: (jykka:)?ask sleeper");
        container.type("jykka:ask greeter 'after the cancel'");
        container.await(mark, "Hi there! You said: after the cancel");
        assertTrue(container.findAll(mark, "Interrupted|Exception|^\\s+at |Stopping|slept").isEmpty(),
                "no trace, and the cancelled ask printed nothing later:\n" + container.output());
    }
}
