package org.jykka.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * How the loop tells its runtime that an idle actor has work. The loop calls it once per idle to
 * busy transition (never twice without a {@link ActorLoop#runBatch} in between answering
 * {@code false}), from whichever thread sent the message, so it must not block.
 */
@ConsumerType
@FunctionalInterface
public interface Scheduler {
    /**
     * Arranges for {@link ActorLoop#runBatch} to be called soon, in the runtime's own thread. If it
     * throws, the loop goes back to idle with the work still queued (the next message wakes the actor
     * again) and the sender gets the exception.
     */
    void schedule();
}
