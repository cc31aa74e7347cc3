package org.jykka.osgi.internal;

import static java.lang.System.Logger.Level.DEBUG;
import static java.lang.System.Logger.Level.WARNING;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jykka.ActorRef;
import org.jykka.ActorTimeoutException;
import org.jykka.proxy.ActorProxy;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/** One started plugin actor and the services published for it, through its plugin's own context. */
final class PublishedActor {
    static final String URN_PROPERTY = "jykka.actor.urn";
    static final String CLASS_PROPERTY = "jykka.actor.class";
    static final String NAME_PROPERTY = "jykka.actor.name";

    private static final System.Logger LOG = System.getLogger("org.jykka.osgi");

    private final ActorRef<?> ref;
    private final String name;
    private final Bundle bundle;
    private final Duration stopTimeout;
    // Swapped for an empty list by whoever unregisters first: the bundle stopping or the actor dying.
    private final AtomicReference<List<ServiceRegistration<?>>> registrations = new AtomicReference<>(List.of());
    private volatile boolean stopRequested;

    PublishedActor(ActorRef<?> ref, String name, Bundle bundle, Duration stopTimeout) {
        this.ref = ref;
        this.name = name;
        this.bundle = bundle;
        this.stopTimeout = stopTimeout;
    }

    ActorRef<?> ref() {
        return ref;
    }

    /**
     * Registers the actor's services through the plugin's own context, so they belong to the
     * plugin; then watches the actor, so its services go the moment it dies (even if it already has).
     */
    void publish(List<Class<?>> interfaces) {
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
                published.add(context.registerService(interfaces.get(i).getName(), proxies.get(i), properties));
            }
        } catch (RuntimeException e) {
            unregister(published);
            throw e;
        }
        registrations.set(List.copyOf(published));
        ref.whenStopped().toCompletableFuture().whenComplete((ignored, failure) -> died());
    }

    void unregisterServices() {
        unregister(registrations.getAndSet(List.of()));
    }

    /** Stops the actor and waits at most the stop timeout. */
    void stop() {
        stopRequested = true;
        try {
            ref.stop(stopTimeout);
            LOG.log(DEBUG, () -> "Stopped " + ref + " of " + PluginActors.describe(bundle));
        } catch (ActorTimeoutException e) {
            LOG.log(WARNING, ref + " of " + PluginActors.describe(bundle) + " did not stop within "
                    + stopTimeout.toMillis() + " ms (set jykka.stop.timeout to wait longer); it is abandoned and"
                    + " stops when its current message is done");
        } catch (IllegalStateException e) {
            ref.stopAsync(); // the bundle is being stopped from inside this very actor, which cannot wait for itself
        }
    }

    private void died() {
        unregisterServices();
        if (!stopRequested) {
            LOG.log(WARNING, ref + " of " + PluginActors.describe(bundle) + " stopped while its bundle runs (it failed"
                    + " or stopped itself; its own log says which); its services are unregistered");
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
