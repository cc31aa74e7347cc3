package org.jykka.registry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jykka.Actor;
import org.jykka.ActorDeadException;
import org.jykka.ActorFuture;
import org.jykka.ActorRef;
import org.jykka.ActorTimeoutException;
import org.jykka.spi.ActorDirectory;
import org.jykka.spi.Completion;

/**
 * The registry of live actors, as Pykka's {@code ActorRegistry}: static and thread safe. It reads the
 * actor loop's own directory ({@link ActorDirectory}), so every started actor is listed, whatever
 * its runtime: from {@link Actor#start} (before {@code onStart}) until it stops (before
 * {@code onStop} or {@code onFailure}). A stopped actor is never listed, and a live one cannot be
 * hidden. Lists are snapshots in start order.
 */
public final class ActorRegistry {
    private ActorRegistry() {}

    /**
     * Kept from Pykka's API, where runtimes call it: here {@link Actor#start} lists every actor
     * itself, so registering a live actor changes nothing.
     *
     * @throws IllegalStateException if the actor is not alive (stopped, or stopping): a dead actor is
     *     never listed
     * @throws IllegalArgumentException if {@code ref} is not the reference of an actor started in this
     *     JVM (or OSGi framework)
     */
    public static void register(ActorRef<?> ref) {
        Objects.requireNonNull(ref, "ref");
        if (!ref.isAlive()) {
            throw new IllegalStateException(ref + " is not alive: a stopped or stopping actor cannot be registered");
        }
        if (ActorDirectory.byUrn(ref.urn()).isEmpty()) {
            throw new IllegalArgumentException(ref + " is not an actor started here: Actor.start(actor) registers"
                    + " every actor by itself");
        }
    }

    /**
     * Kept from Pykka's API, where runtimes call it: here an actor leaves the registry by itself as it
     * stops, so unregistering one that is no longer listed changes nothing.
     *
     * @throws IllegalStateException if the actor is still listed: a running actor cannot be hidden (from
     *     {@link #stopAll()}, say); stop it instead ({@link ActorRef#stop()})
     */
    public static void unregister(ActorRef<?> ref) {
        Objects.requireNonNull(ref, "ref");
        if (ActorDirectory.byUrn(ref.urn()).isPresent()) {
            throw new IllegalStateException(ref + " is running, and a running actor cannot be hidden: stop it"
                    + " (ref.stop()), and it leaves the registry by itself");
        }
    }

    /** Every registered actor, in start order. */
    public static List<ActorRef<?>> getAll() {
        return ActorDirectory.all();
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
        return ActorDirectory.byUrn(Objects.requireNonNull(urn, "urn"));
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
        Objects.requireNonNull(target, "target");
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
     * stopped, and waits as long as it takes. Called inside an actor, it stops the others first and
     * then asks the calling actor itself to stop, without waiting for that (which would never end): it
     * stops once the code that called this returns.
     *
     * @return each actor's {@link ActorRef#stop()} result, in the order they were stopped
     */
    public static List<Boolean> stopAll() {
        List<Boolean> results = new ArrayList<>();
        Optional<ActorRef<?>> caller = ActorDirectory.current();
        for (ActorRef<?> ref : stoppingOrder(caller)) {
            ActorFuture<Boolean> stopped = ref.stopAsync();
            results.add(caller.isPresent() && caller.get().equals(ref) ? Boolean.TRUE : stopped.get());
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
        Optional<ActorRef<?>> caller = ActorDirectory.current();
        for (ActorRef<?> ref : stoppingOrder(caller)) {
            ActorFuture<Boolean> stopped = ref.stopAsync();
            if (caller.isPresent() && caller.get().equals(ref)) {
                results.add(Boolean.TRUE); // alive: it is running this code, and stops once it returns
            } else if (!late.isEmpty()) {
                late.add(ref); // out of time: asked, not awaited
            } else {
                try {
                    results.add(stopped.get(Completion.remaining(deadline)));
                } catch (ActorTimeoutException e) {
                    late.add(ref);
                }
            }
        }
        if (!late.isEmpty()) {
            throw new ActorTimeoutException("Not stopped within " + timeout + " (still stopping): " + late);
        }
        return results;
    }

    /** Reverse start order, with the calling actor (if any) last. */
    private static List<ActorRef<?>> stoppingOrder(Optional<ActorRef<?>> caller) {
        List<ActorRef<?>> order = new ArrayList<>(getAll());
        Collections.reverse(order);
        caller.ifPresent(self -> {
            if (order.remove(self)) {
                order.add(self);
            }
        });
        return order;
    }
}
