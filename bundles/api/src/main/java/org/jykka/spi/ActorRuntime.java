package org.jykka.spi;

import org.jykka.ActorRef;

/**
 * An execution context for actors: gives each actor's loop a thread, makes the futures its callers
 * wait on, and keeps the books (e.g. a registry) on which actors are running.
 */
public interface ActorRuntime {

    /** A new, incomplete future, of the kind this runtime's callers can wait on. */
    <T> Promise<T> newPromise();

    /**
     * Called once by {@link org.jykka.Actor#start}, in the starting thread, before any of the
     * actor's code runs. Prepares to run {@code loop} (e.g. creates its thread), records the actor as
     * running, and returns how to wake it. The first {@link Scheduler#schedule()} comes right after.
     *
     * @throws UnsupportedOperationException if this runtime cannot run on this JVM; nothing is then
     *     recorded
     */
    Scheduler attach(ActorLoop loop);

    /**
     * Called once, in the actor's own context, when the actor stops accepting messages for good (before
     * {@code onStop}): the runtime forgets it (e.g. unregisters it). The thread itself is released when
     * {@link ActorLoop#runBatch} has answered {@code false} with {@link ActorLoop#isStopped()} true.
     */
    void detach(ActorRef<?> ref);
}
