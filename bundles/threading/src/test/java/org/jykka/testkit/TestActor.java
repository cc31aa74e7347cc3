package org.jykka.testkit;

import org.jykka.Actor;
import org.jykka.ActorRef;

/** The base of the behaviour tests' actors: runs on whichever runtime the test is parameterised with. */
public abstract class TestActor extends Actor {
    protected TestActor(Runtimes runtime) {
        super(runtime.runtime);
    }

    /** The reference, for tests that need it inside the actor. */
    public ActorRef<? extends Actor> self() {
        return actorRef();
    }

    /** Asks this actor to stop after the current message, as the actor itself would. */
    public void stopSelf() {
        stop();
    }
}
