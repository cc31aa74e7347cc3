package org.jykka.shell;

import org.jykka.ActorRef;

/**
 * One actor as the shell shows it.
 *
 * @param ref the actor
 * @param name its plugin name ({@code jykka.actor.name}), or {@code null} for an actor that is not
 *     published as a service (e.g. one a plugin actor started itself)
 * @param bundle the bundle its class comes from, as {@code symbolic-name version [id]}, or {@code "-"}
 */
record ActorListing(ActorRef<?> ref, String name, String bundle) {

    /** The name, or the simple class name for an actor that has none. */
    String label() {
        return name != null ? name : ref.actorClass().getSimpleName();
    }
}
