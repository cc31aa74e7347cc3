package org.jykka.osgi.internal;

import static java.lang.System.Logger.Level.DEBUG;
import static java.lang.System.Logger.Level.ERROR;
import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jykka.Actor;
import org.jykka.ActorDeadException;
import org.jykka.ActorRef;
import org.jykka.ActorTimeoutException;
import org.jykka.proxy.ActorProxy;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * Everything the extender started for one plugin bundle: its actors and their services.
 * {@link #start} starts what the bundle declares; {@link #stop} undoes exactly that, once.
 */
final class PluginActors {
    static final String URN_PROPERTY = "jykka.actor.urn";
    static final String CLASS_PROPERTY = "jykka.actor.class";
    static final String NAME_PROPERTY = "jykka.actor.name";

    private static final System.Logger LOG = System.getLogger("org.jykka.osgi");

    private final Bundle bundle;
    private final Duration stopTimeout;
    private final List<RunningActor> running = new ArrayList<>(); // start order; guarded by this
    private boolean stopped; // guarded by this

    PluginActors(Bundle bundle, Duration stopTimeout) {
        this.bundle = bundle;
        this.stopTimeout = stopTimeout;
    }

    /**
     * Starts every declared actor and publishes its services. One actor's failure is logged and
     * does not keep the others from starting.
     */
    synchronized void start(List<ActorDeclaration> declarations) {
        for (ActorDeclaration declaration : declarations) {
            if (stopped) {
                return; // the bundle was stopped from inside a start (e.g. by a service listener)
            }
            try {
                running.add(startActor(declaration));
            } catch (PluginFailure e) {
                LOG.log(ERROR, "Could not start actor " + declaration.className() + " of " + describe(bundle)
                        + ": " + e.getMessage(), e.getCause());
            } catch (RuntimeException e) { // e.g. Actor.start refusing a runtime this JVM cannot run
                LOG.log(ERROR, "Could not start actor " + declaration.className() + " of " + describe(bundle)
                        + ": " + e, e);
            }
        }
    }

    /**
     * Unregisters every service, then stops the actors in reverse start order, giving each at most
     * the stop timeout; an actor that does not stop in time is logged and left to stop on its own.
     * Returns when all are stopped or abandoned. Calling it again does nothing.
     */
    void stop() {
        List<RunningActor> actors;
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
            actors = new ArrayList<>(running);
            running.clear(); // nothing here may keep a stopped plugin's classes reachable
        }
        for (int i = actors.size() - 1; i >= 0; i--) {
            actors.get(i).unregisterServices();
        }
        for (int i = actors.size() - 1; i >= 0; i--) {
            actors.get(i).stop();
        }
    }

    private RunningActor startActor(ActorDeclaration declaration) throws PluginFailure {
        Class<? extends Actor> actorClass = loadActorClass(declaration.className());
        List<Class<?>> interfaces = new ArrayList<>();
        for (String name : declaration.services()) {
            interfaces.add(loadInterface(name));
        }
        Actor actor = instantiate(actorClass);
        ActorRef<Actor> ref = Actor.start(actor);
        String name = declaration.name().orElse(actorClass.getSimpleName());
        awaitOnStart(ref);
        RunningActor started = new RunningActor(ref, name);
        try {
            started.publish(interfaces);
        } catch (ActorDeadException e) {
            throw diedInOnStart(ref);
        } catch (RuntimeException e) {
            started.stop();
            throw new PluginFailure("could not publish " + ref + " under " + declaration.services() + ": " + e, e);
        }
        LOG.log(INFO, "Started " + ref + " as '" + name + "' for " + describe(bundle));
        return started;
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

    private static PluginFailure diedInOnStart(ActorRef<?> ref) {
        return new PluginFailure("its onStart threw, so it stopped and is not published (the exception is in the"
                + " ERROR line logged by " + ref.actorClass().getName() + ")", null);
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

    /** Prefers a public (BundleContext) constructor, then a public no-argument one. */
    private Actor instantiate(Class<? extends Actor> actorClass) throws PluginFailure {
        try {
            Constructor<? extends Actor> withContext = publicConstructor(actorClass, BundleContext.class);
            if (withContext != null) {
                return withContext.newInstance(bundle.getBundleContext());
            }
            Constructor<? extends Actor> noArguments = publicConstructor(actorClass);
            if (noArguments != null) {
                return noArguments.newInstance();
            }
        } catch (InvocationTargetException e) {
            throw new PluginFailure("the constructor of " + actorClass.getName() + " threw " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new PluginFailure("could not create " + actorClass.getName() + " (" + e + ")", e);
        }
        throw new PluginFailure(actorClass.getName() + " has neither a public no-argument constructor nor a public"
                + " constructor taking the BundleContext", null);
    }

    private static Constructor<? extends Actor> publicConstructor(Class<? extends Actor> type, Class<?>... parameters) {
        try {
            return type.getConstructor(parameters);
        } catch (NoSuchMethodException e) {
            return null;
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

    /** One started actor and the services published for it. */
    private final class RunningActor {
        private final ActorRef<?> ref;
        private final String name;
        // Swapped for an empty list by whoever unregisters first: the bundle stopping or the actor dying.
        private final AtomicReference<List<ServiceRegistration<?>>> registrations = new AtomicReference<>(List.of());
        private volatile boolean stopRequested;

        RunningActor(ActorRef<?> ref, String name) {
            this.ref = ref;
            this.name = name;
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
                LOG.log(DEBUG, () -> "Stopped " + ref + " of " + describe(bundle));
            } catch (ActorTimeoutException e) {
                LOG.log(WARNING, ref + " of " + describe(bundle) + " did not stop within " + stopTimeout.toMillis()
                        + " ms (set jykka.stop.timeout to wait longer); it is abandoned and stops when its current"
                        + " message is done");
            } catch (IllegalStateException e) {
                ref.stopAsync(); // the bundle is being stopped from inside this very actor, which cannot wait for itself
            }
        }

        private void died() {
            unregisterServices();
            if (!stopRequested) {
                LOG.log(WARNING, ref + " of " + describe(bundle) + " stopped while its bundle runs (it failed or"
                        + " stopped itself; its own log says which); its services are unregistered");
            }
        }

        private void unregister(List<ServiceRegistration<?>> published) {
            for (ServiceRegistration<?> registration : published) {
                try {
                    registration.unregister();
                } catch (IllegalStateException alreadyGone) {
                    // the framework unregisters a stopped bundle's services itself
                }
            }
        }
    }
}
