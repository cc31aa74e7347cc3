package org.jykka.itests.osgi;

import org.jykka.osgi.PluginActor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * Issue 3, point 3: each actor is an ActorRef service, and a typed proxy under each declared
 * interface, registered by the plugin itself; a Declarative Services component in another bundle
 * uses it, and its calls run inside the actor.
 */
class ServicesTest extends FrameworkTest {
    private Bundle plugin;

    @BeforeEach
    void startPlugin() throws Exception {
        osgi.startJykka();
        osgi.start("jykka-itests-api");
        plugin = osgi.start("jykka-itests-plugin-annotated");
    }

    @Test
    void eachActorIsAnActorRefServiceWithUrnClassAndName() throws Exception {
        ServiceReference<?> counter = single(osgi.actorServices("(jykka.actor.name=counter)"));

        assertEquals("org.jykka.itests.annotated.CounterActor", counter.getProperty(PluginActor.CLASS_PROPERTY));
        assertEquals(osgi.call(counter, OsgiFramework.ACTOR_REF, "urn"), counter.getProperty(PluginActor.URN_PROPERTY));
        assertTrue(((String) counter.getProperty(PluginActor.URN_PROPERTY)).startsWith("urn:uuid:"));
    }

    @Test
    void theNameDefaultsToTheClassesSimpleName() {
        ServiceReference<?> echo = single(osgi.actorServices("(jykka.actor.class=org.jykka.itests.annotated.EchoActor)"));

        assertEquals("EchoActor", echo.getProperty(PluginActor.NAME_PROPERTY));
    }

    @Test
    void servicesAreRegisteredByThePluginBundleItself() {
        for (ServiceReference<?> reference : osgi.services(null, "(jykka.actor.urn=*)")) {
            assertEquals(plugin, reference.getBundle(), reference.toString());
        }
        assertEquals(3, osgi.services(null, "(jykka.actor.urn=*)").size(), "two ActorRefs and one Counter");
    }

    @Test
    void exportedTrueExportsTheTypedServiceUnderItsInterfaceAndNeverTheActorRef() {
        ServiceReference<?> counter = single(osgi.services("org.jykka.itests.api.Counter", "(jykka.actor.name=counter)"));
        ServiceReference<?> ref = single(osgi.actorServices("(jykka.actor.name=counter)"));

        assertEquals("org.jykka.itests.api.Counter", counter.getProperty("service.exported.interfaces"));
        assertEquals(null, ref.getProperty("service.exported.interfaces"));
        assertEquals(null, single(osgi.actorServices("(jykka.actor.name=EchoActor)")).getProperty("service.exported.interfaces"));
    }

    @Test
    void theActorRefServiceAnswersAsks() throws Exception {
        ServiceReference<?> echo = single(osgi.actorServices("(jykka.actor.name=EchoActor)"));

        assertEquals("hello", osgi.ask(echo, "hello"));
    }

    @Test
    void aDeclaredInterfaceIsATypedProxyWithTheActorsProperties() throws Exception {
        ServiceReference<?> ref = single(osgi.actorServices("(jykka.actor.name=counter)"));
        ServiceReference<?> counter = single(osgi.services(OsgiFramework.COUNTER, null));

        assertEquals(ref.getProperty(PluginActor.URN_PROPERTY), counter.getProperty(PluginActor.URN_PROPERTY));
        assertEquals(1, osgi.call(counter, OsgiFramework.COUNTER, "increment"));
        assertEquals(2, osgi.call(counter, OsgiFramework.COUNTER, "increment"));
        String actorThread = (String) osgi.call(counter, OsgiFramework.COUNTER, "threadName");
        assertTrue(actorThread.startsWith("CounterActor-"), actorThread);
        assertNotEquals(Thread.currentThread().getName(), actorThread);
    }

    @Test
    void aDeclarativeServicesComponentInAnotherBundleCallsTheActorThroughItsInterface() throws Exception {
        osgi.startScr();
        osgi.start("jykka-itests-ds-consumer");
        awaitEquals(1, () -> osgi.services(Callable.class.getName(), "(itest=ds-client)").size());
        ServiceReference<?> client = single(osgi.services(Callable.class.getName(), "(itest=ds-client)"));
        @SuppressWarnings("unchecked")
        Callable<String> component = (Callable<String>) osgi.context().getService(client);
        try {
            String[] first = component.call().split("@");
            String[] second = component.call().split("@");

            assertEquals("1", first[0]);
            assertEquals("2", second[0]);
            assertTrue(first[1].startsWith("CounterActor-"), "ran on " + first[1]);
            assertEquals(Thread.currentThread().getName(), first[2], "the component itself runs in the caller");
        } finally {
            osgi.context().ungetService(client);
        }
    }

    private static ServiceReference<?> single(List<ServiceReference<?>> references) {
        assertEquals(1, references.size(), references.toString());
        return references.get(0);
    }
}
