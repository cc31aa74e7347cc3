package org.jykka.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jykka.testremote.api.Counter;
import org.jykka.testremote.exporter.CounterActor;
import org.jykka.testremote.importer.Caller;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two containers, two JVMs, on one machine: the exporter (Felix) runs {@code counter}, a plugin actor
 * whose {@link Counter} service is exported ({@code exported=true}); the importer (Equinox) reads the
 * exporter's endpoint directory and runs {@code caller}, a plugin actor that calls the imported
 * {@code Counter} when asked from the importer's console. The last tests kill the exporter and start
 * it again (on Equinox), so the order is fixed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RemoteServicesIT {
    private static final String API = "org.jykka.testremote.api";

    private Path exporterHome;
    private int exporterPort;
    private int exporterDirectory;
    private ContainerProcess exporter;
    private ContainerProcess importer;

    @BeforeAll
    void bootBoth(@TempDir Path temp) throws Exception {
        exporterPort = freePort();
        exporterDirectory = freePort();
        Path importerHome = ContainerProcess.copyDistribution(temp.resolve("importer"));
        exporterHome = ContainerProcess.copyDistribution(temp.resolve("exporter"));
        for (Path home : List.of(importerHome, exporterHome)) {
            Files.write(home.resolve("deploy/api.jar"), TestPlugins.bundle("test.remote.api",
                    Map.of("Export-Package", API + ";version=\"1.0.0\""),
                    Counter.class, org.jykka.testremote.api.Point.class, org.jykka.testremote.api.Secret.class));
        }
        Files.write(exporterHome.resolve("deploy/counter.jar"), TestPlugins.bundle("test.remote.counter", Map.of(
                "Import-Package", API + ",org.jykka;version=\"[0.1,1)\",org.jykka.threading;version=\"[0.1,1)\"",
                "Jykka-Actors", CounterActor.class.getName() + ";name=counter;services:List<String>=\""
                        + Counter.class.getName() + "\";exported=true;maxRestarts=3;within=PT10S",
                "Require-Capability", "osgi.extender;filter:=\"(&(osgi.extender=org.jykka)(version>=0.1.0))\""),
                CounterActor.class));
        Files.write(importerHome.resolve("deploy/caller.jar"), TestPlugins.bundle("test.remote.caller", Map.of(
                "Import-Package", API + ",org.jykka;version=\"[0.1,1)\",org.jykka.threading;version=\"[0.1,1)\","
                        + "org.jykka.proxy;version=\"[0.1,1)\",org.osgi.framework,org.osgi.util.tracker",
                "Jykka-Actors", Caller.class.getName() + ";name=caller",
                "Require-Capability", "osgi.extender;filter:=\"(&(osgi.extender=org.jykka)(version>=0.1.0))\""),
                Caller.class, org.jykka.testremote.importer.CallTimes.class, CounterActor.class));
        importer = ContainerProcess.start(importerHome, options(freePort(), freePort(), "127.0.0.1:" + exporterDirectory),
                "--framework", "equinox");
        importer.await("Remote services on tcp://127\\.0\\.0\\.1:\\d+");
        exporter = startExporter("felix");
        assertEquals("imported", ask("await"), () -> "importer:\n" + importer.output() + "\nexporter:\n" + exporter.output());
    }

    @AfterAll
    void stopBoth() {
        for (ContainerProcess container : new ContainerProcess[] {exporter, importer}) {
            if (container != null) {
                container.close();
            }
        }
    }

    /**
     * Not a test: the figures of docs/remote.md, printed, when {@code -Djykka.remote.bench=true}
     * (run {@code mvn verify -pl runtime-distribution -am -Dit.test=RemoteServicesIT -Djykka.remote.bench=true}).
     */
    @Test
    @Order(0)
    @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "jykka.remote.bench", matches = "true")
    void callTimes() throws Exception {
        int mark = importer.mark();
        importer.type("jykka:ask caller bench 300s");
        System.out.println("CALL TIMES " + importer.await(mark, "RESULT bench (.*)$").match().group(1));
    }

    private ContainerProcess startExporter(String framework) throws IOException {
        ContainerProcess started = ContainerProcess.start(exporterHome, options(exporterPort, exporterDirectory, ""),
                "--framework", framework, "--no-shell");
        started.await("Remote services on tcp://127\\.0\\.0\\.1:" + exporterPort);
        return started;
    }

    /** JAVA_OPTS that turn remote services on at {@code port}, importing from {@code peers}. */
    private static Map<String, String> options(int port, int directory, String peers) {
        // A call timeout longer than any wait here: a call that fails within the wait did not time out.
        return Map.of("JAVA_OPTS", "-Djykka.rsa.port=" + port + " -Djykka.rsa.directory.port=" + directory
                + " -Djykka.rsa.peers=" + peers + " -Djykka.rsa.poll=500 -Djykka.rsa.call.timeout=120000"
                + " -Djykka.remote.port=off");
    }

    /** Asks the importer's caller to run {@code command} and returns its outcome. */
    private String ask(String command) throws IOException {
        int mark = importer.mark();
        importer.type("jykka:ask caller " + command + " 40s");
        return importer.await(mark, "RESULT " + command + " (.*)$").match().group(1);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
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
        int mark = exporter.mark();
        assertEquals("sent", ask("crash"));
        exporter.await(mark, "CounterActor.*(restart|Restart)");
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
        int mark = exporter.mark();
        String outcome = ask("secret");
        assertTrue(outcome.contains("org.jykka.remote refused to deserialise: " + API + ".Secret is not a type of any"
                + " exported or imported interface's methods"), outcome);
        exporter.await(mark, "A remote call carried a " + API + ".Secret");
        assertEquals("5", ask("add"));
    }

    @Test
    @Order(9)
    void theProviderListensOnTheLoopbackInterfaceOnly() throws Exception {
        try (Socket loopback = new Socket()) {
            loopback.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), exporterPort), 5000);
        }
        Optional<InetAddress> external = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(nic -> Collections.list(nic.getInetAddresses()).stream())
                .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress()).findFirst();
        org.junit.jupiter.api.Assumptions.assumeTrue(external.isPresent(), "this machine has no other address");
        try (Socket other = new Socket()) {
            other.connect(new InetSocketAddress(external.get(), exporterPort), 5000);
            throw new AssertionError("the provider accepted a connection on " + external.get());
        } catch (IOException refused) {
            // as it should
        }
    }

    @Test
    @Order(10)
    void whenTheExporterIsKilledCallsFailAtOnceAndTheImportGoesThenComesBackWithIt() throws Exception {
        exporter.kill();
        String outcome = ask("add");
        assertTrue(outcome.startsWith("failed: ") || outcome.equals("none"), outcome);
        assertFalse(outcome.contains("Timeout"), outcome);
        assertEquals("gone", ask("gone"));
        assertEquals("none", ask("add"));
        exporter = startExporter("equinox");
        assertEquals("imported", ask("await"));
        assertEquals("5", ask("add"));
    }
}
