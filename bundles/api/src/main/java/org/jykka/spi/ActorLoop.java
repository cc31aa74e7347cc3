package org.jykka.spi;

import org.jykka.Actor;
import org.jykka.ActorRef;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One actor's loop, as its runtime sees it. Only one thread at a time may run it: the runtime
 * calls {@link #runBatch} after each {@link Scheduler#schedule()} and again as long as it answers
 * {@code true}.
 */
@ProviderType
public interface ActorLoop {

    /**
     * The actor this loop runs, for the runtime to read its settings while attaching it; {@code null}
     * once the actor has stopped (the loop lets go of the instance then).
     */
    Actor actor();

    /** The actor's reference. */
    ActorRef<?> ref();

    /**
     * Handles at most {@code limit} messages (the first call runs {@code onStart} first), in the
     * calling thread. Never throws: whatever the actor's code or objects do (even an {@link Error}
     * from a {@code toString}), the loop completes its futures and, at the end, stops for good.
     *
     * @return {@code true} if the actor has more work and the runtime must call again; {@code false}
     *     if it went idle (a later {@link Scheduler#schedule()} will say when there is work) or has
     *     stopped ({@link #isStopped()})
     */
    boolean runBatch(int limit);

    /** Whether the actor has stopped for good: the runtime may let go of everything it holds for it. */
    boolean isStopped();
}
