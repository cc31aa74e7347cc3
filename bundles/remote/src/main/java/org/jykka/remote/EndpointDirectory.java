package org.jykka.remote;

import static java.lang.System.Logger.Level.DEBUG;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.remoteserviceadmin.EndpointDescription;
import org.osgi.service.remoteserviceadmin.EndpointEvent;
import org.osgi.service.remoteserviceadmin.EndpointEventListener;
import org.osgi.service.remoteserviceadmin.RemoteConstants;

/**
 * The discovery side of an exporting framework: an {@link EndpointEventListener} for this
 * framework's own endpoints (the topology manager tells it of each export and its end), and a
 * plain HTTP/1.0 server that answers every request with them, as {@link EndpointText}
 * ({@code curl http://127.0.0.1:2544/} shows them). One thread, which ends with {@link #close()}.
 */
final class EndpointDirectory implements EndpointEventListener, AutoCloseable {
    private static final System.Logger LOG = System.getLogger("org.jykka.remote");

    /** Marks the directory's listener, so the poller never feeds it. */
    static final String MARKER = "org.jykka.remote.directory";

    private final Map<String, EndpointDescription> endpoints = new ConcurrentHashMap<>();
    private final ServerSocket server;
    private final Thread thread;
    private final ServiceRegistration<EndpointEventListener> registration;

    EndpointDirectory(BundleContext context, String host, int port) throws IOException {
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        thread = new Thread(this::serve, "jykka-rsa-directory");
        thread.setDaemon(true);
        thread.start();
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(EndpointEventListener.ENDPOINT_LISTENER_SCOPE,
                "(" + RemoteConstants.ENDPOINT_FRAMEWORK_UUID + "=" + context.getProperty(Constants.FRAMEWORK_UUID) + ")");
        properties.put(MARKER, Boolean.TRUE);
        registration = context.registerService(EndpointEventListener.class, this, properties);
    }

    @Override
    public void endpointChanged(EndpointEvent event, String filter) {
        EndpointDescription endpoint = event.getEndpoint();
        switch (event.getType()) {
            case EndpointEvent.ADDED, EndpointEvent.MODIFIED -> endpoints.put(endpoint.getId(), endpoint);
            default -> endpoints.remove(endpoint.getId());
        }
        LOG.log(DEBUG, () -> "Endpoints published: " + endpoints.keySet());
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket client = server.accept()) {
                client.setSoTimeout(2000);
                readRequestHead(client.getInputStream());
                byte[] body = EndpointText.write(new ArrayList<>(endpoints.values().stream()
                        .map(EndpointDescription::getProperties).toList())).getBytes(StandardCharsets.UTF_8);
                OutputStream out = client.getOutputStream();
                out.write(("HTTP/1.0 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: " + body.length
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
            } catch (IOException e) {
                // a peer that went away mid-request, or the server closing: the loop decides
            }
        }
    }

    /** Reads up to the blank line that ends the request's head (at most 8 KiB). */
    private static void readRequestHead(InputStream in) throws IOException {
        int last = 0; // the last four bytes read, newest lowest
        for (int i = 0; i < 8192; i++) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            last = (last << 8) | b;
            if (last == 0x0d0a0d0a || (last & 0xffff) == 0x0a0a) {
                return;
            }
        }
    }

    @Override
    public void close() {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the framework is stopping this bundle
        }
        try {
            server.close();
            thread.join(5000);
        } catch (IOException e) {
            // closing anyway
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
