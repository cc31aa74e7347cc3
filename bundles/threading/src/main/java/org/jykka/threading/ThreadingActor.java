package org.jykka.threading;

import org.jykka.Actor;

/**
 * An actor with a platform thread of its own, as Pykka's {@code ThreadingActor}: the thread is named
 * after the actor's class, lives as long as the actor, and plays well with any other thread. Blocking
 * inside the actor blocks only that thread.
 *
 * <pre>{@code
 * class Greeter extends ThreadingActor {
 *     protected Object onReceive(Object message) {
 *         System.out.println("Hi there!");
 *         return null;
 *     }
 * }
 * ActorRef<Greeter> greeter = Actor.start(new Greeter());
 * }</pre>
 */
public abstract class ThreadingActor extends Actor {

    protected ThreadingActor() {
        super(PlatformThreadRuntime.INSTANCE);
    }

    /**
     * Whether the actor's thread is a daemon thread, which does not keep the JVM alive. Default
     * {@code false}: a running actor keeps the JVM running until it is stopped, as in Pykka.
     */
    protected boolean useDaemonThread() {
        return false;
    }
}
