package org.jykka.itests.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * Issue 3, point 5: a plugin's failures (missing class, throwing constructor, throwing onStart,
 * malformed header, an actor that dies later, an actor that will not stop) are logged with bundle
 * and class named and touch nothing else.
 */
class IsolationTest extends FrameworkTest {
    private static final String FAULTY = "org.jykka.itests.faulty";
    private static final long STOP_TIMEOUT_MILLIS = 500;

    private Bundle extender;

    @Override
    Map<String, String> frameworkProperties() {
        return Map.of("jykka.stop.timeout", Long.toString(STOP_TIMEOUT_MILLIS));
    }

    @BeforeEach
    void startJykka() throws Exception {
        extender = osgi.startJykka();
        osgi.start("jykka-itests-api");
    }

    @Test
    void eachFailureIsLoggedWithTheBundleAndTheClassNamed() throws Exception {
        osgi.start("jykka-itests-plugin-faulty");

        for (String culprit : List.of("Missing", "ThrowingConstructor", "ThrowingOnStart", "colour=red")) {
            awaitEquals(true, () -> log.atLeast(Level.WARNING).stream()
                    .anyMatch(m -> m.contains(FAULTY) && m.contains(culprit)));
        }
    }

    @Test
    void anActorWhoseOnStartThrowsGetsOneErrorLineNamingItsBundleAndIsNeverReportedStarted() throws Exception {
        osgi.start("jykka-itests-plugin-faulty");

        List<String> errors = log.atLeast(Level.SEVERE).stream().filter(m -> m.contains("ThrowingOnStart")).toList();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("bundle " + FAULTY + " ") && errors.get(0).contains("onStart"), errors.get(0));
        assertTrue(errors.get(0).contains("ThrowingOnStart fails in onStart"), "the cause is named: " + errors.get(0));
        awaitEquals(true, () -> log.atLeast(Level.INFO).stream().anyMatch(m -> m.startsWith("Actor started: healthy-last ")));
        assertEquals(List.of(), log.atLeast(Level.INFO).stream()
                .filter(m -> m.startsWith("Actor ") && m.contains("ThrowingOnStart")).toList());
    }

    @Test
    void theHealthyActorsOfAFaultyPluginRunAndTheFailedOnesHaveNoServices() throws Exception {
        osgi.start("jykka-itests-plugin-faulty");

        awaitEquals(List.of("Fragile", "Stubborn", "healthy-first", "healthy-last"), osgi::actorNames);
        assertEquals(1, osgi.services(OsgiFramework.COUNTER, null).size(), "only Fragile's Counter is left");
        assertEquals("ok", osgi.ask(actor("healthy-last"), "ok"));
    }

    @Test
    void anActorThatDiesLosesItsServicesAtOnceAndTheOthersCarryOn() throws Exception {
        osgi.start("jykka-itests-plugin-faulty");
        osgi.start("jykka-itests-plugin-manual");
        awaitEquals(List.of("Fragile", "Stubborn", "healthy-first", "healthy-last", "manual-counter"), osgi::actorNames);

        osgi.call(actor("Fragile"), OsgiFramework.ACTOR_REF, "tell", "die");

        awaitEquals(List.of(), () -> osgi.services(null, "(jykka.actor.name=Fragile)"));
        assertTrue(log.atLeast(Level.SEVERE).stream().anyMatch(m -> m.contains("bundle " + FAULTY + " ")
                && m.startsWith("Actor Fragile (") && m.contains(FAULTY + ".Fragile") && m.contains("Fragile was told to die")),
                "one line names bundle, class, name and cause: " + log.atLeast(Level.SEVERE));
        awaitEquals(1L, () -> log.atLeast(Level.INFO).stream().filter(m -> m.startsWith("Actor stopped: Fragile (")).count());
        assertEquals(List.of("Stubborn", "healthy-first", "healthy-last", "manual-counter"), osgi.actorNames());
        assertEquals("still here", osgi.ask(actor("healthy-first"), "still here"));
        assertEquals(1, osgi.call(osgi.services(OsgiFramework.COUNTER, null).get(0), OsgiFramework.COUNTER, "increment"));
        assertEquals(Bundle.ACTIVE, extender.getState());
    }

    @Test
    void aMalformedHeaderStartsNoActorAndOtherPluginsStillStart() throws Exception {
        Bundle malformed = osgi.start("jykka-itests-plugin-malformed");

        assertEquals(Bundle.ACTIVE, malformed.getState());
        assertEquals(List.of(), osgi.actorNames());
        assertTrue(log.atLeast(Level.SEVERE).stream().anyMatch(m -> m.contains("org.jykka.itests.malformed") && m.contains("quote")),
                log.atLeast(Level.SEVERE).toString());
        osgi.start("jykka-itests-plugin-manual");
        assertEquals(List.of("manual-counter"), osgi.actorNames());
    }

    @Test
    void anActorThatWillNotStopIsAbandonedAfterTheStopTimeout() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Dictionary<String, Object> latchProperties = new Hashtable<>(Map.of("itest.latch", "true"));
        osgi.context().registerService(CountDownLatch.class, release, latchProperties);
        Bundle faulty = osgi.start("jykka-itests-plugin-faulty");
        try {
            osgi.call(actor("Stubborn"), OsgiFramework.ACTOR_REF, "tell", "block");
            awaitEquals(true, () -> osgi.events().contains("blocked Stubborn"));

            long started = System.nanoTime();
            faulty.stop();
            Duration stopping = Duration.ofNanos(System.nanoTime() - started);

            assertTrue(stopping.toMillis() < 10 * STOP_TIMEOUT_MILLIS, "stopping took " + stopping);
            assertTrue(log.atLeast(Level.WARNING).stream().anyMatch(m -> m.startsWith("Actor still running: Stubborn (")
                    && m.contains(FAULTY) && m.contains("abandoned")), log.atLeast(Level.WARNING).toString());
            assertEquals(List.of(), stoppedLines("Stubborn"), "not said to have stopped while it still runs");
            assertEquals(List.of(), osgi.actorNames());
            assertEquals(1, actorThreads("Stubborn").size(), "the stuck actor is still stuck");
        } finally {
            release.countDown();
        }
        awaitEquals(List.of(), () -> actorThreads("Stubborn"));
        awaitEquals(1, () -> stoppedLines("Stubborn").size()); // said once it has really stopped
    }

    private List<String> stoppedLines(String name) {
        return log.atLeast(Level.INFO).stream().filter(m -> m.startsWith("Actor stopped: " + name + " (")).toList();
    }

    private ServiceReference<?> actor(String name) {
        List<ServiceReference<?>> found = osgi.actorServices("(jykka.actor.name=" + name + ")");
        assertEquals(1, found.size(), name + ": " + found);
        return found.get(0);
    }
}
