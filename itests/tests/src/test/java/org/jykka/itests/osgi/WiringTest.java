package org.jykka.itests.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Issue 3, point 2: the extender's capability, which plugins it extends (those wired to it), lazy
 * activation, and the synchronous stop in reverse order.
 */
class WiringTest extends FrameworkTest {

    @Test
    void extenderProvidesTheOsgiExtenderCapabilityOrgJykka() throws Exception {
        Bundle extender = osgi.startJykka();

        List<BundleCapability> capabilities = extender.adapt(BundleWiring.class).getCapabilities("osgi.extender");
        assertEquals(1, capabilities.size());
        assertEquals("org.jykka", capabilities.get(0).getAttributes().get("osgi.extender"));
        assertEquals(new Version("0.1.0"), capabilities.get(0).getAttributes().get("version"));
    }

    @Test
    void aPluginsExtenderRequirementIsWiredToTheExtender() throws Exception {
        Bundle extender = osgi.startJykka();
        osgi.start("jykka-itests-api");

        Bundle plugin = osgi.start("jykka-itests-plugin-annotated");

        List<BundleWire> wires = plugin.adapt(BundleWiring.class).getRequiredWires("osgi.extender");
        assertEquals(1, wires.size());
        assertEquals(extender, wires.get(0).getProvider().getBundle());
    }

    @Test
    void aPluginDoesNotResolveWhereNoExtenderIs() throws Exception {
        for (String core : OsgiFramework.CORE) {
            osgi.start(core);
        }
        osgi.start("jykka-itests-api");
        Bundle plugin = osgi.install("jykka-itests-plugin-annotated");

        assertFalse(osgi.framework().adapt(FrameworkWiring.class).resolveBundles(List.of(plugin)));
        assertEquals(Bundle.INSTALLED, plugin.getState());
    }

    @Test
    void aHeaderWithoutTheExtenderRequirementIsLeftAloneWithAWarning() throws Exception {
        osgi.startJykka();

        Bundle plugin = osgi.start("jykka-itests-plugin-unwired");

        assertEquals(Bundle.ACTIVE, plugin.getState());
        assertEquals(List.of(), osgi.actorNames());
        assertTrue(log.atLeast(Level.WARNING).stream().anyMatch(m -> m.contains("org.jykka.itests.unwired")
                && m.contains("Require-Capability")), log.atLeast(Level.WARNING).toString());
    }

    @Test
    void withTwoExtendersOnlyTheOneThePluginIsWiredToStartsItsActors() throws Exception {
        Bundle first = osgi.startJykka();
        Bundle second = osgi.start(OsgiFramework.EXTENDER);
        osgi.start("jykka-itests-api");

        Bundle plugin = osgi.start("jykka-itests-plugin-annotated");

        assertEquals(List.of("EchoActor", "counter"), osgi.actorNames());
        Bundle wiredTo = plugin.adapt(BundleWiring.class).getRequiredWires("osgi.extender").get(0).getProvider().getBundle();
        Bundle other = wiredTo.equals(first) ? second : first;
        other.stop();
        assertEquals(List.of("EchoActor", "counter"), osgi.actorNames(), "the other extender stopped actors it never started");
        wiredTo.stop();
        assertEquals(List.of(), osgi.actorNames());
    }

    @Test
    void aLazyPluginsActorsStartWhileItIsStarting() throws Exception {
        osgi.startJykka();
        Bundle plugin = osgi.install("jykka-itests-plugin-lazy");

        plugin.start(Bundle.START_ACTIVATION_POLICY);

        assertEquals(List.of("LazyActor"), osgi.actorNames());
    }

    @Test
    void stoppingAPluginStopsItsActorsInReverseStartOrderBeforeStopReturns() throws Exception {
        osgi.startJykka();
        osgi.start("jykka-itests-api");
        Bundle plugin = osgi.start("jykka-itests-plugin-annotated");
        awaitEquals(2, () -> osgi.events().size());

        plugin.stop();

        assertEquals(List.of("stop EchoActor", "stop counter"), osgi.events().subList(2, osgi.events().size()));
        assertEquals(List.of(), osgi.actorNames());
        assertEquals(List.of(), osgi.registryUrns());
    }
}
