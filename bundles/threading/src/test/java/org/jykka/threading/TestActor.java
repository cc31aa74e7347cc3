package org.jykka.threading;

import org.jykka.Actor;
import org.jykka.ActorRef;

/** The base of the behaviour tests' actors: runs on whichever runtime the test is parameterised with. */
abstract class TestActor extends Actor {
    TestActor(Runtimes runtime) {
        super(runtime.runtime);
    }

    /** The reference, for tests that need it inside the actor. */
    ActorRef<? extends Actor> self() {
        return actorRef();
    }

    void stopSelf() {
        stop();
    }
}
