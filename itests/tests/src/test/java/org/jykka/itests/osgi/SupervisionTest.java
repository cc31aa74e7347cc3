package org.jykka.itests.osgi;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleWiring;

/**
 * A plugin's actors run in the plugin's own scope, so whatever they start goes with the bundle; a
 * restart policy declared with @PluginActor restarts an actor under the same services; an actor that
 * ends on its own is logged with its bundle and loses its services at once.
 */
class SupervisionTest extends FrameworkTest {
    private static final String SUPERVISED = "org.jykka.itests.supervised";
    private static final String RESTARTABLE = "org.jykka.itests.api.Restartable";

    private Bundle plugin;

    @BeforeEach
    void startPlugin() throws Exception {
        osgi.startJykka();
        osgi.start("jykka-itests-api");
        plugin = osgi.start("jykka-itests-plugin-supervised");
    }

    @Test
    void bndWritesTheRestartPolicyIntoTheHeader() {
        String header = plugin.getHeaders("").get("Jykka-Actors");

        // bnd quotes a value only where it must (here, the one with a dot)
        assertTrue(header.contains(SUPERVISED + ".Phoenix;name=phoenix;services:List<String>=\"" + RESTARTABLE
                + "\";maxRestarts=3;within=PT1M;backoffMin=\"PT0.05S\";backoffMax=PT1S,"), header);
        assertTrue(header.contains(SUPERVISED + ".Parent;name=parent,"), "no restart parameter by default: " + header);
    }

    @Test
    void uninstallingThePluginStopsEveryActorItsActorsStartedAndLetsItsClassLoaderGo() throws Exception {
        awaitEquals(true, () -> osgi.events().contains("parent started its children"));
        awaitEquals(4, () -> actorThreads("Child").size()); // two children, two grandchildren
        assertEquals(7, osgi.registryUrns().size(), "parent, its four descendants, phoenix and quitter");
        ClassLoader pluginLoader = plugin.adapt(BundleWiring.class).getClassLoader();
        int loaderId = System.identityHashCode(pluginLoader);
        WeakReference<ClassLoader> loader = new WeakReference<>(pluginLoader);
        pluginLoader = null;

        plugin.uninstall();
        osgi.refresh();

        assertEquals(List.of(), osgi.registryUrns());
        awaitEquals(List.of(), () -> actorThreads("Parent", "Child", "Phoenix", "Quitter"));
        try {
            await().atMost(OsgiFramework.WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
                System.gc();
                return loader.get() == null;
            });
        } catch (ConditionTimeoutException e) {
            // Names the live threads that could hold it: those whose context class loader it is.
            throw new AssertionError("the plugin's class loader is still reachable; threads with it as their context"
                    + " class loader: " + liveThreads().stream()
                            .filter(t -> System.identityHashCode(t.getContextClassLoader()) == loaderId)
                            .map(t -> t.getName() + " " + t.getState()).toList() + "; all threads: "
                    + liveThreads().stream().map(Thread::getName).sorted().toList(), e);
        }
    }

    @Test
    void aRestartedActorKeepsItsServicesAndTheSameServiceObjectKeepsWorking() throws Exception {
        ServiceReference<?> reference = single(osgi.services(RESTARTABLE, "(jykka.actor.name=phoenix)"));
        Object serviceId = reference.getProperty("service.id");
        List<ServiceEvent> goneEvents = new CopyOnWriteArrayList<>();
        osgi.context().addServiceListener(event -> {
            if (event.getType() != ServiceEvent.REGISTERED) {
                goneEvents.add(event);
            }
        }, "(jykka.actor.name=phoenix)");
        Object phoenix = osgi.context().getService(reference);
        try {
            assertEquals(1, invoke(phoenix, "instance"));

            invoke(phoenix, "crash");

            assertEquals(2, invoke(phoenix, "instance"), "the call waits for the fresh instance");
            invoke(phoenix, "crash");
            assertEquals(3, invoke(phoenix, "instance"));
            ServiceReference<?> after = single(osgi.services(RESTARTABLE, "(jykka.actor.name=phoenix)"));
            assertEquals(serviceId, after.getProperty("service.id"));
            assertSame(phoenix, osgi.context().getService(after));
            osgi.context().ungetService(after);
            assertEquals(1, osgi.actorServices("(jykka.actor.name=phoenix)").size());
            assertEquals(List.of(), goneEvents, "no consumer saw the service change or go");
        } finally {
            osgi.context().ungetService(reference);
        }
    }

    @Test
    void anActorWhosePolicyGivesUpIsLoggedWithItsBundleAndLosesItsServicesAtOnce() throws Exception {
        ServiceReference<?> reference = single(osgi.services(RESTARTABLE, "(jykka.actor.name=quitter)"));

        osgi.call(reference, RESTARTABLE, "crash");
        osgi.call(reference, RESTARTABLE, "crash");

        awaitEquals(List.of(), () -> osgi.services(null, "(jykka.actor.name=quitter)"));
        List<String> lines = log.atLeast(Level.SEVERE).stream().filter(m -> m.contains("Quitter")).toList();
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("bundle " + SUPERVISED + " ") && lines.get(0).startsWith("Actor quitter (")
                && lines.get(0).contains(SUPERVISED + ".Quitter")
                && lines.get(0).contains("Quitter crashes on purpose (instance 2)"), lines.get(0));
        assertEquals(List.of("parent", "phoenix"), osgi.actorNames());
    }

    @Test
    void anActorThatStopsItselfIsLoggedWithItsBundleAndLosesItsServicesAtOnce() throws Exception {
        osgi.call(single(osgi.actorServices("(jykka.actor.name=quitter)")), OsgiFramework.ACTOR_REF, "tell", "quit");

        awaitEquals(List.of(), () -> osgi.services(null, "(jykka.actor.name=quitter)"));
        assertTrue(log.atLeast(Level.WARNING).stream().anyMatch(m -> m.contains("bundle " + SUPERVISED + " ")
                && m.startsWith("Actor quitter (") && m.contains("was stopped while its bundle runs")), log.atLeast(Level.WARNING).toString());
    }

    @Test
    void aMalformedRestartPolicyIsOneErrorLineNamingBundleClassAndParameterAndOnlyThatActorDoesNotStart() {
        List<String> lines = log.atLeast(Level.SEVERE).stream().filter(m -> m.contains("BadPolicy")).toList();

        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("bundle " + SUPERVISED + " ") && lines.get(0).contains(SUPERVISED + ".BadPolicy")
                && lines.get(0).contains("within=soon"), lines.get(0));
        assertEquals(List.of("parent", "phoenix", "quitter"), osgi.actorNames());
    }

    /** Calls a no-argument method of a service object through the exported interface. */
    private Object invoke(Object service, String method) throws Exception {
        Method found = osgi.exported(RESTARTABLE).getMethod(method);
        return found.invoke(service);
    }

    private static ServiceReference<?> single(List<ServiceReference<?>> references) {
        assertEquals(1, references.size(), references.toString());
        return references.get(0);
    }
}
