package org.jykka.itests.api;

/** A service interface of supervised plugin actors: a failure nobody waits on, and which instance answers. */
public interface Restartable {

    /** Fails inside the actor, fire and forget (a {@code void} call), as a failing {@code tell} does. */
    void crash();

    /** Which instance of the actor answers: 1 for the first, 2 after one restart, and so on. */
    int instance();
}
