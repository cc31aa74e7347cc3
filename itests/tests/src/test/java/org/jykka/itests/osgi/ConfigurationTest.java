package org.jykka.itests.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * Configured actors: a declaration with a factory PID starts one instance per factory configuration
 * (Felix ConfigAdmin, driven through its service as FileInstall drives it), restarts it when its
 * configuration changes and stops it when the configuration goes.
 */
class ConfigurationTest extends FrameworkTest {
    private static final String GREETING = "org.jykka.itests.greeting";
    private static final String SETTINGS = "org.jykka.itests.settings";

    private Configurations configurations;

    private void startPlugin() throws Exception {
        osgi.startConfigAdmin();
        osgi.startJykka();
        osgi.start("jykka-itests-api");
        osgi.start("jykka-itests-plugin-configured");
        configurations = new Configurations(osgi);
    }

    @Test
    void eachFactoryConfigurationStartsOneInstanceWithItsTypedProperties() throws Exception {
        startPlugin();

        configurations.put(GREETING, "english", Map.of("text", "Hello"));
        configurations.put(GREETING, "french", Map.of("text", "Bonjour", "times", "2"));

        awaitEquals(List.of("greeting-english", "greeting-french"), osgi::actorNames);
        assertEquals("Hello", osgi.ask(actor("greeting-english"), "?"));
        assertEquals("Bonjour Bonjour", osgi.ask(actor("greeting-french"), "?"));
    }

    @Test
    void noInstanceStartsBeforeThereIsAConfiguration() throws Exception {
        startPlugin();

        assertEquals(List.of(), osgi.actorNames());
    }

    @Test
    void aMapConstructorReceivesEveryPropertyAsConfigured() throws Exception {
        startPlugin();

        configurations.put(SETTINGS, "main", Map.of("colour", "red", "size", 3));

        awaitEquals(List.of("SettingsActor-main"), osgi::actorNames);
        assertEquals("red", osgi.ask(actor("SettingsActor-main"), "colour"));
        assertEquals("3", osgi.ask(actor("SettingsActor-main"), "size"));
    }

    @Test
    void aConfiguredInstanceWithARestartPolicyIsRebuiltWithItsConfigurationUnderTheSameServices() throws Exception {
        startPlugin();
        configurations.put(SETTINGS, "main", Map.of("colour", "red"));
        awaitEquals(List.of("SettingsActor-main"), osgi::actorNames);
        ServiceReference<?> before = actor("SettingsActor-main");
        Object firstInstance = osgi.ask(before, "instance");

        osgi.call(before, OsgiFramework.ACTOR_REF, "tell", "crash");

        assertNotEquals(firstInstance, osgi.ask(before, "instance"), "a fresh instance answers");
        assertEquals("red", osgi.ask(before, "colour"));
        ServiceReference<?> after = actor("SettingsActor-main");
        assertEquals(before.getProperty("service.id"), after.getProperty("service.id"));
        assertEquals(before.getProperty("jykka.actor.urn"), after.getProperty("jykka.actor.urn"));
    }

    @Test
    void anActorAConfiguredInstanceStartedStopsWithThePlugin() throws Exception {
        startPlugin();
        configurations.put(SETTINGS, "main", Map.of("colour", "red"));
        awaitEquals(List.of("SettingsActor-main"), osgi::actorNames);
        Object helper = osgi.ask(actor("SettingsActor-main"), "spawn");
        assertTrue(osgi.registryUrns().contains(helper), osgi.registryUrns().toString());

        osgi.bundle("org.jykka.itests.configured").stop();

        assertEquals(List.of(), osgi.registryUrns());
        awaitEquals(List.of(), () -> actorThreads("SettingsActor", "SettingsHelper"));
    }

    @Test
    void aChangedConfigurationRestartsItsInstanceWithTheNewProperties() throws Exception {
        startPlugin();
        configurations.put(GREETING, "english", Map.of("text", "Hello"));
        awaitEquals(List.of("start greeting Hello"), osgi::events);
        Object firstUrn = actor("greeting-english").getProperty("jykka.actor.urn");

        configurations.put(GREETING, "english", Map.of("text", "Hi"));

        awaitEquals(List.of("start greeting Hello", "stop greeting Hello", "start greeting Hi"), osgi::events);
        assertEquals("Hi", osgi.ask(actor("greeting-english"), "?"));
        assertNotEquals(firstUrn, actor("greeting-english").getProperty("jykka.actor.urn"));
    }

    @Test
    void aDeletedConfigurationStopsItsInstanceAndOnlyThatOne() throws Exception {
        startPlugin();
        configurations.put(GREETING, "english", Map.of("text", "Hello"));
        configurations.put(GREETING, "french", Map.of("text", "Bonjour"));
        awaitEquals(List.of("greeting-english", "greeting-french"), osgi::actorNames);

        configurations.delete(GREETING, "french");

        awaitEquals(List.of("greeting-english"), osgi::actorNames);
        assertTrue(osgi.events().contains("stop greeting Bonjour"), osgi.events().toString());
        assertEquals("Hello", osgi.ask(actor("greeting-english"), "?"));
    }

    @Test
    void aBadValueIsOneErrorLineAndLeavesTheOtherInstancesUntouched() throws Exception {
        startPlugin();
        configurations.put(GREETING, "english", Map.of("text", "Hello"));
        awaitEquals(List.of("greeting-english"), osgi::actorNames);
        Object urn = actor("greeting-english").getProperty("jykka.actor.urn");

        configurations.put(GREETING, "broken", Map.of("text", "Oops", "times", "many"));

        awaitEquals(1, () -> errorsAbout("broken").size());
        String error = errorsAbout("broken").get(0);
        assertTrue(error.contains("'times'") && error.contains("many") && error.contains("org.jykka.itests.configured"), error);
        assertEquals(List.of("greeting-english"), osgi.actorNames());
        assertEquals(urn, actor("greeting-english").getProperty("jykka.actor.urn"));
    }

    @Test
    void aBadValueInAChangedConfigurationKeepsThePreviousInstanceRunning() throws Exception {
        startPlugin();
        configurations.put(GREETING, "english", Map.of("text", "Hello"));
        awaitEquals(List.of("greeting-english"), osgi::actorNames);

        configurations.put(GREETING, "english", Map.of("text", "Hi", "times", "0.5"));

        awaitEquals(1, () -> errorsAbout("english").size());
        assertTrue(errorsAbout("english").get(0).contains("previous configuration"), errorsAbout("english").get(0));
        assertEquals("Hello", osgi.ask(actor("greeting-english"), "?"));
    }

    @Test
    void stoppingThePluginStopsEveryConfiguredInstance() throws Exception {
        startPlugin();
        configurations.put(GREETING, "english", Map.of("text", "Hello"));
        configurations.put(SETTINGS, "main", Map.of("colour", "red"));
        awaitEquals(List.of("SettingsActor-main", "greeting-english"), osgi::actorNames);

        osgi.bundle("org.jykka.itests.configured").stop();

        assertEquals(List.of(), osgi.actorNames());
        assertEquals(List.of(), osgi.registryUrns());
        assertTrue(osgi.events().contains("stop greeting Hello"), osgi.events().toString());
    }

    @Test
    void withoutConfigurationAdminAFactoryPidIsOneClearLineAndThePluginStillStarts() throws Exception {
        osgi.startJykka();
        osgi.start("jykka-itests-api");

        Bundle plugin = osgi.start("jykka-itests-plugin-configured");

        assertEquals(Bundle.ACTIVE, plugin.getState());
        assertEquals(List.of(), osgi.actorNames());
        for (String pid : List.of(GREETING, SETTINGS)) {
            List<String> lines = log.atLeast(Level.WARNING).stream().filter(m -> m.contains(pid)).toList();
            assertEquals(1, lines.size(), lines.toString());
            assertTrue(lines.get(0).contains("Configuration Admin") && lines.get(0).contains("org.jykka.itests.configured"),
                    lines.get(0));
        }
    }

    private List<String> errorsAbout(String configurationName) {
        return log.atLeast(Level.SEVERE).stream().filter(m -> m.contains(GREETING + "~" + configurationName)).toList();
    }

    private ServiceReference<?> actor(String name) {
        List<ServiceReference<?>> found = osgi.actorServices("(jykka.actor.name=" + name + ")");
        assertEquals(1, found.size(), name + ": " + found);
        return found.get(0);
    }
}
