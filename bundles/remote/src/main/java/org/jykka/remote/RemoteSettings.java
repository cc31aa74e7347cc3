package org.jykka.remote;

import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What the framework properties say about remote services. Remoting is off unless
 * {@value #PORT} is set to a port number; then the fastbin provider listens on {@value #HOST}
 * (default {@code 127.0.0.1}) at that port, this framework's endpoint directory at
 * {@value #DIRECTORY_PORT} (default: the next port), and the directories of {@value #PEERS}
 * ({@code host:port}, comma separated) are read every {@value #POLL} milliseconds.
 *
 * @param host the address the provider and the directory listen on, and that peers reach them at
 * @param port the provider's port
 * @param directoryPort the directory's port
 * @param peers the directories ({@code host:port}) whose services are imported
 * @param pollMillis how often the peers' directories are read; also how long one read may take
 * @param callTimeoutMillis how long a synchronous remote call waits for its answer
 */
record RemoteSettings(String host, int port, int directoryPort, List<String> peers, int pollMillis,
        long callTimeoutMillis) {

    static final String PORT = "jykka.rsa.port";
    static final String HOST = "jykka.rsa.host";
    static final String DIRECTORY_PORT = "jykka.rsa.directory.port";
    static final String PEERS = "jykka.rsa.peers";
    static final String POLL = "jykka.rsa.poll";
    static final String CALL_TIMEOUT = "jykka.rsa.call.timeout";

    static final String FASTBIN_PID = "org.apache.aries.rsa.provider.fastbin";

    /** Whether {@code port}, the value of {@value #PORT}, turns remote services on. */
    static boolean on(String port) {
        return port != null && !port.isBlank() && !port.strip().equalsIgnoreCase("off");
    }

    /**
     * The settings in {@code properties} (a framework's {@code getProperty}), or empty if remoting is
     * off ({@value #PORT} unset, blank or {@code off}).
     *
     * @throws IllegalArgumentException naming the property whose value makes no sense
     */
    static Optional<RemoteSettings> from(UnaryOperator<String> properties) {
        if (!on(properties.apply(PORT))) {
            return Optional.empty();
        }
        int port = number(PORT, value(properties, PORT, ""), 1, 65534);
        List<String> peers = Arrays.stream(value(properties, PEERS, "").split(",")).map(String::strip)
                .filter(peer -> !peer.isEmpty()).toList();
        for (String peer : peers) {
            int colon = peer.lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException(PEERS + " lists '" + peer + "', which is not host:port");
            }
            number(PEERS, peer.substring(colon + 1), 1, 65535);
        }
        return Optional.of(new RemoteSettings(value(properties, HOST, "127.0.0.1"), port,
                number(DIRECTORY_PORT, value(properties, DIRECTORY_PORT, Integer.toString(port + 1)), 1, 65535), peers,
                number(POLL, value(properties, POLL, "1000"), 50, 600_000),
                number(CALL_TIMEOUT, value(properties, CALL_TIMEOUT, "30000"), 1, Integer.MAX_VALUE)));
    }

    /** The fastbin provider's configuration: where it listens, the address it publishes, the call timeout. */
    Dictionary<String, Object> fastbin() {
        Dictionary<String, Object> config = new Hashtable<>();
        config.put("uri", "tcp://" + host + ":" + port);
        config.put("exportedAddress", host);
        config.put("timeout", callTimeoutMillis);
        return config;
    }

    private static String value(UnaryOperator<String> properties, String key, String otherwise) {
        String value = properties.apply(key);
        return value == null || value.isBlank() ? otherwise : value.strip();
    }

    private static int number(String key, String value, int min, int max) {
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(key + "=" + value + " is not a whole number from " + min + " to " + max);
    }
}
