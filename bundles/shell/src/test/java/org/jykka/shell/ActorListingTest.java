package org.jykka.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jykka.spi.ActorStatus;
import org.jykka.spi.ActorStatus.State;
import org.junit.jupiter.api.Test;

class ActorListingTest {

    private static ActorListing listing(ActorStatus status) {
        return new ActorListing(null, "worker", "-", status);
    }

    @Test
    void stateNamesWhatALiveActorIsDoingInWords() {
        assertEquals("running", listing(new ActorStatus(State.RUNNING, 0, false)).state());
        assertEquals("restarting", listing(new ActorStatus(State.RESTARTING, 1, true)).state());
        assertEquals("backing off", listing(new ActorStatus(State.BACKING_OFF, 2, true)).state());
        assertEquals("stopping", listing(new ActorStatus(State.STOPPING, 0, false)).state());
    }

    @Test
    void actorThatIsNoLongerLiveIsStopped() {
        assertEquals("stopped", listing(null).state());
        assertEquals("-", listing(null).restarts());
    }

    @Test
    void restartsAreCountedForASupervisedActorOnly() {
        assertEquals("3", listing(new ActorStatus(State.RUNNING, 3, true)).restarts());
        assertEquals("0", listing(new ActorStatus(State.RUNNING, 0, true)).restarts());
        assertEquals("-", listing(new ActorStatus(State.RUNNING, 0, false)).restarts());
    }
}
