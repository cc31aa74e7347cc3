package org.jykka.itests.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.logging.Level;
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
    void theExtenderSaysOnceThatEachActorStartedAndOnceThatItStopped() throws Exception {
        List<String> names = List.of("EchoActor", "counter", "manual-counter");
        assertEquals(names, namesIn("Actor started: "));
        assertEquals(List.of(), namesIn("Actor stopped: "), "nothing has stopped yet");

        manual.stop();
        assertEquals(List.of("manual-counter"), namesIn("Actor stopped: "), "said when stop() returns");
        extender.stop();

        assertEquals(names, namesIn("Actor stopped: "));
        assertEquals(names, namesIn("Actor started: "));
        String line = log.atLeast(Level.INFO).stream().filter(m -> m.startsWith("Actor stopped: counter ")).findFirst()
                .orElseThrow();
        assertTrue(line.matches("Actor stopped: counter \\(\\S+, urn:uuid:[0-9a-f-]+\\) from bundle "
                + "org\\.jykka\\.itests\\.annotated \\S+ \\[\\d+]"), line);
    }

    /** The actors' names in the extender's INFO lines that start with {@code prefix}, sorted, repeats kept. */
    private List<String> namesIn(String prefix) {
        return log.atLeast(Level.INFO).stream().filter(m -> m.startsWith(prefix))
                .map(m -> m.substring(prefix.length(), m.indexOf(" (", prefix.length()))).sorted().toList();
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
