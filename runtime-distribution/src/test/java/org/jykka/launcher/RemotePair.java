package org.jykka.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jykka.testremote.api.Counter;
import org.jykka.testremote.api.Point;
import org.jykka.testremote.api.Secret;
import org.jykka.testremote.exporter.CounterActor;
import org.jykka.testremote.importer.CallTimes;
import org.jykka.testremote.importer.Caller;

/**
 * Two containers, two JVMs, on one machine: the exporter (Felix) runs {@code counter}, a plugin actor
 * whose {@link Counter} service is exported ({@code exported=true}, restarted up to 3 times in 10 s);
 * the importer (Equinox) reads the exporter's endpoint directory every 2 s and runs {@code caller},
 * which calls the imported {@code Counter} when asked from the importer's console ({@link #ask}).
 * {@link #close()} ends both processes.
 */
final class RemotePair implements AutoCloseable {
    static final String API = "org.jykka.testremote.api";

    private final Path exporterHome;
    private final int exporterPort;
    private final int exporterDirectory;
    private final ContainerProcess importer;
    private ContainerProcess exporter;

    private RemotePair(Path exporterHome, int exporterPort, int exporterDirectory, ContainerProcess importer) {
        this.exporterHome = exporterHome;
        this.exporterPort = exporterPort;
        this.exporterDirectory = exporterDirectory;
        this.importer = importer;
    }

    /** Boots both in copies of the distribution under {@code temp}, and waits until the import is there. */
    static RemotePair start(Path temp) throws Exception {
        int exporterPort = freePort();
        int exporterDirectory = freePort();
        Path importerHome = ContainerProcess.copyDistribution(temp.resolve("importer"));
        Path exporterHome = ContainerProcess.copyDistribution(temp.resolve("exporter"));
        for (Path home : List.of(importerHome, exporterHome)) {
            Files.write(home.resolve("deploy/api.jar"), TestPlugins.bundle("test.remote.api",
                    Map.of("Export-Package", API + ";version=\"1.0.0\""), Counter.class, Point.class, Secret.class));
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
                Caller.class, CallTimes.class, CounterActor.class));
        ContainerProcess importer = ContainerProcess.start(importerHome,
                options(freePort(), freePort(), "127.0.0.1:" + exporterDirectory), "--framework", "equinox");
        RemotePair pair = new RemotePair(exporterHome, exporterPort, exporterDirectory, importer);
        try {
            importer.await("Remote services on tcp://127\\.0\\.0\\.1:\\d+");
            pair.restartExporter("felix");
            assertEquals("imported", pair.ask("await"),
                    () -> "importer:\n" + importer.output() + "\nexporter:\n" + pair.exporter.output());
            return pair;
        } catch (Exception | Error e) {
            pair.close();
            throw e;
        }
    }

    ContainerProcess exporter() {
        return exporter;
    }

    int exporterPort() {
        return exporterPort;
    }

    /** Starts the exporter (again, after a kill) on {@code framework}, and waits until it listens. */
    void restartExporter(String framework) throws IOException {
        exporter = ContainerProcess.start(exporterHome, options(exporterPort, exporterDirectory, ""),
                "--framework", framework, "--no-shell");
        exporter.await("Remote services on tcp://127\\.0\\.0\\.1:" + exporterPort);
    }

    /** Asks the importer's caller to run {@code command} and returns its outcome. */
    String ask(String command) throws IOException {
        int mark = importer.mark();
        importer.type("jykka:ask caller " + command + " 40s");
        return importer.await(mark, "RESULT " + command + " (.*)$").match().group(1);
    }

    /** JAVA_OPTS that turn remote services on at {@code port}, importing from {@code peers}. */
    private static Map<String, String> options(int port, int directory, String peers) {
        // A call timeout longer than any wait here: a call that fails within the wait did not time out.
        return Map.of("JAVA_OPTS", "-Djykka.rsa.port=" + port + " -Djykka.rsa.directory.port=" + directory
                + " -Djykka.rsa.peers=" + peers + " -Djykka.rsa.poll=2000 -Djykka.rsa.call.timeout=120000"
                + " -Djykka.remote.port=off");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        for (ContainerProcess container : new ContainerProcess[] {exporter, importer}) {
            if (container != null) {
                container.close();
            }
        }
    }
}
