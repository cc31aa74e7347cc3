package org.jykka.shell;

import java.util.Locale;
import org.jykka.ActorRef;
import org.jykka.spi.ActorStatus;

/**
 * One actor as the shell shows it.
 *
 * @param ref the actor
 * @param name its plugin name ({@code jykka.actor.name}), or {@code null} for an actor that is not
 *     published as a service (e.g. one a plugin actor started itself)
 * @param bundle the bundle its class comes from, as {@code symbolic-name version [id]}, or {@code "-"}
 * @param status what the actor was doing when it was looked up, or {@code null} if it was no longer
 *     live (a stopped actor that its plugin still publishes)
 */
record ActorListing(ActorRef<?> ref, String name, String bundle, ActorStatus status) {

    /** The name, or the simple class name for an actor that has none. */
    String label() {
        return name != null ? name : ref.actorClass().getSimpleName();
    }

    /** {@code running}, {@code restarting}, {@code backing off}, {@code stopping} or {@code stopped}. */
    String state() {
        return status == null ? "stopped" : status.state().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** Whether the actor is live and has a restart policy, so {@code jykka:restart} can restart it. */
    boolean supervised() {
        return status != null && status.supervised();
    }

    /** How many times a supervised actor was restarted, or {@code "-"} if it is not {@link #supervised}. */
    String restarts() {
        return supervised() ? Integer.toString(status.restarts()) : "-";
    }
}
