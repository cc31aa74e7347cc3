package org.jykka.osgi.internal;

import static java.lang.System.Logger.Level.DEBUG;
import static java.lang.System.Logger.Level.ERROR;
import static java.lang.System.Logger.Level.WARNING;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jykka.Actor;
import org.jykka.ActorDeadException;
import org.jykka.ActorRef;
import org.jykka.ActorScope;
import org.jykka.ActorTimeoutException;
import org.osgi.framework.Bundle;

/**
 * Everything the extender started for one plugin bundle: its actors (in the plugin's own
 * {@link ActorScope}, which every actor they start joins too), their services, and the factories
 * that start its configured actors. {@link #start} starts what the bundle declares; {@link #stop}
 * undoes exactly that, once.
 */
final class PluginActors {
    private static final System.Logger LOG = System.getLogger("org.jykka.osgi");

    private final Bundle bundle;
    private final Duration stopTimeout;
    private final ActorScope scope;
    private final List<PublishedActor> running = new ArrayList<>(); // start order; guarded by this
    private final List<AutoCloseable> factories = new ArrayList<>(); // guarded by this
    private boolean stopped; // guarded by this

    PluginActors(Bundle bundle, Duration stopTimeout) {
        this.bundle = bundle;
        this.stopTimeout = stopTimeout;
        this.scope = ActorScope.open(bundle.getSymbolicName() + " " + bundle.getVersion());
    }

    /**
     * Starts every declared actor and publishes its services, and registers a factory for each
     * declaration with a factory PID. One actor's failure is logged and does not keep the others
     * from starting.
     */
    synchronized void start(List<ActorDeclaration> declarations) {
        for (ActorDeclaration declaration : declarations) {
            if (stopped) {
                return; // the bundle was stopped from inside a start (e.g. by a service listener)
            }
            if (declaration.factoryPid().isPresent()) {
                startFactory(declaration);
                continue;
            }
            PublishedActor actor = startActor(declaration, baseName(declaration), null);
            if (actor != null) {
                running.add(actor);
            }
        }
    }

    /**
     * Starts one actor of this plugin and publishes it; {@code configuration} is {@code null} for an
     * actor without a factory PID. Returns {@code null} after logging why the actor could not start.
     */
    PublishedActor startActor(ActorDeclaration declaration, String name, Map<String, Object> configuration) {
        try {
            return start(declaration, name, configuration);
        } catch (PluginFailure e) {
            LOG.log(ERROR, "Could not start actor " + declaration.className() + " of " + describe(bundle)
                    + ": " + e.getMessage(), e.getCause());
        } catch (RuntimeException e) { // e.g. Actor.start refusing a runtime this JVM cannot run
            LOG.log(ERROR, "Could not start actor " + declaration.className() + " of " + describe(bundle)
                    + ": " + e, e);
        }
        return null;
    }

    /**
     * Unregisters the configuration factories (stopping their actors) and every service, then closes
     * the plugin's scope: every actor started for it, and every actor those started, however deep,
     * stops in reverse start order, within the stop timeout in all; actors still stopping then are
     * logged and left to stop on their own. Returns when all are stopped or abandoned. Calling it
     * again does nothing.
     */
    void stop() {
        List<PublishedActor> actors;
        List<AutoCloseable> closing;
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
            actors = new ArrayList<>(running);
            closing = new ArrayList<>(factories);
            running.clear(); // nothing here may keep a stopped plugin's classes reachable
            factories.clear();
        }
        for (int i = closing.size() - 1; i >= 0; i--) {
            try {
                closing.get(i).close();
            } catch (Exception | LinkageError e) {
                LOG.log(ERROR, "Could not stop the configured actors of " + describe(bundle) + ": " + e, e);
            }
        }
        for (int i = actors.size() - 1; i >= 0; i--) {
            actors.get(i).unregisterServices();
        }
        try {
            scope.close(stopTimeout); // from inside one of the plugin's actors, it does not wait for that one
        } catch (ActorTimeoutException e) {
            // each late actor is named below
        }
        for (int i = actors.size() - 1; i >= 0; i--) {
            actors.get(i).reportStop();
        }
        LOG.log(DEBUG, () -> "Stopped the actors of " + describe(bundle));
    }

    Bundle bundle() {
        return bundle;
    }

    /** The name an actor is published under: the declared one, or the class's simple name. */
    static String baseName(ActorDeclaration declaration) {
        return declaration.name().orElseGet(() -> {
            String className = declaration.className();
            return className.substring(Math.max(className.lastIndexOf('.'), className.lastIndexOf('$')) + 1);
        });
    }

    /**
     * Checks the declaration and, if Configuration Admin is there, registers the factory that starts
     * one instance per configuration.
     */
    private void startFactory(ActorDeclaration declaration) {
        String pid = declaration.factoryPid().orElseThrow();
        if (!configurationAdminAvailable()) {
            LOG.log(WARNING, "Actor " + declaration.className() + " of " + describe(bundle) + " is configured by factory"
                    + " PID " + pid + ", but the Configuration Admin API (package org.osgi.service.cm) is not available"
                    + " to the extender, so no instance of it starts; install Apache Felix ConfigAdmin and refresh the"
                    + " extender");
            return;
        }
        try {
            ActorConstructor.configured(loadActorClass(declaration.className()));
            factories.add(ConfiguredActors.register(this, declaration));
        } catch (PluginFailure e) {
            LOG.log(ERROR, "Could not start actor " + declaration.className() + " of " + describe(bundle)
                    + ": " + e.getMessage(), e.getCause());
        } catch (IllegalArgumentException e) {
            LOG.log(ERROR, "Could not start actor " + declaration.className() + " of " + describe(bundle)
                    + ": " + e.getMessage());
        }
    }

    /**
     * What is wrong with {@code configuration} for this declaration's constructor (a missing property,
     * a value that does not convert), or {@code null} if nothing is.
     */
    String configurationProblem(ActorDeclaration declaration, Map<String, Object> configuration) {
        try {
            ActorConstructor.configured(loadActorClass(declaration.className()))
                    .arguments(bundle.getBundleContext(), configuration);
            return null;
        } catch (PluginFailure | IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** Whether the extender is wired to org.osgi.service.cm (an optional import). */
    private static boolean configurationAdminAvailable() {
        try {
            Class.forName("org.osgi.service.cm.ManagedServiceFactory", false, PluginActors.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private PublishedActor start(ActorDeclaration declaration, String name, Map<String, Object> configuration)
            throws PluginFailure {
        Class<? extends Actor> actorClass = loadActorClass(declaration.className());
        List<Class<?>> interfaces = new ArrayList<>();
        for (String service : declaration.services()) {
            interfaces.add(loadInterface(service));
        }
        Actor first = instantiate(actorClass, configuration);
        ActorRef<Actor> ref = scope.start(factory(first, actorClass, configuration), declaration.restart());
        awaitOnStart(ref);
        PublishedActor started = new PublishedActor(ref, name, bundle, stopTimeout, declaration.restart());
        try {
            started.publish(interfaces, remoteProperties(declaration, configuration));
        } catch (ActorDeadException e) {
            throw diedInOnStart(ref);
        } catch (RuntimeException e) {
            started.stop();
            throw new PluginFailure("could not publish " + ref + " under " + declaration.services() + ": " + e, e);
        }
        return started;
    }

    /**
     * What exports the typed services as OSGi Remote Services: {@code exported=true} in the
     * declaration, and any {@code service.exported.*} property of the actor's configuration.
     */
    static Map<String, Object> remoteProperties(ActorDeclaration declaration, Map<String, Object> configuration) {
        Map<String, Object> remote = new HashMap<>();
        if (declaration.exported()) {
            remote.put(PublishedActor.EXPORTED_INTERFACES, "*");
        }
        if (configuration != null) {
            configuration.forEach((key, value) -> {
                if (key.startsWith("service.exported.")) {
                    remote.put(key, value);
                }
            });
        }
        return remote;
    }

    /**
     * The instances of one actor: {@code first} (made by the caller, so its failures read as a
     * plugin's), then, for each restart, a new one made as it was, in the actor's thread.
     */
    private Supplier<Actor> factory(Actor first, Class<? extends Actor> actorClass, Map<String, Object> configuration) {
        AtomicReference<Actor> unused = new AtomicReference<>(first); // let go once taken
        return () -> {
            Actor instance = unused.getAndSet(null);
            if (instance != null) {
                return instance;
            }
            try {
                return instantiate(actorClass, configuration);
            } catch (PluginFailure e) {
                throw new IllegalStateException("Could not make a new " + actorClass.getName() + " of "
                        + describe(bundle) + ": " + e.getMessage(), e.getCause());
            }
        };
    }

    /**
     * Waits, at most the stop timeout, until the actor has run {@code onStart}: a call queues behind
     * it, so its answer means onStart returned, and its failure that the actor died there. An actor
     * still in onStart after the wait is published anyway; calls queue until onStart returns.
     */
    private void awaitOnStart(ActorRef<Actor> ref) throws PluginFailure {
        try {
            ref.call(started -> Boolean.TRUE).get(stopTimeout);
        } catch (ActorDeadException e) {
            throw diedInOnStart(ref);
        } catch (ActorTimeoutException e) {
            LOG.log(WARNING, ref + " of " + describe(bundle) + " is still in onStart after " + stopTimeout.toMillis()
                    + " ms; it is published now, and calls wait until onStart returns");
        }
    }

    /** Names the failure that ended the actor (its termination follows the failed call at once). */
    private PluginFailure diedInOnStart(ActorRef<?> ref) {
        Throwable cause = null;
        try {
            cause = ref.termination().get(stopTimeout).cause();
        } catch (ActorTimeoutException e) {
            // not ended after all this time: say so without the cause
        }
        return new PluginFailure("its onStart threw " + (cause == null ? "" : PublishedActor.describe(cause) + " ")
                + "and it stopped, so it is not published (the stack trace is in the ERROR line logged by "
                + ref.actorClass().getName() + ")", null);
    }

    private Class<? extends Actor> loadActorClass(String className) throws PluginFailure {
        Class<?> loaded = loadClass(className);
        if (!Actor.class.isAssignableFrom(loaded)) {
            throw new PluginFailure(className + " is not an org.jykka.Actor (extend ThreadingActor, for example),"
                    + " or the bundle sees another copy of org.jykka than the extender", null);
        }
        if (Modifier.isAbstract(loaded.getModifiers()) || !Modifier.isPublic(loaded.getModifiers())) {
            throw new PluginFailure(className + " must be a public, concrete class", null);
        }
        return loaded.asSubclass(Actor.class);
    }

    private Class<?> loadInterface(String name) throws PluginFailure {
        Class<?> loaded = loadClass(name);
        if (!loaded.isInterface()) {
            throw new PluginFailure(name + " is listed as a service but is not an interface", null);
        }
        return loaded;
    }

    private Class<?> loadClass(String name) throws PluginFailure {
        try {
            return bundle.loadClass(name);
        } catch (ClassNotFoundException | LinkageError | IllegalStateException e) {
            throw new PluginFailure("the bundle cannot load class " + name + " (" + e + ")", e);
        }
    }

    private Actor instantiate(Class<? extends Actor> actorClass, Map<String, Object> configuration)
            throws PluginFailure {
        ActorConstructor constructor;
        Object[] arguments;
        try {
            constructor = configuration == null ? ActorConstructor.plain(actorClass) : ActorConstructor.configured(actorClass);
            arguments = constructor.arguments(bundle.getBundleContext(), configuration == null ? Map.of() : configuration);
        } catch (IllegalArgumentException e) {
            throw new PluginFailure(e.getMessage(), null);
        }
        try {
            return constructor.newInstance(arguments);
        } catch (InvocationTargetException e) {
            throw new PluginFailure("the constructor of " + actorClass.getName() + " threw " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new PluginFailure("could not create " + actorClass.getName() + " (" + e + ")", e);
        }
    }

    static String describe(Bundle bundle) {
        return "bundle " + bundle.getSymbolicName() + " " + bundle.getVersion() + " [" + bundle.getBundleId() + "]";
    }

    /** A failure to start one declared actor; the message names what was wrong. */
    private static final class PluginFailure extends Exception {
        private static final long serialVersionUID = 1L;

        PluginFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
