package org.jykka.registry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.jykka.Actor;
import org.jykka.ActorDeadException;
import org.jykka.ActorFuture;
import org.jykka.ActorRef;
import org.jykka.ActorTimeoutException;
import org.jykka.spi.Completion;

/**
 * The registry of live actors, as Pykka's {@code ActorRegistry}: static and thread safe. A runtime
 * registers an actor as it starts (before {@code onStart}) and unregisters it as it stops (before
 * {@code onStop}), so a stopped actor is never listed. Lists are snapshots in start order.
 */
public final class ActorRegistry {
    // Start order matters for stopAll (reverse start order), so a LinkedHashMap keyed by URN. A
    // read-write lock rather than synchronized: virtual threads must not pin their carrier here.
    private static final Map<String, ActorRef<?>> ACTORS = new LinkedHashMap<>();
    private static final ReentrantReadWriteLock LOCK = new ReentrantReadWriteLock();
    private static final System.Logger LOG = System.getLogger(ActorRegistry.class.getName());

    private ActorRegistry() {}

    /** Registers a started actor. Registering it again changes nothing. */
    public static void register(ActorRef<?> ref) {
        Objects.requireNonNull(ref, "ref");
        LOCK.writeLock().lock();
        try {
            ACTORS.putIfAbsent(ref.urn(), ref);
        } finally {
            LOCK.writeLock().unlock();
        }
        if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
            LOG.log(System.Logger.Level.DEBUG, "Registered " + ref);
        }
    }

    /** Unregisters an actor. Unregistering one that is not registered changes nothing. */
    public static void unregister(ActorRef<?> ref) {
        Objects.requireNonNull(ref, "ref");
        boolean removed;
        LOCK.writeLock().lock();
        try {
            removed = ACTORS.remove(ref.urn()) != null;
        } finally {
            LOCK.writeLock().unlock();
        }
        if (removed && LOG.isLoggable(System.Logger.Level.DEBUG)) {
            LOG.log(System.Logger.Level.DEBUG, "Unregistered " + ref);
        }
    }

    /** Every registered actor, in start order. */
    public static List<ActorRef<?>> getAll() {
        LOCK.readLock().lock();
        try {
            return List.copyOf(ACTORS.values());
        } finally {
            LOCK.readLock().unlock();
        }
    }

    /** The actors whose class is {@code actorClass} or a subclass of it, in start order. */
    @SuppressWarnings("unchecked")
    public static <A extends Actor> List<ActorRef<A>> getByClass(Class<A> actorClass) {
        Objects.requireNonNull(actorClass, "actorClass");
        List<ActorRef<A>> found = new ArrayList<>();
        for (ActorRef<?> ref : getAll()) {
            if (actorClass.isAssignableFrom(ref.actorClass())) {
                found.add((ActorRef<A>) ref);
            }
        }
        return Collections.unmodifiableList(found);
    }

    /**
     * The actors whose class has this name, simple ({@code Greeter}) or fully qualified
     * ({@code com.example.Greeter}), in start order. Subclasses do not count.
     */
    public static List<ActorRef<?>> getByClassName(String className) {
        Objects.requireNonNull(className, "className");
        List<ActorRef<?>> found = new ArrayList<>();
        for (ActorRef<?> ref : getAll()) {
            Class<?> type = ref.actorClass();
            if (type.getName().equals(className) || type.getSimpleName().equals(className)) {
                found.add(ref);
            }
        }
        return Collections.unmodifiableList(found);
    }

    /** The actor with this URN, if it is registered. */
    public static Optional<ActorRef<?>> getByUrn(String urn) {
        Objects.requireNonNull(urn, "urn");
        LOCK.readLock().lock();
        try {
            return Optional.ofNullable(ACTORS.get(urn));
        } finally {
            LOCK.readLock().unlock();
        }
    }

    /** Tells {@code message} to every registered actor; one that stops meanwhile is skipped. */
    public static void broadcast(Object message) {
        broadcast(message, Actor.class);
    }

    /**
     * Tells {@code message} to every registered actor of class {@code target} or a subclass; one that
     * stops meanwhile is skipped.
     */
    public static void broadcast(Object message, Class<? extends Actor> target) {
        Objects.requireNonNull(message, "A message must not be null: send a value the actors can act on");
        for (ActorRef<?> ref : getByClass(target)) {
            try {
                ref.tell(message);
            } catch (ActorDeadException stoppedMeanwhile) {
                // It was listed a moment ago and has stopped since: nothing to deliver to.
            }
        }
    }

    /**
     * Stops every registered actor, in reverse start order, each after the one started after it has
     * stopped, and waits as long as it takes.
     *
     * @return each actor's {@link ActorRef#stop()} result, in the order they were stopped
     */
    public static List<Boolean> stopAll() {
        List<Boolean> results = new ArrayList<>();
        for (ActorRef<?> ref : reversed(getAll())) {
            results.add(ref.stopAsync().get());
        }
        return results;
    }

    /**
     * As {@link #stopAll()}, waiting at most {@code timeout} in total. When time runs out, the actors
     * not yet asked are still asked to stop (without waiting), so none is left running.
     *
     * @throws ActorTimeoutException naming the actors that had not stopped in time
     */
    public static List<Boolean> stopAll(Duration timeout) {
        long deadline = Completion.deadline(timeout);
        List<Boolean> results = new ArrayList<>();
        List<ActorRef<?>> late = new ArrayList<>();
        for (ActorRef<?> ref : reversed(getAll())) {
            ActorFuture<Boolean> stopped = ref.stopAsync();
            if (!late.isEmpty()) {
                late.add(ref); // out of time: asked, not awaited
                continue;
            }
            try {
                results.add(stopped.get(Completion.remaining(deadline)));
            } catch (ActorTimeoutException e) {
                late.add(ref);
            }
        }
        if (!late.isEmpty()) {
            throw new ActorTimeoutException("Not stopped within " + timeout + " (still stopping): " + late);
        }
        return results;
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }
}
