package org.jykka.remote;

import static java.lang.System.Logger.Level.DEBUG;
import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.remoteserviceadmin.EndpointDescription;
import org.osgi.service.remoteserviceadmin.EndpointEvent;
import org.osgi.service.remoteserviceadmin.EndpointEventListener;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The discovery side of an importing framework: reads each peer's {@link EndpointDirectory} every
 * poll interval and tells the topology manager (every {@link EndpointEventListener} whose scope
 * matches) of endpoints that appeared and went. A peer that does not answer within the poll
 * interval (it stopped, crashed, or its network is down) has all its endpoints withdrawn, so the
 * imported services go away; when it answers again they come back. One thread.
 */
final class EndpointPoller implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("org.jykka.remote");

    /** A directory's answer is a few hundred bytes per endpoint: more than this is not one. */
    private static final int MAX_ANSWER = 4 << 20;

    private final List<String> peers;
    private final int intervalMillis;
    private final String ownFramework;
    private final ServiceTracker<EndpointEventListener, EndpointEventListener> listeners;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "jykka-rsa-discovery");
        thread.setDaemon(true);
        return thread;
    });
    // Touched by the poller's thread and, for a new listener, by the thread that registers it: guarded by this.
    private final Map<String, Map<String, EndpointDescription>> known = new HashMap<>(); // peer -> id -> endpoint
    private final Map<String, Boolean> answering = new HashMap<>();

    EndpointPoller(BundleContext context, List<String> peers, int intervalMillis) {
        this.peers = List.copyOf(peers);
        this.intervalMillis = intervalMillis;
        this.ownFramework = context.getProperty(Constants.FRAMEWORK_UUID);
        listeners = new ServiceTracker<>(context, EndpointEventListener.class, null) {
            @Override
            public EndpointEventListener addingService(ServiceReference<EndpointEventListener> reference) {
                EndpointEventListener listener = super.addingService(reference);
                if (listener != null && reference.getProperty(EndpointDirectory.MARKER) == null) {
                    synchronized (EndpointPoller.this) {
                        known.values().forEach(endpoints -> endpoints.values().forEach(endpoint ->
                                tell(reference, listener, EndpointEvent.ADDED, endpoint)));
                    }
                }
                return listener;
            }
        };
        listeners.open();
        poller.scheduleWithFixedDelay(this::pollAll, 0, intervalMillis, TimeUnit.MILLISECONDS);
    }

    private void pollAll() {
        for (String peer : peers) {
            Map<String, EndpointDescription> now = new HashMap<>();
            boolean answered;
            try {
                for (Map<String, Object> properties : EndpointText.read(fetch(peer))) {
                    EndpointDescription endpoint = new EndpointDescription(properties);
                    if (!endpoint.getFrameworkUUID().equals(ownFramework)) {
                        now.put(endpoint.getId(), endpoint);
                    }
                }
                answered = true;
            } catch (IOException | RuntimeException e) {
                answered = false;
                now = Map.of();
                if (!Boolean.FALSE.equals(answering.get(peer))) {
                    LOG.log(WARNING, "The remote services of " + peer + " are withdrawn: it does not answer (" + e + ")");
                }
            }
            if (answered && !Boolean.TRUE.equals(answering.get(peer))) {
                LOG.log(INFO, "Remote services of " + peer + ": " + now.size() + " endpoint(s)");
            }
            answering.put(peer, answered);
            update(peer, now);
        }
    }

    private synchronized void update(String peer, Map<String, EndpointDescription> now) {
        Map<String, EndpointDescription> before = known.getOrDefault(peer, Map.of());
        before.forEach((id, endpoint) -> {
            if (!now.containsKey(id)) {
                tellAll(EndpointEvent.REMOVED, endpoint);
            }
        });
        now.forEach((id, endpoint) -> {
            if (!before.containsKey(id)) {
                tellAll(EndpointEvent.ADDED, endpoint);
            }
        });
        known.put(peer, now);
        if (!before.keySet().equals(now.keySet())) {
            LOG.log(DEBUG, () -> "Endpoints of " + peer + " now: " + now.keySet());
        }
    }

    private void tellAll(int type, EndpointDescription endpoint) {
        ServiceReference<EndpointEventListener>[] references = listeners.getServiceReferences();
        if (references == null) {
            return;
        }
        for (ServiceReference<EndpointEventListener> reference : references) {
            EndpointEventListener listener = listeners.getService(reference);
            if (listener != null && reference.getProperty(EndpointDirectory.MARKER) == null) {
                tell(reference, listener, type, endpoint);
            }
        }
    }

    /** Tells {@code listener} of the event if one of its scope filters matches the endpoint. */
    private static void tell(ServiceReference<?> reference, EndpointEventListener listener, int type,
            EndpointDescription endpoint) {
        Object scope = reference.getProperty(EndpointEventListener.ENDPOINT_LISTENER_SCOPE);
        List<String> filters = scope instanceof String s ? List.of(s) : scope instanceof String[] a ? List.of(a)
                : scope instanceof Collection<?> c ? c.stream().map(String::valueOf).toList() : List.of();
        for (String filter : filters) {
            try {
                if (endpoint.matches(filter)) {
                    listener.endpointChanged(new EndpointEvent(type, endpoint), filter);
                    return;
                }
            } catch (RuntimeException e) {
                LOG.log(WARNING, "An endpoint listener failed on " + endpoint.getId() + ": " + e);
            }
        }
    }

    /** The text of a peer's directory, read with a plain HTTP/1.0 GET bounded by the poll interval. */
    private String fetch(String peer) throws IOException {
        int colon = peer.lastIndexOf(':');
        int timeout = Math.max(500, intervalMillis);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(peer.substring(0, colon), Integer.parseInt(peer.substring(colon + 1))),
                    timeout);
            socket.setSoTimeout(timeout);
            OutputStream out = socket.getOutputStream();
            out.write(("GET / HTTP/1.0\r\nHost: " + peer + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream whole = new ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            for (int read = in.read(chunk); read >= 0; read = in.read(chunk)) {
                whole.write(chunk, 0, read);
                if (whole.size() > MAX_ANSWER) {
                    throw new IOException("its answer is longer than " + MAX_ANSWER + " bytes");
                }
            }
            String response = whole.toString(StandardCharsets.UTF_8);
            int body = response.indexOf("\r\n\r\n");
            if (!response.startsWith("HTTP/1.0 200") || body < 0) {
                throw new IOException("not a directory's answer: " + response.lines().findFirst().orElse(""));
            }
            return response.substring(body + 4);
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
        try {
            poller.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        listeners.close();
    }

}
