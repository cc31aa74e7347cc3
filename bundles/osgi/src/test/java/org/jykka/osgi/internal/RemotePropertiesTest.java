package org.jykka.osgi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jykka.Restart;
import org.junit.jupiter.api.Test;

class RemotePropertiesTest {
    private static final ActorDeclaration PLAIN = new ActorDeclaration("com.example.A", Optional.empty(),
            List.of("com.example.X"));
    private static final ActorDeclaration EXPORTED = new ActorDeclaration("com.example.A", Optional.empty(),
            List.of("com.example.X"), Optional.empty(), Restart.never(), true);

    @Test
    void anActorThatIsNotExportedGetsNoRemoteProperties() {
        assertEquals(Map.of(), PluginActors.remoteProperties(PLAIN, null));
        assertEquals(Map.of(), PluginActors.remoteProperties(PLAIN, Map.of("greeting", "hello")));
    }

    @Test
    void exportedTrueExportsEachTypedServiceUnderItsOwnInterface() {
        Map<String, Object> remote = PluginActors.remoteProperties(EXPORTED, null);
        Hashtable<String, Object> actor = new Hashtable<>(Map.of("jykka.actor.name", "a"));

        var typed = PublishedActor.typed(actor, remote, "com.example.X");

        assertEquals("com.example.X", typed.get("service.exported.interfaces"));
        assertEquals("a", typed.get("jykka.actor.name"));
        assertEquals(null, actor.get("service.exported.interfaces"), "the ActorRef service's properties are untouched");
    }

    @Test
    void aConfigurationExportsByItsServiceExportedProperties() {
        Map<String, Object> remote = PluginActors.remoteProperties(PLAIN, Map.of("service.exported.interfaces", "*",
                "service.exported.configs", "aries.fastbin", "greeting", "hello"));

        var typed = PublishedActor.typed(new Hashtable<>(), remote, "com.example.X");

        assertEquals("com.example.X", typed.get("service.exported.interfaces"));
        assertEquals("aries.fastbin", typed.get("service.exported.configs"));
        assertEquals(null, typed.get("greeting"), "only service.exported.* properties");
    }
}
