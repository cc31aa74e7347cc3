package org.jykka.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.pubkey.RejectAllPublickeyAuthenticator;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;

/**
 * The remote shell: an SSH server (Apache MINA SSHD) on the loopback interface that gives each
 * connection a Gogo session. It accepts one user, {@value RemoteFiles#USER}, with the installation's
 * password, and nothing else: no public keys, no keyboard-interactive, no port, agent or X11
 * forwarding, no file transfer. A shell channel gets an interactive {@link Console}; an exec channel
 * runs its one command and exits with 0, or 1 if the command failed.
 */
final class RemoteShellServer implements AutoCloseable {

    /** The only interface it listens on. */
    static final String LOOPBACK = "127.0.0.1";

    private final SshServer server;
    private final RemoteFiles files;

    private RemoteShellServer(SshServer server, RemoteFiles files) {
        this.server = server;
        this.files = files;
    }

    /**
     * Listens on {@code port} of the loopback interface (0: any free port), and records the port in
     * {@link RemoteFiles#port()}.
     */
    static RemoteShellServer start(CommandProcessor processor, RemoteFiles files, int port, boolean verbose)
            throws IOException {
        byte[] password = files.createOrReadPassword().getBytes(StandardCharsets.UTF_8);
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost(LOOPBACK);
        server.setPort(port);
        SimpleGeneratorHostKeyProvider hostKey = new SimpleGeneratorHostKeyProvider(files.hostKey());
        // Made now, not at the first connection: the client must find it to know whom it talks to.
        hostKey.loadKeys(null);
        server.setKeyPairProvider(hostKey);
        // Constant-time comparison: how long a refusal takes says nothing about the password.
        server.setPasswordAuthenticator((user, given, session) -> RemoteFiles.USER.equals(user)
                && given != null && MessageDigest.isEqual(password, given.getBytes(StandardCharsets.UTF_8)));
        server.setPublickeyAuthenticator(RejectAllPublickeyAuthenticator.INSTANCE);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setGSSAuthenticator(null);
        server.setForwardingFilter(RejectAllForwardingFilter.INSTANCE);
        server.setShellFactory(channel -> new RemoteSession(processor, null, verbose));
        server.setCommandFactory((channel, command) -> new RemoteSession(processor, command, verbose));
        server.start();
        RemoteShellServer started = new RemoteShellServer(server, files);
        try {
            files.writePort(server.getPort());
        } catch (IOException | RuntimeException e) {
            started.close();
            throw e;
        }
        return started;
    }

    int port() {
        return server.getPort();
    }

    /** Stops listening, closes every session, and deletes the port file. */
    @Override
    public void close() throws IOException {
        try {
            files.deletePort();
        } finally {
            server.stop(true);
        }
    }
}
