package org.jykka.osgi.internal;

import static java.lang.System.Logger.Level.DEBUG;
import static java.lang.System.Logger.Level.ERROR;
import static java.lang.System.Logger.Level.WARNING;

import java.time.Duration;
import java.util.Map;
import org.jykka.osgi.PluginActor;
import org.osgi.annotation.bundle.Capability;
import org.osgi.annotation.bundle.Header;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.Constants;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;

/**
 * The Jykka extender: tracks bundles and hands each plugin bundle, once it is active, to a
 * {@link PluginActors} that starts its actors; stopping the bundle (or this extender) stops them.
 *
 * <p>A plugin is a bundle with a {@value PluginActor#HEADER} header whose {@code osgi.extender}
 * requirement on {@value PluginActor#EXTENDER} is wired to this very bundle: where two Jykka versions
 * run side by side, each extends only the plugins the resolver gave it.
 */
@Header(name = Constants.BUNDLE_ACTIVATOR, value = "${@class}")
@Capability(namespace = "osgi.extender", name = PluginActor.EXTENDER, version = PluginActor.EXTENDER_VERSION)
public final class Extender implements BundleActivator, BundleTrackerCustomizer<PluginActors> {
    // As org.osgi.namespace.extender.ExtenderNamespace, which is not part of osgi.core.
    private static final String EXTENDER_NAMESPACE = "osgi.extender";
    /** The framework (or system) property that bounds the wait for each actor to stop, in milliseconds. */
    static final String STOP_TIMEOUT_PROPERTY = "jykka.stop.timeout";
    static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(10);

    private static final System.Logger LOG = System.getLogger("org.jykka.osgi");

    private volatile BundleContext context;
    private volatile Duration stopTimeout;
    private BundleTracker<PluginActors> tracker;

    /** Called by the framework. */
    public Extender() {}

    @Override
    public void start(BundleContext context) {
        this.context = context;
        this.stopTimeout = stopTimeout(context.getProperty(STOP_TIMEOUT_PROPERTY));
        tracker = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE | Bundle.STOPPING, this);
        tracker.open();
        LOG.log(DEBUG, "Jykka extender started; it stops each plugin actor within " + stopTimeout.toMillis() + " ms");
    }

    /** Stops every plugin's actors (the tracker hands each tracked bundle to {@link #removedBundle}). */
    @Override
    public void stop(BundleContext context) {
        tracker.close();
        tracker = null;
        LOG.log(DEBUG, "Jykka extender stopped; every plugin actor it started is stopped");
    }

    @Override
    public PluginActors addingBundle(Bundle bundle, BundleEvent event) {
        int state = bundle.getState();
        boolean ready = state == Bundle.ACTIVE || (state == Bundle.STARTING && isLazy(bundle));
        if (!ready) {
            return null; // not tracked, so the tracker asks again at the next state change
        }
        String header = bundle.getHeaders("").get(PluginActor.HEADER);
        if (header == null || !isWiredToThisExtender(bundle, header)) {
            return null;
        }
        ActorDeclaration.Parsed parsed;
        try {
            parsed = ActorDeclaration.parseHeader(header);
        } catch (IllegalArgumentException e) {
            LOG.log(ERROR, "The " + PluginActor.HEADER + " header of " + PluginActors.describe(bundle)
                    + " is malformed, so none of its actors start: " + e.getMessage());
            return null;
        }
        for (String error : parsed.errors()) {
            LOG.log(ERROR, "The " + PluginActor.HEADER + " header of " + PluginActors.describe(bundle)
                    + " has a malformed " + error + "; that actor does not start");
        }
        PluginActors actors = new PluginActors(bundle, stopTimeout);
        actors.start(parsed.declarations());
        return actors;
    }

    /** The STOPPING event is delivered synchronously: the actors are gone before the bundle's class loader. */
    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, PluginActors actors) {
        if (bundle.getState() == Bundle.STOPPING) {
            actors.stop();
        }
    }

    /** Also reached without a STOPPING event, when this extender stops. */
    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, PluginActors actors) {
        actors.stop();
    }

    private boolean isWiredToThisExtender(Bundle bundle, String header) {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        if (wiring == null) {
            return false;
        }
        boolean requiresJykka = false;
        for (BundleWire wire : wiring.getRequiredWires(EXTENDER_NAMESPACE)) {
            Map<String, Object> attributes = wire.getCapability().getAttributes();
            if (PluginActor.EXTENDER.equals(attributes.get(EXTENDER_NAMESPACE))) {
                requiresJykka = true;
                if (wire.getProvider().getBundle().equals(context.getBundle())) {
                    return true;
                }
            }
        }
        if (requiresJykka) {
            LOG.log(DEBUG, () -> PluginActors.describe(bundle) + " is wired to another Jykka extender; leaving it alone");
        } else {
            LOG.log(WARNING, PluginActors.describe(bundle) + " has a " + PluginActor.HEADER + " header but does not"
                    + " require the extender, so its actors do not start. Annotate the actors with @PluginActor,"
                    + " or add: Require-Capability: osgi.extender;filter:=\"(&(osgi.extender=org.jykka)"
                    + "(version>=" + PluginActor.EXTENDER_VERSION + ")(!(version>=1.0.0)))\"");
        }
        return false;
    }

    private static boolean isLazy(Bundle bundle) {
        String policy = bundle.getHeaders("").get(Constants.BUNDLE_ACTIVATIONPOLICY);
        return policy != null && policy.strip().startsWith(Constants.ACTIVATION_LAZY);
    }

    private static Duration stopTimeout(String property) {
        if (property == null || property.isBlank()) {
            return DEFAULT_STOP_TIMEOUT;
        }
        try {
            long millis = Long.parseLong(property.strip());
            if (millis > 0) {
                return Duration.ofMillis(millis);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        LOG.log(WARNING, STOP_TIMEOUT_PROPERTY + "=" + property + " is not a positive number of milliseconds;"
                + " using " + DEFAULT_STOP_TIMEOUT.toMillis());
        return DEFAULT_STOP_TIMEOUT;
    }
}
