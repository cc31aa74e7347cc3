package org.jykka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jykka.spi.Completion;

/**
 * An isolated group of actors that ends together: for tests, and for plugins (the OSGi extender opens
 * one per plugin bundle and closes it when the bundle stops).
 *
 * <pre>{@code
 * try (ActorScope scope = ActorScope.open("billing")) {
 *     ActorRef<Ledger> ledger = scope.start(new Ledger());
 *     ...
 * } // every actor of the scope has stopped here, newest first
 * }</pre>
 *
 * <p>An actor belongs to the scope it was started in: by {@link #start}, or, for
 * {@link Actor#start(Actor)} called inside another actor's thread, the starter's scope — so a scope
 * holds everything its actors started, however deep. {@code otherScope.start(...)} from inside a
 * scoped actor puts the new actor in {@code otherScope}. {@link org.jykka.spi.ActorDirectory} (and
 * so the registry) still lists the actors of every scope.
 *
 * <p>{@link #close()} stops the scope's actors in reverse start order, waiting for each, and from the
 * moment it begins refuses new starts with {@link IllegalStateException}. Called inside one of the
 * scope's own actors, it stops the others, then that one without waiting for it. Closing twice is
 * harmless. The name is for humans: not unique.
 */
public final class ActorScope implements AutoCloseable {
    private final String name;
    // Not synchronized: virtual threads must not pin their carrier here.
    private final ReentrantLock lock = new ReentrantLock();
    // Start order; an actor leaves when it ends. Guarded by lock.
    private final LinkedHashSet<ActorRef<?>> members = new LinkedHashSet<>();
    private boolean closing;

    private ActorScope(String name) {
        this.name = name;
    }

    /**
     * Opens a new, empty scope.
     *
     * @throws NullPointerException if {@code name} is {@code null}
     */
    public static ActorScope open(String name) {
        return new ActorScope(Objects.requireNonNull(name, "name"));
    }

    /**
     * Starts {@code actor} in this scope, as {@link Actor#start(Actor)} does.
     *
     * @throws IllegalStateException if the scope is closing or closed, or the instance was started before
     */
    public <A extends Actor> ActorRef<A> start(A actor) {
        return Actor.startIn(this, actor);
    }

    /**
     * Starts a supervised actor in this scope, as {@link Actor#start(Supplier, Restart)} does.
     *
     * @throws IllegalStateException if the scope is closing or closed, or the factory fails at the
     *     first start
     */
    public <A extends Actor> ActorRef<A> start(Supplier<? extends A> factory, Restart policy) {
        return Actor.startIn(this, factory, policy);
    }

    /** The scope's actors that have not ended, in start order. */
    public List<ActorRef<?>> actors() {
        lock.lock();
        try {
            return List.copyOf(members);
        } finally {
            lock.unlock();
        }
    }

    /** The name the scope was opened with. */
    public String name() {
        return name;
    }

    /**
     * Stops every actor of the scope, newest first, waiting as long as it takes for each (but never
     * for the actor calling it), and refuses new starts from its first moment on.
     */
    @Override
    public void close() {
        stopAll(null, null);
    }

    /**
     * As {@link #close()}, waiting at most {@code timeout} in all.
     *
     * @throws ActorTimeoutException if not every actor has stopped in time; every one has been asked
     *     to stop all the same
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    public void close(Duration timeout) {
        stopAll(Objects.requireNonNull(timeout, "timeout"), Completion.deadline(timeout));
    }

    private void stopAll(Duration timeout, Long deadline) {
        List<ActorRef<?>> newestFirst;
        lock.lock();
        try {
            closing = true;
            newestFirst = new ArrayList<>(members);
        } finally {
            lock.unlock();
        }
        Collections.reverse(newestFirst);
        Mailbox running = Mailbox.current();
        ActorRef<?> caller = running == null ? null : running.ref();
        List<ActorRef<?>> late = new ArrayList<>();
        for (ActorRef<?> member : newestFirst) {
            if (member.equals(caller)) {
                continue; // stopped last, without waiting for itself
            }
            ActorFuture<Boolean> stopped = member.stopAsync();
            if (!late.isEmpty()) {
                late.add(member); // out of time: asked, not awaited
                continue;
            }
            try {
                if (deadline == null) {
                    stopped.get();
                } else {
                    stopped.get(Completion.remaining(deadline));
                }
            } catch (ActorTimeoutException outOfTime) {
                late.add(member);
            }
        }
        if (caller != null && newestFirst.contains(caller)) {
            caller.stopAsync();
        }
        if (!late.isEmpty()) {
            throw new ActorTimeoutException("Scope " + name + ": not stopped within " + timeout
                    + " (still stopping): " + late);
        }
    }

    /** Admits a starting actor, before it runs any code; refused once the scope is closing. */
    void join(ActorRef<?> ref) {
        lock.lock();
        try {
            if (closing) {
                throw new IllegalStateException("Scope " + name + " is closed: it starts no more actors");
            }
            members.add(ref);
        } finally {
            lock.unlock();
        }
    }

    /** An actor of the scope has ended (or failed to start). */
    void leave(ActorRef<?> ref) {
        lock.lock();
        try {
            members.remove(ref);
        } finally {
            lock.unlock();
        }
    }

    /** {@code ActorScope[name]}. */
    @Override
    public String toString() {
        return "ActorScope[" + name + "]";
    }
}
