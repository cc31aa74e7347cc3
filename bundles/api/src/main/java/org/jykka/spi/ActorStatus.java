package org.jykka.spi;

/**
 * What tools (a shell, a monitor) show of a live actor: a snapshot, stale as soon as it is read.
 *
 * @param state what the actor is doing
 * @param restarts how many times a supervised actor has been given a fresh instance (after failures
 *     and on demand); always {@code 0} for an actor started without a restart policy
 * @param supervised whether the actor was started with a restart policy that restarts
 */
public record ActorStatus(State state, int restarts, boolean supervised) {

    /** What a live actor is doing. */
    public enum State {
        /** Taking messages as usual. */
        RUNNING,
        /** A supervised actor between a failure and its fresh instance's {@code onStart}. */
        RESTARTING,
        /** A supervised actor waiting out its restart backoff; it keeps the messages sent meanwhile. */
        BACKING_OFF,
        /** A stop has been requested; the actor handles what was sent before it, then ends. */
        STOPPING
    }
}
