package org.jykka.itests.api;

/**
 * A service interface plugin actors are published under, as typed proxies: every call runs inside
 * the actor, so {@link #threadName()} names the actor's thread.
 */
public interface Counter {

    /** Adds one and returns the new count. */
    int increment();

    /** The name of the thread the call ran on. */
    String threadName();
}
