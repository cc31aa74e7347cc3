package org.jykka.spi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jykka.ActorRef;
import org.jykka.internal.Directory;

/**
 * The live actors of this JVM (or OSGi framework), as the actor loop itself keeps them: an actor is
 * listed from the moment {@link org.jykka.Actor#start} attached it to its runtime (before
 * {@code onStart} runs) until it stops accepting messages for good (before {@code onStop} or
 * {@code onFailure} runs). Every runtime's actors are listed; no runtime and no user code can add,
 * keep or hide one. This is what {@code org.jykka.registry.ActorRegistry} reads; actor code should
 * use that.
 */
public final class ActorDirectory {
    private ActorDirectory() {}

    /** A snapshot of the live actors, in start order. */
    public static List<ActorRef<?>> all() {
        return Directory.all();
    }

    /** The live actor with this URN, if there is one. */
    public static Optional<ActorRef<?>> byUrn(String urn) {
        return Directory.byUrn(Objects.requireNonNull(urn, "urn"));
    }

    /**
     * The state of {@code ref}'s actor and how often it was restarted, or empty if it is no longer
     * live (or not an actor of this JVM).
     */
    public static Optional<ActorStatus> status(ActorRef<?> ref) {
        return Directory.entry(Objects.requireNonNull(ref, "ref").urn()).map(Directory.Entry::status);
    }

    /**
     * Gives a supervised actor a fresh instance, as an operator's "restart": queued behind the messages
     * already sent, like a stop; when its turn comes, {@code onStop} runs on the current instance, its
     * timers are cancelled, and the factory's next instance takes over ({@code onStart} first),
     * keeping the reference, the watchers and the messages that follow. It does not count against the
     * restart limit. If the factory fails, the actor ends {@code FAILED}, as after a failed restart.
     *
     * @return {@code true} if the request was queued; {@code false} if the actor is not supervised or
     *     not live (nothing happens)
     */
    public static boolean restart(ActorRef<?> ref) {
        return Directory.entry(Objects.requireNonNull(ref, "ref").urn()).map(Directory.Entry::restart).orElse(false);
    }

    /**
     * The live actor whose code the calling thread is running right now (inside a hook or handler),
     * or empty outside any actor.
     */
    public static Optional<ActorRef<?>> current() {
        return Directory.runningHere();
    }
}
