package org.jykka.itests.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

/** Issue 3, point 1: actors are declared with @PluginActor (bnd writes the header) or by hand. */
class DeclarationTest extends FrameworkTest {

    @Test
    void bndTurnsEachAnnotatedClassIntoAClauseOfTheHeader() throws Exception {
        Bundle plugin = osgi.install("jykka-itests-plugin-annotated");

        assertEquals("org.jykka.itests.annotated.CounterActor;name=counter;services:List<String>=\"org.jykka.itests.api.Counter\";exported=true,"
                + "org.jykka.itests.annotated.EchoActor", plugin.getHeaders("").get("Jykka-Actors"));
    }

    @Test
    void bndWritesTheHeaderForASingleAnnotatedClassWithDefaults() throws Exception {
        Bundle plugin = osgi.install("jykka-itests-plugin-lazy");

        assertEquals("org.jykka.itests.lazy.LazyActor", plugin.getHeaders("").get("Jykka-Actors"));
    }

    @Test
    void bndAddsTheExtenderRequirementForTheAnnotation() throws Exception {
        Bundle plugin = osgi.install("jykka-itests-plugin-annotated");

        String requirements = plugin.getHeaders("").get("Require-Capability");
        assertTrue(requirements.contains("osgi.extender;filter:=\"(&(osgi.extender=org.jykka)(version>=0.1.0)(!(version>=1.0.0)))\""),
                requirements);
    }

    @Test
    void annotatedActorsStartWithTheirPlugin() throws Exception {
        osgi.startJykka();
        osgi.start("jykka-itests-api");

        osgi.start("jykka-itests-plugin-annotated");

        assertEquals(List.of("EchoActor", "counter"), osgi.actorNames());
        awaitEquals(List.of("start EchoActor", "start counter"), () -> osgi.events().stream().sorted().toList());
    }

    @Test
    void aHandWrittenHeaderStartsItsActorsAsTheAnnotationDoes() throws Exception {
        osgi.startJykka();
        osgi.start("jykka-itests-api");

        osgi.start("jykka-itests-plugin-manual");

        assertEquals(List.of("manual-counter"), osgi.actorNames());
        var counter = osgi.services(OsgiFramework.COUNTER, "(jykka.actor.name=manual-counter)");
        assertEquals(1, counter.size());
        assertEquals(1, osgi.call(counter.get(0), OsgiFramework.COUNTER, "increment"));
    }

    @Test
    void bndImportsThePackageOfAServiceInterfaceThatOnlyTheAnnotationNames() throws Exception {
        Bundle plugin = osgi.install("jykka-itests-plugin-imported");

        String imports = plugin.getHeaders("").get("Import-Package");
        assertTrue(imports.contains("org.jykka.itests.api;"), imports);
    }

    @Test
    void anActorIsPublishedUnderAnInterfaceFromAnotherBundleThatOnlyTheAnnotationNames() throws Exception {
        osgi.startJykka();
        osgi.start("jykka-itests-api");

        osgi.start("jykka-itests-plugin-imported");

        var counter = osgi.services(OsgiFramework.COUNTER, "(jykka.actor.name=tally)");
        assertEquals(1, counter.size(), log.atLeast(java.util.logging.Level.WARNING).toString());
        assertEquals(1, osgi.call(counter.get(0), OsgiFramework.COUNTER, "increment"));
        assertEquals(2, osgi.call(counter.get(0), OsgiFramework.COUNTER, "increment"));
    }
}
