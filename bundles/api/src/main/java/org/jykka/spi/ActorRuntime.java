package org.jykka.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An execution context for actors: how an actor's loop gets a thread, and nothing else. The loop
 * itself (in {@code org.jykka}) makes every future, keeps the directory of live actors
 * ({@link ActorDirectory}) and runs the hooks; a runtime that forgets something cannot break those.
 */
@ConsumerType
public interface ActorRuntime {

    /**
     * Called once by {@link org.jykka.Actor#start}, in the starting thread, before any of the
     * actor's code runs. Prepares to run {@code loop} (e.g. creates its thread) and returns how to
     * wake it. The first {@link Scheduler#schedule()} comes right after. The thread is the runtime's
     * to release once {@link ActorLoop#runBatch} has answered {@code false} with
     * {@link ActorLoop#isStopped()} true.
     *
     * @throws UnsupportedOperationException if this runtime cannot run on this JVM; the actor is then
     *     not started (and was never listed)
     */
    Scheduler attach(ActorLoop loop);

    /**
     * A hint, in the thread that is about to send an envelope whose answer it may wait for right away
     * (an {@code ask}, a {@code call}, a stop request), just before it is sent to an actor of this
     * runtime: a runtime that would run the woken actor later in this same thread (after the sender's
     * batch) must not, because the sender may block on the answer first. Never called for the
     * futures made during {@link org.jykka.Actor#start}. Does nothing by default; must be cheap and
     * must not block.
     */
    default void replyMayBeAwaited() {}
}
