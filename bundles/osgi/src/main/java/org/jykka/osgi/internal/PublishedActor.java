package org.jykka.osgi.internal;

import org.jykka.osgi.PluginActor;

import static java.lang.System.Logger.Level.ERROR;
import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jykka.ActorRef;
import org.jykka.ActorTimeoutException;
import org.jykka.Restart;
import org.jykka.Termination;
import org.jykka.spi.ActorDirectory;
import org.jykka.proxy.ActorProxy;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * One started plugin actor and the services published for it, through its plugin's own context.
 *
 * <p>The extender's activity lines are the one record of a plugin actor's life; a container prints
 * them as they are: {@code Actor started: name (class, urn) from bundle bsn version [id]} once its
 * services are published, and {@code Actor stopped: ...} (same words after the colon) once the actor
 * has really stopped, whoever stopped it. Both at {@code INFO} on the {@code org.jykka.osgi} logger.
 */
final class PublishedActor {
    static final String URN_PROPERTY = PluginActor.URN_PROPERTY;
    static final String CLASS_PROPERTY = PluginActor.CLASS_PROPERTY;
    static final String NAME_PROPERTY = PluginActor.NAME_PROPERTY;

    /** The OSGi Remote Services property that exports a service (Compendium 100.2.1). */
    static final String EXPORTED_INTERFACES = "service.exported.interfaces";

    private static final System.Logger LOG = System.getLogger("org.jykka.osgi");

    private final ActorRef<?> ref;
    private final String name;
    private final Bundle bundle;
    private final Duration stopTimeout;
    private final Restart policy;
    // Swapped for an empty list by whoever unregisters first: the bundle stopping or the actor ending.
    private final AtomicReference<List<ServiceRegistration<?>>> registrations = new AtomicReference<>(List.of());
    /**
     * True from "Actor started" until whoever logs "Actor stopped" first: the stop that waited for it,
     * or the end seen by the watch. An actor never published is never said to have started or stopped.
     */
    private final AtomicBoolean announced = new AtomicBoolean();

    PublishedActor(ActorRef<?> ref, String name, Bundle bundle, Duration stopTimeout, Restart policy) {
        this.ref = ref;
        this.name = name;
        this.bundle = bundle;
        this.stopTimeout = stopTimeout;
        this.policy = policy;
    }

    ActorRef<?> ref() {
        return ref;
    }

    /**
     * Registers the actor's services through the plugin's own context, so they belong to the
     * plugin; then watches the actor, so its services go the moment it ends for good (even if it
     * already has). A restart is not an end: the same reference, and so the same services, stay.
     * The typed services (never the {@code ActorRef} one) also get {@code remote}: the
     * {@code service.exported.*} properties that export them as OSGi Remote Services, where an
     * {@code service.exported.interfaces} of {@code "*"} or {@code true} means the service's interface.
     */
    void publish(List<Class<?>> interfaces, Map<String, Object> remote) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(URN_PROPERTY, ref.urn());
        properties.put(CLASS_PROPERTY, ref.actorClass().getName());
        properties.put(NAME_PROPERTY, name);
        // Proxies first: an interface that does not fit the actor fails before anything is visible.
        List<Object> proxies = new ArrayList<>();
        for (Class<?> type : interfaces) {
            proxies.add(ActorProxy.of(ref, type));
        }
        BundleContext context = bundle.getBundleContext();
        List<ServiceRegistration<?>> published = new ArrayList<>();
        try {
            published.add(context.registerService(ActorRef.class.getName(), ref, properties));
            for (int i = 0; i < interfaces.size(); i++) {
                String name = interfaces.get(i).getName();
                published.add(context.registerService(name, proxies.get(i), typed(properties, remote, name)));
            }
        } catch (RuntimeException e) {
            unregister(published);
            throw e;
        }
        registrations.set(List.copyOf(published));
        LOG.log(INFO, "Actor started: " + this);
        announced.set(true);
        // Handed off: a pending future's callbacks run in CompletableFuture's default executor, never in the
        // actor's thread (here at once only if the actor has already ended); all it does is log and unregister.
        ref.termination().toCompletableFuture().whenComplete((termination, impossible) -> ended(termination));
    }

    /** The properties of the typed service under {@code name}: the actor's, and those that export it. */
    static Dictionary<String, Object> typed(Dictionary<String, Object> actor, Map<String, Object> remote,
            String name) {
        Dictionary<String, Object> properties = new Hashtable<>();
        for (Enumeration<String> keys = actor.keys(); keys.hasMoreElements(); ) {
            String key = keys.nextElement();
            properties.put(key, actor.get(key));
        }
        remote.forEach((key, value) -> properties.put(key, key.equals(EXPORTED_INTERFACES)
                && (value.equals("*") || value.equals("true") || value.equals(Boolean.TRUE)) ? name : value));
        return properties;
    }

    void unregisterServices() {
        unregister(registrations.getAndSet(List.of()));
    }

    /** Stops the actor and waits at most the stop timeout. */
    void stop() {
        try {
            ref.stop(stopTimeout);
        } catch (ActorTimeoutException e) {
            // said below
        } catch (IllegalStateException e) {
            ref.stopAsync(); // the bundle is being stopped from inside this very actor, which cannot wait for itself
            return;
        }
        reportStop();
    }

    /**
     * Once the extender has waited for the actor to stop: says it has stopped (here, not only in the
     * watch, so a container that exits next still prints it), or that it is still running and
     * abandoned. Says nothing for the actor whose own thread is stopping its bundle: it stops next.
     */
    void reportStop() {
        if (ref.whenStopped().isDone()) {
            logStopped();
        } else if (!ActorDirectory.current().filter(ref::equals).isPresent()) {
            LOG.log(WARNING, "Actor still running: " + this + " did not stop within " + stopTimeout.toMillis()
                    + " ms (set jykka.stop.timeout to wait longer); it is abandoned and stops when its current"
                    + " message is done");
        }
    }

    /**
     * Unregisters the services, and, if they were still there (the actor ended on its own, not by the
     * extender), says so in one line: bundle, class, name and cause.
     */
    private void ended(Termination termination) {
        List<ServiceRegistration<?>> published = registrations.getAndSet(List.of());
        if (published.isEmpty()) {
            logStopped();
            return; // the extender unregistered them before stopping the actor
        }
        String actor = "Actor " + this;
        if (termination == null || termination.reason() == Termination.Reason.STOPPED) {
            LOG.log(WARNING, actor + " was stopped while its bundle runs (by itself or by another caller); its"
                    + " services are unregistered");
        } else {
            String why = policy.equals(Restart.never()) ? "failed" : "failed with no restart left under " + policy;
            LOG.log(ERROR, actor + " " + why + " and stopped for good: " + describe(termination.cause())
                    + "; its services are unregistered");
        }
        unregister(published); // after the line, so whoever sees the services go finds it logged
        logStopped();
    }

    private void logStopped() {
        if (announced.compareAndSet(true, false)) {
            LOG.log(INFO, "Actor stopped: " + this);
        }
    }

    /** {@code name (class, urn) from bundle bsn version [id]}: how every line names the actor. */
    @Override
    public String toString() {
        return name + " (" + ref.actorClass().getName() + ", " + ref.urn() + ") from " + PluginActors.describe(bundle);
    }

    /** A failure in words, even one whose {@code toString} throws. */
    static String describe(Throwable failure) {
        try {
            return String.valueOf(failure);
        } catch (RuntimeException | LinkageError e) {
            return failure.getClass().getName() + " (whose toString threw " + e.getClass().getName() + ")";
        }
    }

    private static void unregister(List<ServiceRegistration<?>> published) {
        for (ServiceRegistration<?> registration : published) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework unregisters a stopped bundle's services itself
            }
        }
    }
}
