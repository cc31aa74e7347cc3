package org.jykka.itests.osgi;

import org.jykka.osgi.PluginActor;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * Issue 3, point 4: Bundle.update() and uninstall() replace and stop a plugin's actors, and a
 * hundred updates leave no thread, no registry entry and no class loader behind.
 */
class RedeployTest extends FrameworkTest {
    private static final int CYCLES = 100;
    private static final String PLUGIN = "jykka-itests-plugin-annotated";

    private Bundle plugin;

    @BeforeEach
    void startPlugin() throws Exception {
        osgi.startJykka();
        osgi.start("jykka-itests-api");
        plugin = osgi.start(PLUGIN);
    }

    @Test
    void updateStopsTheOldActorsAndStartsNewOnes() throws Exception {
        List<String> before = actorUrns();

        update();

        List<String> after = actorUrns();
        assertEquals(2, after.size());
        assertTrue(Collections.disjoint(before, after), before + " " + after);
        assertEquals(sorted(after), sorted(osgi.registryUrns()));
        awaitEquals(List.of("start counter", "start EchoActor", "stop EchoActor", "stop counter", "start counter", "start EchoActor"),
                () -> List.copyOf(osgi.events()));
    }

    @Test
    void uninstallStopsTheActors() throws Exception {
        plugin.uninstall();

        assertEquals(List.of(), osgi.actorNames());
        assertEquals(List.of(), osgi.registryUrns());
        awaitEquals(List.of(), () -> actorThreads("CounterActor", "EchoActor"));
    }

    @Test
    void aHundredUpdatesLeaveNoThreadNoRegistryEntryAndNoClassLoaderBehind() throws Exception {
        osgi.startScr();
        osgi.start("jykka-itests-ds-consumer");
        assertEquals("1", callClient().split("@")[0]);
        update(); // the framework starts whatever threads it needs for updates once, before we count
        osgi.refresh();
        int threadsAtStart = liveThreads().size();
        WeakReference<Class<?>> oldActorClass = new WeakReference<>(plugin.loadClass("org.jykka.itests.annotated.CounterActor"));

        for (int i = 0; i < CYCLES; i++) {
            update();
        }
        osgi.refresh();

        assertEquals("1", callClient().split("@")[0], "the component is bound to the newest actor");
        assertEquals(sorted(actorUrns()), sorted(osgi.registryUrns()), "the registry holds the current actors only");
        assertEquals(2, osgi.registryUrns().size());
        await().atMost(OsgiFramework.WAIT).untilAsserted(() -> assertTrue(liveThreads().size() <= threadsAtStart,
                "threads at start: " + threadsAtStart + ", now: " + liveThreads()));
        assertEquals(1, actorThreads("CounterActor").size());
        await().atMost(OsgiFramework.WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            System.gc();
            return oldActorClass.get() == null;
        });
    }

    private void update() throws Exception {
        try (InputStream in = Files.newInputStream(Path.of(System.getProperty("itest.bundles", "target/bundles"), PLUGIN + ".jar"))) {
            plugin.update(in);
        }
        assertEquals(List.of("EchoActor", "counter"), osgi.actorNames());
    }

    private String callClient() throws Exception {
        awaitEquals(1, () -> osgi.services(Callable.class.getName(), "(itest=ds-client)").size());
        ServiceReference<?> client = osgi.services(Callable.class.getName(), "(itest=ds-client)").get(0);
        try {
            return (String) ((Callable<?>) osgi.context().getService(client)).call();
        } finally {
            osgi.context().ungetService(client);
        }
    }

    private List<String> actorUrns() {
        List<String> urns = new ArrayList<>();
        for (ServiceReference<?> reference : osgi.actorServices(null)) {
            urns.add((String) reference.getProperty(PluginActor.URN_PROPERTY));
        }
        return urns;
    }

    private static List<String> sorted(List<String> values) {
        List<String> copy = new ArrayList<>(values);
        Collections.sort(copy);
        return copy;
    }
}
