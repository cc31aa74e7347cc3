package org.jykka.itests.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

/** Issue 3, point 6: stopping the extender, or the whole framework, stops every actor it started. */
class ShutdownTest extends FrameworkTest {
    private Bundle extender;
    private Bundle annotated;
    private Bundle manual;

    @BeforeEach
    void startPlugins() throws Exception {
        extender = osgi.startJykka();
        osgi.start("jykka-itests-api");
        annotated = osgi.start("jykka-itests-plugin-annotated");
        manual = osgi.start("jykka-itests-plugin-manual");
        assertEquals(List.of("EchoActor", "counter", "manual-counter"), osgi.actorNames());
    }

    @Test
    void stoppingTheExtenderStopsEveryActorItStarted() throws Exception {
        extender.stop();

        assertEquals(List.of(), osgi.actorNames());
        assertEquals(List.of(), osgi.registryUrns());
        assertEquals(Bundle.ACTIVE, annotated.getState());
        assertEquals(Bundle.ACTIVE, manual.getState());
        awaitEquals(List.of(), () -> actorThreads("CounterActor", "EchoActor", "ManualCounter"));
    }

    @Test
    void restartingTheExtenderStartsTheActorsOfActivePluginsAgain() throws Exception {
        extender.stop();

        extender.start();

        assertEquals(List.of("EchoActor", "counter", "manual-counter"), osgi.actorNames());
    }

    @Test
    void frameworkShutdownStopsEveryActorAndLeavesNoNonDaemonThread() throws Exception {
        osgi.close();

        awaitEquals(Set.of(), () -> liveThreads().stream()
                .filter(t -> !t.isDaemon() && !threadsBefore.contains(t))
                .map(Thread::getName).collect(Collectors.toSet()));
        assertEquals(List.of(), actorThreads("CounterActor", "EchoActor", "ManualCounter"));
    }
}
