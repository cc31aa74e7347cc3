package org.jykka.console;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.function.ToIntFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.channel.ClientChannel;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.keyverifier.RequiredServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshException;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;

/**
 * {@code bin/jykka client}: reaches the container running in the same distribution folder through
 * its remote shell. Without a command it opens an interactive shell; with {@code -c <command>} (or
 * the command's words after {@code client}) it runs that one command and exits with its status.
 *
 * <p>Not a part of the bundle's OSGi life: the launcher runs it in a plain class loader made of this
 * jar and the MINA SSHD and SLF4J jars of {@code bundle/}. It trusts only the host key the container
 * saved in {@code data/remote/}, and ignores {@code ~/.ssh} entirely.
 *
 * <p>Exit status: the command's (0, or 1 if it failed); 2 for a bad command line; 3 if no container
 * runs in the folder or it refused the saved password.
 */
public final class RemoteClient implements ToIntFunction<String[]> {

    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: jykka client [-c <command>] | [<command words...>]",
            "",
            "Opens the shell of the container running in this distribution folder (type 'exit' or",
            "Ctrl-D to leave it running), or runs one command there and exits with its status:",
            "  bin/jykka client -c 'jykka:actors'",
            "It connects over SSH to 127.0.0.1 with the password the container saved in",
            "data/remote/password (readable by its owner only).",
            "Exit status: 0, or 1 if the command failed; 2 for a bad command line; 3 if no container",
            "runs here or it refused the password.",
            "");

    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    /** Held: java.util.logging keeps loggers weakly, and a collected one forgets its level. */
    private static final Logger SSHD = Logger.getLogger("org.apache.sshd");

    /** Public for the launcher, which creates it by reflection in another class loader. */
    public RemoteClient() {
    }

    /** {@code args[0]} is the distribution folder; the rest is the client's command line. */
    @Override
    public int applyAsInt(String[] args) {
        Path home = Path.of(args[0]);
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        String command = null;
        if (rest.length > 0) {
            if (rest[0].equals("-h") || rest[0].equals("--help")) {
                System.out.print(USAGE);
                return 0;
            }
            if (rest[0].equals("-c") || rest[0].equals("--command")) {
                if (rest.length != 2) {
                    System.err.println("jykka client: -c takes one argument, the command (quote it). "
                            + "See jykka client --help.");
                    return 2;
                }
                command = rest[1];
            } else if (rest[0].startsWith("-")) {
                System.err.println("jykka client: unknown option '" + rest[0] + "'. See jykka client --help.");
                return 2;
            } else {
                command = String.join(" ", rest);
            }
        }
        SSHD.setLevel(Level.WARNING);
        try {
            return connect(new RemoteFiles(home.resolve("data").resolve("remote")), home, command);
        } catch (IOException | RuntimeException e) {
            System.err.println("jykka client: " + CommandRunner.describe(e));
            return 3;
        }
    }

    private static int connect(RemoteFiles files, Path home, String command) throws IOException {
        int port = files.readPort();
        if (port < 0 || !Files.exists(files.hostKey())) {
            System.err.println("jykka client: no container is running in " + home + " (start one with bin/jykka)");
            return 3;
        }
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(new RequiredServerKeyVerifier(hostKey(files)));
        client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
        client.start();
        try (ClientSession session = client.connect(RemoteFiles.USER, RemoteShellServer.LOOPBACK, port)
                .verify(TIMEOUT).getSession()) {
            session.addPasswordIdentity(files.readPassword());
            try {
                session.auth().verify(TIMEOUT);
            } catch (SshException e) {
                System.err.println("jykka client: the container in " + home + " refused the password in "
                        + files.password());
                return 3;
            }
            return command == null ? shell(session) : exec(session, command);
        } catch (SshException e) {
            if (e.getCause() instanceof ConnectException) {
                System.err.println("jykka client: no container is running in " + home + " (nothing listens on "
                        + RemoteShellServer.LOOPBACK + ":" + port + ")");
                return 3;
            }
            throw e;
        } finally {
            client.stop();
        }
    }

    private static int exec(ClientSession session, String command) throws IOException {
        try (ChannelExec channel = session.createExecChannel(command)) {
            return run(channel);
        }
    }

    private static int shell(ClientSession session) throws IOException {
        try (ChannelShell channel = session.createShellChannel()) {
            // Lines, not a terminal: the local terminal echoes and edits, the container runs each line.
            channel.setUsePty(false);
            channel.setIn(new FilterInputStream(System.in) {
                @Override
                public void close() {
                    // System.in stays open for the JVM
                }
            });
            return run(channel);
        }
    }

    private static int run(ClientChannel channel) throws IOException {
        channel.setOut(unclosable(System.out));
        channel.setErr(unclosable(System.err));
        channel.open().verify(TIMEOUT);
        channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), 0L);
        Integer status = channel.getExitStatus();
        if (status == null) {
            System.err.println("jykka client: the container closed the connection (it is stopping?)");
            return 3;
        }
        return status;
    }

    private static java.security.PublicKey hostKey(RemoteFiles files) throws IOException {
        Iterator<KeyPair> keys = new SimpleGeneratorHostKeyProvider(files.hostKey()).loadKeys(null).iterator();
        if (!keys.hasNext()) {
            throw new IOException("the container's host key " + files.hostKey() + " holds no key");
        }
        return keys.next().getPublic();
    }

    private static OutputStream unclosable(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

}
