package org.jykka.threading;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import org.jykka.Actor;
import org.jykka.ActorRef;
import org.junit.jupiter.api.Test;

class SmokeTest {
    static class Echo extends ThreadingActor {
        @Override
        protected Object onReceive(Object message) {
            return "echo " + message;
        }
    }

    @Test
    void askAnswers() {
        ActorRef<Echo> ref = Actor.start(new Echo());
        assertEquals("echo hi", ref.ask("hi").get(Duration.ofSeconds(5)));
        for (int i = 0; i < 1000; i++) ref.tell(i);
        assertEquals("echo x", ref.ask("x").get(Duration.ofSeconds(5)));
        assertTrue(ref.stop());
        assertFalse(ref.stop());
        assertFalse(ref.isAlive());
    }
}
