package org.jykka.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RemoteSettingsTest {

    private static Optional<RemoteSettings> settings(Map<String, String> properties) {
        return RemoteSettings.from(properties::get);
    }

    @Test
    void remoteServicesAreOffUnlessAPortIsSet() {
        assertTrue(settings(Map.of()).isEmpty());
        assertTrue(settings(Map.of(RemoteSettings.PORT, "off")).isEmpty());
        assertTrue(settings(Map.of(RemoteSettings.PORT, " ")).isEmpty());
    }

    @Test
    void aPortAloneListensOnTheLoopbackInterfaceWithTheDirectoryOnTheNextPort() {
        RemoteSettings remote = settings(Map.of(RemoteSettings.PORT, "2543")).orElseThrow();

        assertEquals("127.0.0.1", remote.host());
        assertEquals(2544, remote.directoryPort());
        assertEquals(List.of(), remote.peers());
        assertEquals("tcp://127.0.0.1:2543", remote.fastbin().get("uri"));
        assertEquals("127.0.0.1", remote.fastbin().get("exportedAddress"));
    }

    @Test
    void badValuesAreRefusedNamingTheProperty() {
        var e = assertThrows(IllegalArgumentException.class, () -> settings(Map.of(RemoteSettings.PORT, "eighty")));
        assertTrue(e.getMessage().startsWith("jykka.rsa.port=eighty"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> settings(Map.of(RemoteSettings.PORT, "2543", RemoteSettings.PEERS, "a:1, nowhere")));
        assertTrue(e.getMessage().contains("'nowhere'"), e.getMessage());
    }
}
