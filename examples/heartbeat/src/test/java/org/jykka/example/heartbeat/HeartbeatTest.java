package org.jykka.example.heartbeat;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.jykka.ActorRef;
import org.jykka.ActorScope;
import org.jykka.Restart;
import org.jykka.Termination;
import org.jykka.osgi.PluginActor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The heartbeat outside OSGi, under the restart policy its annotation declares. */
class HeartbeatTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration FAST = Duration.ofMillis(10);

    private final ActorScope scope = ActorScope.open("heartbeat test");

    @AfterEach
    void stopEverything() {
        scope.close(WAIT);
    }

    @Test
    void itBeatsOnItsTimer() {
        ActorRef<Heartbeat> heartbeat = scope.start(() -> new Heartbeat(FAST), declaredPolicy());

        await().atMost(WAIT).until(() -> beats(heartbeat) >= 3);
    }

    @Test
    void aCrashRestartsItUnderTheSameReferenceAndTheFreshInstanceBeatsAgain() {
        ActorRef<Heartbeat> heartbeat = scope.start(() -> new Heartbeat(FAST), declaredPolicy());
        Heartbeat first = heartbeat.call(instance -> instance).get(WAIT);

        heartbeat.tell("crash");

        Heartbeat second = heartbeat.call(instance -> instance).get(WAIT); // handled after the restart
        assertNotSame(first, second);
        assertTrue(heartbeat.isAlive());
        await().atMost(WAIT).until(() -> beats(heartbeat) >= 1);
    }

    @Test
    void theDeclaredPolicyIsThreeRestartsAMinuteWithABackoffOfOneToTenSeconds() {
        assertEquals(Restart.limit(3, Duration.ofMinutes(1)).withBackoff(Duration.ofSeconds(1), Duration.ofSeconds(10)),
                declaredPolicy());
    }

    @Test
    void withoutRestartsLeftACrashStopsItForGood() {
        ActorRef<Heartbeat> heartbeat = scope.start(() -> new Heartbeat(FAST), Restart.never());

        heartbeat.tell("crash");

        Termination termination = heartbeat.termination().get(WAIT);
        assertEquals(Termination.Reason.FAILED, termination.reason());
        assertTrue(termination.cause().getMessage().startsWith("heartbeat was told to crash"), termination.toString());
    }

    private static int beats(ActorRef<Heartbeat> heartbeat) {
        return (Integer) heartbeat.ask("beats").get(WAIT);
    }

    /** The policy @PluginActor declares, as the extender reads it. */
    private static Restart declaredPolicy() {
        PluginActor declared = Heartbeat.class.getAnnotation(PluginActor.class);
        return Restart.limit(declared.maxRestarts(), Duration.parse(declared.within()))
                .withBackoff(Duration.parse(declared.backoffMin()), Duration.parse(declared.backoffMax()));
    }
}
