package org.jykka.launcher;

import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.AllServiceListener;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceReference;

/**
 * Tells the user, one plain line at a time, what the container does: the bundles deployed from
 * {@code deploy/}, every plugin actor as it starts and stops, and framework errors.
 *
 * <p>Actors are followed through the {@code org.jykka.ActorRef} services the Jykka extender
 * publishes (properties {@code jykka.actor.name}, {@code jykka.actor.class}, {@code jykka.actor.urn}).
 * The launcher cannot link against {@code org.jykka}, which lives in a bundle; it reaches
 * {@code ActorRef.whenStopped()} by reflection, so that "stopped" is printed when the actor has
 * really stopped, not when its service is withdrawn (the extender withdraws services first).
 */
final class ActivityLog implements BundleListener, AllServiceListener, FrameworkListener {

    static final String ACTOR_REF = "org.jykka.ActorRef";
    private static final String ACTOR_FUTURE = "org.jykka.ActorFuture";

    private final PrintStream out;
    private final String deployLocation;
    /** Actors whose stop cannot be watched, by service id: reported when their service goes. */
    private final Map<Object, String> unwatched = new ConcurrentHashMap<>();
    /** Actors that have started and not stopped, by service id, in no particular order. */
    private final Map<Object, String> running = new ConcurrentHashMap<>();
    private volatile BundleContext context;

    ActivityLog(PrintStream out, Path deploy) {
        this.out = out;
        // As FileInstall spells a bundle's location: File.toURI ("file:/..."), not Path.toUri ("file:///...").
        this.deployLocation = deploy.toFile().toURI().normalize().toString();
    }

    /** Starts listening; call before the framework starts, so that nothing is missed. */
    void attach(BundleContext context) {
        this.context = context;
        context.addBundleListener(this);
        context.addFrameworkListener(this);
        try {
            context.addServiceListener(this, "(objectClass=" + ACTOR_REF + ")");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Prints a line, whole, even when several threads report at once. */
    void println(String line) {
        synchronized (out) {
            out.println(line);
        }
    }

    /** {@code symbolic-name version [id]}. */
    static String describe(Bundle bundle) {
        return bundle.getSymbolicName() + " " + bundle.getVersion() + " [" + bundle.getBundleId() + "]";
    }

    /** {@code deploy/<file>} for a bundle FileInstall installed, else the bundle's location. */
    String fileOf(Bundle bundle) {
        String location = bundle.getLocation();
        return location.startsWith(deployLocation) ? "deploy/" + location.substring(deployLocation.length()) : location;
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        Bundle bundle = event.getBundle();
        String location = bundle.getLocation();
        if (!location.startsWith(deployLocation)) {
            return;
        }
        String file = fileOf(bundle);
        String what;
        switch (event.getType()) {
            case BundleEvent.INSTALLED: what = "installed"; break;
            case BundleEvent.UPDATED: what = "updated from the new jar"; break;
            case BundleEvent.STARTED: what = "started"; break;
            case BundleEvent.STOPPED: what = "stopped"; break;
            case BundleEvent.UNINSTALLED: what = "uninstalled"; break;
            default: return;
        }
        println(file + ": bundle " + describe(bundle) + " " + what);
    }

    @Override
    public void serviceChanged(ServiceEvent event) {
        ServiceReference<?> service = event.getServiceReference();
        Object id = service.getProperty("service.id");
        if (event.getType() == ServiceEvent.REGISTERED) {
            String actor = property(service, "jykka.actor.name") + " (" + property(service, "jykka.actor.class")
                    + ", " + property(service, "jykka.actor.urn") + ") from bundle " + describe(service.getBundle());
            println("Actor started: " + actor);
            running.put(id, actor);
            CompletableFuture<?> stopped = whenStopped(service);
            if (stopped != null) {
                stopped.whenComplete((value, failure) -> {
                    running.remove(id);
                    println("Actor stopped: " + actor);
                });
            } else {
                unwatched.put(id, actor);
            }
        } else if (event.getType() == ServiceEvent.UNREGISTERING) {
            // For an actor we cannot watch, its service going is the best sign of its stop we have.
            String actor = unwatched.remove(id);
            if (actor != null) {
                running.remove(id);
                println("Actor stopped: " + actor);
            }
        }
    }

    /**
     * Once the framework has stopped: names each actor that had not stopped by then (its plugin's
     * stop timed out, and the actor was abandoned while it still worked on a message).
     */
    void reportActorsStillRunning() {
        for (String actor : running.values()) {
            println("[WARN] Still running when the framework stopped (it did not stop in time): " + actor);
        }
    }

    @Override
    public void frameworkEvent(FrameworkEvent event) {
        if (event.getType() != FrameworkEvent.ERROR && event.getType() != FrameworkEvent.WARNING) {
            return;
        }
        String level = event.getType() == FrameworkEvent.ERROR ? "ERROR" : "WARN";
        Throwable failure = event.getThrowable();
        println("[" + level + "] " + (event.getBundle() == null ? "framework" : describe(event.getBundle()))
                + ": " + (failure == null ? "(no details)" : failure.toString().replaceAll("\\s*\\R\\s*", " ")));
    }

    private static String property(ServiceReference<?> service, String key) {
        Object value = service.getProperty(key);
        return value == null ? "?" : value.toString();
    }

    /** {@code ActorRef.whenStopped().toCompletableFuture()} of the service, or {@code null}. */
    private CompletableFuture<?> whenStopped(ServiceReference<?> service) {
        BundleContext context = this.context;
        Object actorRef = context.getService(service);
        if (actorRef == null) {
            return null;
        }
        try {
            Class<?> type = findInterface(actorRef.getClass(), ACTOR_REF);
            if (type == null) {
                return null;
            }
            Object future = type.getMethod("whenStopped").invoke(actorRef);
            Class<?> futureType = findInterface(future.getClass(), ACTOR_FUTURE);
            return futureType == null ? null
                    : (CompletableFuture<?>) futureType.getMethod("toCompletableFuture").invoke(future);
        } catch (ReflectiveOperationException | ClassCastException e) {
            return null;
        } finally {
            // Only the future is kept; the service itself is released at once.
            context.ungetService(service);
        }
    }

    private static Class<?> findInterface(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> candidate : c.getInterfaces()) {
                if (candidate.getName().equals(name)) {
                    return candidate;
                }
                Class<?> inherited = findInterface(candidate, name);
                if (inherited != null) {
                    return inherited;
                }
            }
        }
        return null;
    }
}
