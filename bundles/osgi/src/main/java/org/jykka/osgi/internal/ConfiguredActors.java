package org.jykka.osgi.internal;

import static java.lang.System.Logger.Level.ERROR;
import static java.lang.System.Logger.Level.INFO;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ManagedServiceFactory;

/**
 * The instances of one configured actor declaration: a {@link ManagedServiceFactory} for its factory
 * PID, registered through the plugin's context, starting one actor per factory configuration.
 * A changed configuration restarts its instance (the old one stops, a new one starts with the new
 * properties); unchanged properties leave it alone; a deleted configuration stops it. Properties
 * that do not fit the actor's constructor are logged in one line and change nothing: a running
 * instance keeps its previous configuration. Only this class refers to {@code org.osgi.service.cm},
 * which the extender imports optionally.
 */
final class ConfiguredActors implements ManagedServiceFactory, AutoCloseable {
    private static final System.Logger LOG = System.getLogger("org.jykka.osgi");

    private final PluginActors plugin;
    private final ActorDeclaration declaration;
    private final String factoryPid;
    private final Map<String, Instance> instances = new LinkedHashMap<>(); // by PID; guarded by this
    private ServiceRegistration<?> registration; // guarded by this
    private boolean closed; // guarded by this

    private ConfiguredActors(PluginActors plugin, ActorDeclaration declaration) {
        this.plugin = plugin;
        this.declaration = declaration;
        this.factoryPid = declaration.factoryPid().orElseThrow();
    }

    /** Registers the factory; closing the result unregisters it and stops its instances. */
    static AutoCloseable register(PluginActors plugin, ActorDeclaration declaration) {
        ConfiguredActors factory = new ConfiguredActors(plugin, declaration);
        Dictionary<String, Object> properties = new Hashtable<>(Map.of(Constants.SERVICE_PID, factory.factoryPid));
        ServiceRegistration<?> registration = plugin.bundle().getBundleContext()
                .registerService(ManagedServiceFactory.class.getName(), factory, properties);
        synchronized (factory) {
            factory.registration = registration;
        }
        return factory;
    }

    @Override
    public String getName() {
        return "Jykka actor " + declaration.className() + " of " + PluginActors.describe(plugin.bundle());
    }

    @Override
    public synchronized void updated(String pid, Dictionary<String, ?> properties) {
        if (closed) {
            return;
        }
        Map<String, Object> configuration = toMap(properties);
        Instance running = instances.get(pid);
        if (running != null && running.configuration().equals(configuration) && running.actor().ref().isAlive()) {
            return; // Configuration Admin delivers again, e.g. when it restarts: nothing changed
        }
        String problem = plugin.configurationProblem(declaration, configuration);
        if (problem != null) {
            LOG.log(ERROR, "Configuration " + pid + " of actor " + declaration.className() + " of "
                    + PluginActors.describe(plugin.bundle()) + " is not valid: " + problem + "; "
                    + (running == null ? "no instance starts for it" : "its instance keeps its previous configuration"));
            return;
        }
        String name = PluginActors.baseName(declaration) + "-" + configurationName(pid);
        if (running != null) {
            LOG.log(INFO, "Configuration " + pid + " changed: restarting '" + name + "' with its new properties");
            stop(instances.remove(pid));
        }
        PublishedActor started = plugin.startActor(declaration, name, configuration);
        if (started != null) {
            instances.put(pid, new Instance(configuration, started));
        }
    }

    @Override
    public synchronized void deleted(String pid) {
        Instance running = instances.remove(pid);
        if (running != null) {
            LOG.log(INFO, "Configuration " + pid + " was deleted: stopping " + running.actor().ref());
            stop(running);
        }
    }

    /** Unregisters the factory, then stops every instance, last started first. */
    @Override
    public void close() {
        List<Instance> stopping;
        synchronized (this) {
            closed = true;
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework unregisters a stopping bundle's services itself
            }
            stopping = new ArrayList<>(instances.values());
            instances.clear();
        }
        Collections.reverse(stopping);
        for (Instance instance : stopping) {
            stop(instance);
        }
    }

    private static void stop(Instance instance) {
        instance.actor().unregisterServices();
        instance.actor().stop();
    }

    /** R7 named factory configurations (as Felix FileInstall makes) have the PID {@code factoryPid~name}. */
    private String configurationName(String pid) {
        int tilde = pid.indexOf('~');
        return tilde >= 0 ? pid.substring(tilde + 1) : pid;
    }

    private static Map<String, Object> toMap(Dictionary<String, ?> properties) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (properties != null) {
            for (Enumeration<String> keys = properties.keys(); keys.hasMoreElements();) {
                String key = keys.nextElement();
                map.put(key, properties.get(key));
            }
        }
        return map;
    }

    /** A running instance and the properties it was started with. */
    private record Instance(Map<String, Object> configuration, PublishedActor actor) {}
}
