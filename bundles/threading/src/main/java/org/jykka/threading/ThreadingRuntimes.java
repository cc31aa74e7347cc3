package org.jykka.threading;

import org.jykka.spi.ActorRuntime;

/**
 * The two runtimes of this bundle, for actor classes that take their runtime as a constructor
 * argument instead of inheriting it, so that one class runs on either:
 *
 * <pre>{@code
 * class Greeter extends Actor {
 *     Greeter(ActorRuntime runtime) {
 *         super(runtime);
 *     }
 * }
 * ActorRuntime runtime = ThreadingRuntimes.hasVirtualThreads()
 *         ? ThreadingRuntimes.virtualThreads() : ThreadingRuntimes.platformThreads();
 * ActorRef<Greeter> greeter = Actor.start(new Greeter(runtime));
 * }</pre>
 *
 * <p>An actor on one of these runtimes behaves exactly as a {@link ThreadingActor} or a
 * {@link VirtualThreadActor} does; only {@link ThreadingActor#useDaemonThread()} needs the subclass
 * (any other actor on {@link #platformThreads()} gets a non-daemon thread).
 */
public final class ThreadingRuntimes {
    private ThreadingRuntimes() {}

    /** The runtime of {@link ThreadingActor}: a platform thread per actor. */
    public static ActorRuntime platformThreads() {
        return PlatformThreadRuntime.INSTANCE;
    }

    /**
     * The runtime of {@link VirtualThreadActor}: virtual threads, none while the actor is idle. On a
     * JVM before Java 21, starting an actor on it throws {@link UnsupportedOperationException}.
     */
    public static ActorRuntime virtualThreads() {
        return VirtualThreadRuntime.INSTANCE;
    }

    /** Whether this JVM has virtual threads (Java 21 or later), so {@link #virtualThreads()} can run actors. */
    public static boolean hasVirtualThreads() {
        return VirtualThreadRuntime.isSupported();
    }
}
