package org.jykka.threading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jykka.Actor;
import org.jykka.ActorRef;
import org.jykka.testkit.ActorTestSupport;
import org.junit.jupiter.api.Test;

/** What is particular to ThreadingActor: a platform thread of its own, named after the actor. */
class ThreadingActorTest extends ActorTestSupport {

    static class Named extends ThreadingActor {
        @Override
        protected Object onReceive(Object message) {
            return Thread.currentThread();
        }
    }

    static class Daemonic extends Named {
        @Override
        protected boolean useDaemonThread() {
            return true;
        }
    }

    @Test
    void eachActorHasItsOwnNonDaemonPlatformThreadNamedAfterItsClass() {
        ActorRef<Named> first = Actor.start(new Named());
        ActorRef<Named> second = Actor.start(new Named());
        Thread one = (Thread) first.ask("thread?").get(TIMEOUT);
        Thread two = (Thread) second.ask("thread?").get(TIMEOUT);

        assertFalse(one == two);
        assertTrue(one.getName().startsWith("Named-"), one.getName());
        assertFalse(one.isDaemon());
    }

    @Test
    void useDaemonThreadGivesADaemonThread() {
        ActorRef<Daemonic> ref = Actor.start(new Daemonic());
        assertTrue(((Thread) ref.ask("thread?").get(TIMEOUT)).isDaemon());
    }

    @Test
    void theThreadEndsWhenTheActorStops() throws InterruptedException {
        ActorRef<Named> ref = Actor.start(new Named());
        Thread thread = (Thread) ref.ask("thread?").get(TIMEOUT);
        ref.stop();
        thread.join(TIMEOUT.toMillis());
        assertFalse(thread.isAlive());
    }

    @Test
    void anInterruptedActorThreadKeepsWorking() {
        ActorRef<Named> ref = Actor.start(new Named());
        Thread thread = (Thread) ref.ask("thread?").get(TIMEOUT);
        thread.interrupt();
        assertEquals(thread, ref.ask("still there?").get(TIMEOUT));
    }
}
