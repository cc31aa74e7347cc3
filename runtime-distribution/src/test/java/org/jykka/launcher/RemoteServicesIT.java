package org.jykka.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Optional;
import org.jykka.testremote.api.Counter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remote services between two containers in two JVMs ({@link RemotePair}: the exporter on Felix, the
 * importer on Equinox), each call made by the importer's {@code caller} on the imported
 * {@link Counter}. The last test kills the exporter and starts
 * it again (on Equinox), so the order is fixed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RemoteServicesIT {
    private static final String API = RemotePair.API;

    private RemotePair pair;

    @BeforeAll
    void bootBoth(@TempDir Path temp) throws Exception {
        pair = RemotePair.start(temp);
    }

    @AfterAll
    void stopBoth() {
        if (pair != null) {
            pair.close();
        }
    }

    private String ask(String command) throws IOException {
        return pair.ask(command);
    }

    @Test
    @Order(1)
    void aSynchronousCallReturnsTheRemoteActorsAnswer() throws Exception {
        assertEquals("5", ask("add"));
    }

    @Test
    @Order(2)
    void voidCallsRunInTheRemoteActorInOrder() throws Exception {
        assertEquals("[one, two]", ask("record"));
    }

    @Test
    @Order(3)
    void aCompletableFutureResultStaysAsynchronousAndCarriesAValueType() throws Exception {
        assertTrue(ask("move").endsWith("Point[x=11, y=2]"));
    }

    @Test
    @Order(4)
    void aValueTypeOfTheInterfaceCrossesAsAnArgument() throws Exception {
        assertEquals("got Point[x=7, y=8]", ask("point"));
    }

    @Test
    @Order(5)
    void aFailureInTheRemoteActorReachesTheCallerAndTheActorRunsOn() throws Exception {
        assertEquals("failed: java.lang.IllegalStateException: bad input", ask("fail"));
        assertEquals("5", ask("add"));
    }

    @Test
    @Order(6)
    void aRemoteActorThatFailsWhereNobodyWaitsIsRestartedByItsPolicy() throws Exception {
        int before = Integer.parseInt(ask("starts"));
        int mark = pair.exporter().mark();
        assertEquals("sent", ask("crash"));
        pair.exporter().await(mark, "CounterActor.*(restart|Restart)");
        assertEquals(before + 1, Integer.parseInt(ask("starts")));
        assertEquals("5", ask("add"));
    }

    @Test
    @Order(7)
    void anArgumentThatCannotBeSerialisedIsRefusedAtTheCaller() throws Exception {
        String outcome = ask("unsupported");
        assertTrue(outcome.startsWith("failed: ") && outcome.contains("java.io.NotSerializableException: java.lang.Object"),
                outcome);
    }

    @Test
    @Order(8)
    void aClassThatIsNoTypeOfTheExportedInterfaceIsNotDeserialised() throws Exception {
        int mark = pair.exporter().mark();
        String outcome = ask("secret");
        assertTrue(outcome.contains("org.jykka.remote refused to deserialise: " + API + ".Secret is not a type of any"
                + " exported or imported interface's methods"), outcome);
        pair.exporter().await(mark, "A remote call carried a " + API + ".Secret");
        assertEquals("5", ask("add"));
    }

    @Test
    @Order(8)
    void aCompletionStageResultCannotCrossAndItsExportSaysSo() throws Exception {
        pair.exporter().await("Counter\\.later returns java\\.util\\.concurrent\\.CompletionStage, which cannot cross");
        String outcome = ask("stage");
        assertTrue(outcome.startsWith("failed: ") && outcome.contains("NotSerializableException"), outcome);
        assertEquals("5", ask("add"));
    }

    @Test
    @Order(9)
    void theProviderListensOnTheLoopbackInterfaceOnly() throws Exception {
        try (Socket loopback = new Socket()) {
            loopback.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), pair.exporterPort()), 5000);
        }
        Optional<InetAddress> external = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(nic -> Collections.list(nic.getInetAddresses()).stream())
                .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress()).findFirst();
        org.junit.jupiter.api.Assumptions.assumeTrue(external.isPresent(), "this machine has no other address");
        try (Socket other = new Socket()) {
            other.connect(new InetSocketAddress(external.get(), pair.exporterPort()), 5000);
            throw new AssertionError("the provider accepted a connection on " + external.get());
        } catch (IOException refused) {
            // as it should
        }
    }

    @Test
    @Order(10)
    void whenTheExporterIsKilledCallsFailAtOnceAndTheImportGoesThenComesBackWithIt() throws Exception {
        pair.exporter().kill();
        // Within a poll interval (2 s) of the kill, the import is still there: the call must fail, at once.
        String outcome = ask("add");
        System.out.println("A call to the killed exporter: " + outcome);
        assertTrue(outcome.startsWith("failed: org.osgi.framework.ServiceException"), outcome);
        assertFalse(outcome.toLowerCase(java.util.Locale.ROOT).contains("timeout"), outcome);
        assertEquals("gone", ask("gone"));
        assertEquals("none", ask("add"));
        pair.restartExporter("equinox");
        assertEquals("imported", ask("await"));
        assertEquals("5", ask("add"));
    }
}
