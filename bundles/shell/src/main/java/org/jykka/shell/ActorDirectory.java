package org.jykka.shell;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jykka.ActorRef;
import org.jykka.registry.ActorRegistry;
import org.jykka.spi.ActorStatus;
import org.jykka.osgi.PluginActor;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Finds the actors of the framework: every actor in the {@link ActorRegistry}, named by the
 * {@code ActorRef} services the Jykka extender publishes for plugin actors.
 *
 * <p>The registry is the list of running actors; the services add the plugin name and keep an actor
 * visible (as not alive) while its plugin still publishes it after it stopped.
 */
final class ActorDirectory {

    // The extender's contract, as compile-time constants: the shell needs no import of org.jykka.osgi.
    /** Service properties of a plugin actor's {@code ActorRef} service. */
    static final String URN = PluginActor.URN_PROPERTY;
    static final String NAME = PluginActor.NAME_PROPERTY;
    /** The manifest header of a plugin bundle, which the Jykka extender reads. */
    static final String PLUGIN_HEADER = PluginActor.HEADER;

    private final BundleContext context;

    ActorDirectory(BundleContext context) {
        this.context = context;
    }

    /** Every actor, running ones first in start order, then published ones that have stopped. */
    List<ActorListing> list() {
        Map<String, ServiceReference<?>> published = publishedByUrn(null);
        List<ActorListing> actors = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (ActorRef<?> ref : ActorRegistry.getAll()) {
            listed.add(ref.urn());
            actors.add(listing(ref, published.get(ref.urn())));
        }
        published.forEach((urn, service) -> {
            if (!listed.contains(urn)) {
                actorOf(service).ifPresent(ref -> actors.add(listing(ref, service)));
            }
        });
        return actors;
    }

    /**
     * The actor with this URN ({@code urn:...}), or else with this plugin name, or else with this
     * class name (simple or fully qualified); several matches are a {@link Lookup.Missing} that lists
     * their URNs.
     */
    Lookup find(String key) {
        if (key.startsWith("urn:")) {
            Optional<ActorRef<?>> running = ActorRegistry.getByUrn(key);
            Map<String, ServiceReference<?>> published = publishedByUrn("(" + URN + "=" + escape(key) + ")");
            ServiceReference<?> service = published.get(key);
            Optional<ActorRef<?>> ref = running.isPresent() || service == null ? running : actorOf(service);
            return ref.<Lookup>map(r -> new Lookup.Found(listing(r, service)))
                    .orElseGet(() -> new Lookup.Missing("No actor has the URN " + key + ". " + known()));
        }
        Map<String, ServiceReference<?>> named = publishedByUrn("(" + NAME + "=" + escape(key) + ")");
        List<ActorListing> matches = new ArrayList<>();
        named.forEach((urn, service) -> ActorRegistry.getByUrn(urn).or(() -> actorOf(service))
                .ifPresent(ref -> matches.add(listing(ref, service))));
        if (matches.isEmpty()) {
            Map<String, ServiceReference<?>> published = publishedByUrn(null);
            for (ActorRef<?> ref : ActorRegistry.getByClassName(key)) {
                matches.add(listing(ref, published.get(ref.urn())));
            }
        }
        if (matches.size() == 1) {
            return new Lookup.Found(matches.get(0));
        }
        if (matches.isEmpty()) {
            return new Lookup.Missing("No actor is named '" + key + "'. " + known());
        }
        return new Lookup.Missing(matches.size() + " actors match '" + key + "': "
                + matches.stream().map(a -> a.ref().urn()).collect(Collectors.joining(", "))
                + ". Name one by its URN.");
    }

    /**
     * The interfaces the actor with this URN is published under, e.g. {@code org.jykka.ActorRef} and
     * the typed proxies' interfaces; empty for an actor that is not published.
     */
    List<String> servicesOf(String urn) {
        ServiceReference<?>[] services;
        try {
            services = context.getServiceReferences((String) null, "(" + URN + "=" + escape(urn) + ")");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("Bad service filter for " + urn, e);
        }
        List<String> interfaces = new ArrayList<>();
        if (services != null) {
            for (ServiceReference<?> service : services) {
                for (String objectClass : (String[]) service.getProperty("objectClass")) {
                    if (!interfaces.contains(objectClass)) {
                        interfaces.add(objectClass);
                    }
                }
            }
        }
        return interfaces;
    }

    /**
     * Why {@code jykka:actors} lists nothing: no plugin is deployed, or the plugins that are (their
     * bundles carry the {@value #PLUGIN_HEADER} header) run no actor any more.
     */
    String whyNoActors() {
        List<String> plugins = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getHeaders("").get(PLUGIN_HEADER) != null) {
                plugins.add(describe(bundle) + " (" + state(bundle) + ")");
            }
        }
        if (plugins.isEmpty()) {
            return "No actors are running. Copy a plugin jar into deploy/ (see examples/).";
        }
        return "No actors are running. Plugin bundles: " + String.join(", ", plugins)
                + "; their actors have stopped (update or restart the bundle to start them again).";
    }

    /**
     * Queues an operator's restart of the actor (see {@code org.jykka.spi.ActorDirectory.restart}):
     * {@code false} if it is not supervised or no longer live.
     */
    static boolean restart(ActorRef<?> ref) {
        return org.jykka.spi.ActorDirectory.restart(ref);
    }

    /** What the actor is doing now, or {@code null} if it is no longer live. */
    static ActorStatus statusOf(ActorRef<?> ref) {
        return org.jykka.spi.ActorDirectory.status(ref).orElse(null);
    }

    /** {@code symbolic-name version [id]}. */
    static String describe(Bundle bundle) {
        return bundle.getSymbolicName() + " " + bundle.getVersion() + " [" + bundle.getBundleId() + "]";
    }

    private static String state(Bundle bundle) {
        switch (bundle.getState()) {
            case Bundle.ACTIVE: return "active";
            case Bundle.RESOLVED: return "resolved, not started";
            case Bundle.INSTALLED: return "installed, not resolved";
            case Bundle.STARTING: return "starting";
            case Bundle.STOPPING: return "stopping";
            default: return "uninstalled";
        }
    }

    private String known() {
        List<ActorListing> actors = list();
        if (actors.isEmpty()) {
            return whyNoActors();
        }
        return "Running: " + actors.stream().map(ActorListing::label).distinct()
                .collect(Collectors.joining(", ")) + " (jykka:actors lists them).";
    }

    private ActorListing listing(ActorRef<?> ref, ServiceReference<?> service) {
        String name = service == null ? null : (String) service.getProperty(NAME);
        Bundle bundle = FrameworkUtil.getBundle(ref.actorClass());
        if (bundle == null && service != null) {
            bundle = service.getBundle();
        }
        String label = bundle == null ? "-" : describe(bundle);
        return new ActorListing(ref, name, label, statusOf(ref));
    }

    /** The published {@code ActorRef} services matching {@code filter}, by URN, in service id order. */
    private Map<String, ServiceReference<?>> publishedByUrn(String filter) {
        ServiceReference<?>[] services;
        try {
            services = context.getServiceReferences(ActorRef.class.getName(), filter);
        } catch (InvalidSyntaxException e) {
            // The filters are built here with escaped values, so this is a bug, not a user error.
            throw new IllegalStateException("Bad service filter " + filter, e);
        }
        Map<String, ServiceReference<?>> byUrn = new LinkedHashMap<>();
        if (services != null) {
            java.util.Arrays.sort(services, (a, b) -> Long.compare(serviceId(a), serviceId(b)));
            for (ServiceReference<?> service : services) {
                Object urn = service.getProperty(URN);
                if (urn instanceof String) {
                    byUrn.putIfAbsent((String) urn, service);
                }
            }
        }
        return byUrn;
    }

    private static long serviceId(ServiceReference<?> service) {
        return (Long) service.getProperty("service.id");
    }

    /** The actor behind a published service, if it is still published. */
    private Optional<ActorRef<?>> actorOf(ServiceReference<?> service) {
        Object actor = context.getService(service);
        if (actor == null) {
            return Optional.empty();
        }
        // The reference stays usable after the unget: the service object is the ActorRef itself,
        // and an ActorRef is a handle, valid for as long as anyone holds it.
        context.ungetService(service);
        return Optional.of((ActorRef<?>) actor);
    }

    /** Escapes a value for an LDAP filter (RFC 1960): {@code \ * ( )}. */
    static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            if (c == '\\' || c == '*' || c == '(' || c == ')') {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
