package org.jykka.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.jykka.testplugin.Sleeper;

/**
 * The built distribution, run as a real process: {@code bin/jykka} in a private copy of
 * {@code target/jykka-<version>/}. Each test starts one container and ends it (see
 * {@link ContainerProcess#close()}).
 */
class DistributionIT {

    /** {@code Actor started|stopped: name (class, urn) from bundle bsn version [id]}, as the launcher prints it. */
    private static final String ACTOR = " (\\S+) \\((\\S+), (urn:uuid:[0-9a-f-]+)\\) from bundle (\\S+) (\\S+) \\[(\\d+)]";
    private static final String STARTED = "Actor started:" + ACTOR;
    private static final String STOPPED = "Actor stopped:" + ACTOR;
    private static final String RUNNING = "Jykka is running";

    /** FileInstall's scan interval in conf/framework.properties. */
    private static final Duration POLL = Duration.ofMillis(1000);

    @TempDir
    Path temp;

    private Path home() throws IOException {
        return ContainerProcess.copyDistribution(temp.resolve("jykka"));
    }

    private Path script(String... commands) throws IOException {
        return Files.writeString(temp.resolve("commands.gogo"), String.join("\n", commands) + "\n");
    }

    @Test
    void helpExplainsEveryOption() throws Exception {
        try (ContainerProcess jykka = ContainerProcess.start(home(), "--help")) {
            assertEquals(0, jykka.awaitExit());
            for (String option : List.of("--framework", "--deploy", "--no-shell", "--script", "--run-for",
                    "--verbose", "--version", "--help", "jykka client")) {
                assertTrue(jykka.output().contains(option), option + " is not explained:\n" + jykka.output());
            }
        }
    }

    @Test
    void versionPrintsTheVersionAndExits() throws Exception {
        try (ContainerProcess jykka = ContainerProcess.start(home(), "--version")) {
            assertEquals(0, jykka.awaitExit());
            jykka.await("^Jykka \\d+\\.\\d+\\.\\d+\\S* on Java \\d+");
            assertEquals(1, jykka.output().strip().lines().count(), jykka.output());
        }
    }

    @Test
    void unknownOptionIsRejectedWithExitStatusTwo() throws Exception {
        try (ContainerProcess jykka = ContainerProcess.start(home(), "--frobnicate")) {
            assertEquals(2, jykka.awaitExit());
            jykka.await("Unknown option '--frobnicate'");
        }
    }

    @Test
    void bootStartsFelixAndEveryBundleOfTheBundleFolder() throws Exception {
        Path home = home();
        try (ContainerProcess jykka = ContainerProcess.start(home, "--no-shell")) {
            jykka.await("Started Apache Felix \\d");
            jykka.await(RUNNING);
            Set<String> started = jykka.findAll(0, "Started bundle (\\S+) ").stream()
                    .map(found -> found.match().group(1)).collect(Collectors.toSet());
            for (Path jar : Layout.jars(home.resolve("bundle"))) {
                String bsn = symbolicName(jar);
                assertTrue(started.contains(bsn), bsn + " was not started:\n" + jykka.output());
            }
            // Remote services are off unless jykka.rsa.port is set: nothing of bundle/remote runs.
            List<Path> remote = Layout.jars(home.resolve("bundle/remote"));
            assertFalse(remote.isEmpty(), "bundle/remote holds org.jykka.remote and Aries RSA");
            for (Path jar : remote) {
                String bsn = symbolicName(jar);
                assertFalse(started.contains(bsn), bsn + " was started:\n" + jykka.output());
            }
            assertTrue(jykka.findAll(0, "ERROR").isEmpty(), "errors at boot:\n" + jykka.output());
        }
    }

    private static String symbolicName(Path jar) throws IOException {
        try (JarFile bundle = new JarFile(jar.toFile())) {
            return bundle.getManifest().getMainAttributes().getValue("Bundle-SymbolicName").split(";")[0].trim();
        }
    }

    @Test
    void equinoxBootsFromTheSameLayoutAndRunsThePlugins() throws Exception {
        Path script = script("jykka:ask greeter equinox");
        try (ContainerProcess jykka = ContainerProcess.start(home(), "--framework", "equinox", "--deploy", "greeter",
                "--script", script.toString())) {
            jykka.await("Started Eclipse Equinox \\d");
            jykka.await(STARTED.replace("(\\S+) \\(", "greeter \\("));
            jykka.await("^Hi there! You said: equinox");
            assertEquals(0, jykka.awaitExit());
        }
    }

    @Test
    void runForStopsTheContainerWithExitStatusZero() throws Exception {
        try (ContainerProcess jykka = ContainerProcess.start(home(), "--no-shell", "--run-for", "2")) {
            jykka.await(RUNNING);
            jykka.await("Stopping \\(--run-for 2 s is over\\)");
            assertEquals(0, jykka.awaitExit());
            jykka.await("Jykka stopped");
        }
    }

    @Test
    void copiedPluginStartsItsActorsWithinTwoScansOfDeploy() throws Exception {
        try (ContainerProcess jykka = ContainerProcess.start(home(), "--no-shell")) {
            jykka.await(RUNNING);
            Files.copy(jykka.example("greeter"), jykka.deploy().resolve("greeter.jar"));
            long copied = System.nanoTime();
            ContainerProcess.Found started = jykka.await(STARTED);
            assertEquals("greeter", started.match().group(1));
            assertEquals("org.jykka.example.greeter.Greeter", started.match().group(2));
            assertEquals("org.jykka.example.greeter", started.match().group(4));
            // FileInstall installs a file only once it is unchanged over two scans (so a half-copied
            // jar is never installed): a new jar waits up to two poll intervals, plus the start itself.
            Duration latency = Duration.ofNanos(started.line().nanos() - copied);
            Duration bound = POLL.multipliedBy(2).plusMillis(500);
            assertTrue(latency.compareTo(bound) <= 0, "the actor started " + latency.toMillis()
                    + " ms after the copy; expected at most " + bound.toMillis() + " ms");
        }
    }

    @Test
    void overwrittenPluginStopsTheOldActorsBeforeTheNewOnesStart() throws Exception {
        try (ContainerProcess jykka = ContainerProcess.start(home(), "--no-shell", "--deploy", "greeter")) {
            jykka.await(RUNNING);
            ContainerProcess.Found first = jykka.await(STARTED);
            int mark = jykka.mark();
            Path rebuilt = withBundleVersion(jykka.example("greeter"), "0.1.1");
            Files.copy(rebuilt, jykka.deploy().resolve("greeter.jar"), StandardCopyOption.REPLACE_EXISTING);

            ContainerProcess.Found stopped = jykka.await(mark, STOPPED);
            ContainerProcess.Found restarted = jykka.await(mark, STARTED);
            assertEquals(first.match().group(3), stopped.match().group(3), "the old greeter stopped");
            assertNotEquals(first.match().group(3), restarted.match().group(3), "a new greeter started");
            assertEquals("0.1.1", restarted.match().group(5), "the new greeter runs the new jar");
            assertTrue(stopped.index() < restarted.index(), "old stopped before new started:\n" + jykka.output());
        }
    }

    @Test
    void deletedPluginStopsItsActors() throws Exception {
        try (ContainerProcess jykka = ContainerProcess.start(home(), "--no-shell", "--deploy", "pipeline")) {
            jykka.await(RUNNING);
            Set<String> started = urns(jykka.findAll(0, STARTED));
            assertEquals(2, started.size(), "producer and collector:\n" + jykka.output());
            int mark = jykka.mark();
            Files.delete(jykka.deploy().resolve("pipeline.jar"));
            jykka.await(mark, "deploy/pipeline.jar: bundle org.jykka.example.pipeline .* uninstalled");
            assertEquals(started, urns(jykka.findAll(mark, STOPPED)), jykka.output());
        }
    }

    @Test
    void brokenJarsAreEachReportedInOneLineAndOtherPluginsKeepRunning() throws Exception {
        try (ContainerProcess jykka = ContainerProcess.start(home(), "--no-shell", "--deploy", "greeter")) {
            jykka.await(RUNNING);
            String greeter = jykka.await(STARTED).match().group(3);
            int mark = jykka.mark();
            Files.write(jykka.deploy().resolve("unresolvable.jar"), TestPlugins.needingAMissingPackage("broken.plugin"));
            Files.write(jykka.deploy().resolve("library.jar"), TestPlugins.plainJar());
            Files.write(jykka.deploy().resolve("cut.jar"), TestPlugins.truncated(jykka.example("greeter")));

            jykka.await(mark, "^\\[ERROR] deploy/unresolvable\\.jar: bundle broken\\.plugin 1\\.0\\.0 \\[\\d+] cannot start: "
                    + "it needs package org\\.example\\.missing, which no bundle exports");
            jykka.await(mark, "^\\[ERROR] deploy/library\\.jar: a plain jar, not an OSGi bundle .*Build it as a bundle with bnd");
            jykka.await(mark, "^\\[ERROR] deploy/cut\\.jar: not a readable jar .*copy it again");
            // The container still deploys: a plugin copied after the broken ones starts.
            Files.copy(jykka.example("pipeline"), jykka.deploy().resolve("pipeline.jar"));
            jykka.await(mark, STARTED.replace("(\\S+) \\(", "producer \\("));
            assertEquals(3, jykka.findAll(mark, "\\[ERROR]|\\[WARN]").size(), "one line each:\n" + jykka.output());
            assertTrue(jykka.findAll(mark, "Unable to resolve|osgi\\.wiring").isEmpty(), "no resolver text:\n" + jykka.output());
            assertTrue(jykka.findAll(0, STOPPED).stream().noneMatch(f -> f.match().group(3).equals(greeter)),
                    "the greeter kept running:\n" + jykka.output());
        }
    }

    @Test
    void actorsCommandListsEveryActorInAlignedColumns() throws Exception {
        Path script = script("jykka:actors");
        try (ContainerProcess jykka = ContainerProcess.start(home(), "--deploy", "greeter", "--script",
                script.toString())) {
            String urn = jykka.await(STARTED).match().group(3);
            ContainerProcess.Found header = jykka.await("NAME +CLASS +BUNDLE +STATE +RESTARTS +INBOX +URN");
            ContainerProcess.Found row = jykka.await("greeter +org\\.jykka\\.example\\.greeter\\.Greeter "
                    + "+org\\.jykka\\.example\\.greeter \\d\\S* \\[\\d+] +running +- +0 +" + urn);
            String head = header.line().text().substring(header.match().start());
            String line = row.line().text().substring(row.match().start());
            for (String column : List.of("CLASS", "BUNDLE", "STATE", "RESTARTS", "INBOX", "URN")) {
                int at = head.indexOf(column);
                assertTrue(line.charAt(at - 1) == ' ' && line.charAt(at) != ' ',
                        column + " is not aligned:\n" + head + "\n" + line);
            }
            assertEquals(0, jykka.awaitExit());
        }
    }

    @Test
    void actorCommandShowsTheServicesAnActorIsPublishedUnder() throws Exception {
        Path script = script("jykka:actor calculator");
        try (ContainerProcess jykka = ContainerProcess.start(home(), "--deploy", "calculator", "--script",
                script.toString())) {
            String urn = jykka.await(STARTED).match().group(3);
            jykka.await("^urn: +" + urn);
            jykka.await("^services: +.*org\\.jykka\\.ActorRef");
            jykka.await("^services: +.*org\\.jykka\\.example\\.calculator\\.Calculator");
            assertEquals(0, jykka.awaitExit());
        }
    }

    @Test
    void tellAndAskReachAnActorByName() throws Exception {
        Path script = script("jykka:tell greeter hello there", "jykka:ask greeter again 2s");
        try (ContainerProcess jykka = ContainerProcess.start(home(), "--deploy", "greeter", "--script",
                script.toString())) {
            jykka.await("Told greeter \\(urn:uuid:.*\\): hello there");
            jykka.await("Hi there! You said: hello there \\(greeting #1\\)");
            // The actor prints its greeting once; the shell prints the answer, which is not the greeting again.
            jykka.await("Hi there! You said: again \\(greeting #2\\)");
            assertEquals(0, jykka.awaitExit());
            assertEquals(1, jykka.findAll(0, "Hi there! You said: again").size(), jykka.output());
        }
    }

    @Test
    void askInTheConsoleReachesAnActorByUrn() throws Exception {
        try (ContainerProcess jykka = ContainerProcess.start(home(), "--deploy", "greeter")) {
            String urn = jykka.await(STARTED).match().group(3);
            jykka.await(RUNNING);
            jykka.type("jykka:ask " + urn + " 'by urn'");
            jykka.await("Hi there! You said: by urn");
            jykka.endInput();
            assertEquals(0, jykka.awaitExit(), "the end of console input stops the container");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", value = {
        "jykka:actorz              => Command not found: jykka:actorz",
        "jykka:ask                 => Usage: jykka:ask <urn\\|name> <text> \\[timeout]",
        "jykka:actor a b           => Usage: jykka:actor <urn\\|name>",
        "jykka:ask nobody hi       => No actor is named .nobody.\\. Running: greeter",
        "jykka:ask greeter hi soon => .soon. is not a timeout",
        "jykka:restart greeter     => greeter \\(urn:uuid:\\S+\\) is not supervised"})
    void scriptStopsAtAFailedCommandWithOneLineAndExitStatusOne(String command, String line) throws Exception {
        Path script = script("jykka:tell greeter first", command, "jykka:tell greeter never");
        try (ContainerProcess jykka = ContainerProcess.start(home(), "--deploy", "greeter", "--script",
                script.toString())) {
            assertEquals(1, jykka.awaitExit(), jykka.output());
            jykka.await("^commands\\.gogo line 2: " + line);
            jykka.await("Stopping \\(the script failed\\)");
            assertTrue(jykka.findAll(0, "never").isEmpty(), "the script stopped there:\n" + jykka.output());
            assertTrue(jykka.findAll(0, "^\\s+at |Exception|Cannot coerce").isEmpty(), "no stack trace:\n" + jykka.output());
        }
    }

    @Test
    void missingScriptFileIsOneLineAndExitStatusTwo() throws Exception {
        try (ContainerProcess jykka = ContainerProcess.start(home(), "--script", temp.resolve("none.gogo").toString())) {
            assertEquals(2, jykka.awaitExit(), jykka.output());
            jykka.await("^jykka: --script .*none\\.gogo: there is no such file");
            assertEquals(1, jykka.output().strip().lines().count(), jykka.output());
        }
    }

    @Test
    void runForIsHonouredWhenTheConsoleInputEndsAtOnce() throws Exception {
        try (ContainerProcess jykka = ContainerProcess.start(home(), "--run-for", "3")) {
            jykka.await(RUNNING);
            jykka.endInput();
            jykka.await("The console's input has ended; running until --run-for is over");
            assertEquals(0, jykka.awaitExit(), jykka.output());
            int over = jykka.await("Stopping \\(--run-for 3 s is over\\)").index();
            assertTrue(jykka.findAll(0, "Stopping").size() == 1 && over > 0, jykka.output());
        }
    }

    @Test
    void stopactorStopsTheActor() throws Exception {
        Path script = script("jykka:stopactor greeter", "jykka:actors");
        try (ContainerProcess jykka = ContainerProcess.start(home(), "--deploy", "greeter", "--script",
                script.toString())) {
            String urn = jykka.await(STARTED).match().group(3);
            jykka.await("Stopped greeter \\(" + urn + "\\)");
            assertEquals(urn, jykka.await(STOPPED).match().group(3));
            assertEquals(0, jykka.awaitExit());
            assertTrue(jykka.findAll(0, "greeter .* running .*" + urn).isEmpty(), "not listed as alive:\n" + jykka.output());
            // Its jar is still in deploy/: the listing says so, not "copy a plugin jar".
            jykka.await("^No actors are running\\. Plugin bundles: org\\.jykka\\.example\\.greeter \\S+ \\[\\d+] \\(active\\)");
            assertTrue(jykka.findAll(0, "Copy a plugin jar").isEmpty(), jykka.output());
        }
    }

    @Test
    void calculatorServiceIsUsedByTheDeclarativeServicesClient() throws Exception {
        try (ContainerProcess jykka = ContainerProcess.start(home(), "--no-shell", "--deploy", "calculator",
                "--deploy", "calculator-client")) {
            jykka.await(STARTED.replace("(\\S+) \\(", "calculator \\("));
            jykka.await("calculator-client: 2 \\+ 3 = 5");
            jykka.await("calculator-client: 6 \\* 7 = 42");
        }
    }

    @Test
    void pipelineSquaresABatchAcrossProducerWorkersAndCollector() throws Exception {
        try (ContainerProcess jykka = ContainerProcess.start(home(), "--deploy", "pipeline")) {
            jykka.await(RUNNING);
            jykka.type("jykka:tell producer 10");
            jykka.await("pipeline: batch 1: the squares of 1\\.\\.10 add up to 385");
        }
    }

    @Test
    void sigtermStopsEveryActorAndExitsWithStatusZero() throws Exception {
        try (ContainerProcess jykka = ContainerProcess.start(home(), "--no-shell", "--deploy", "greeter",
                "--deploy", "pipeline")) {
            jykka.await(RUNNING);
            Set<String> started = urns(jykka.findAll(0, STARTED));
            assertEquals(3, started.size(), jykka.output());
            jykka.terminate();
            assertEquals(0, jykka.awaitExit(), jykka.output());
            jykka.await("Stopping \\(SIGTERM\\)");
            assertEquals(started, urns(jykka.findAll(0, STOPPED)), "every actor stopped:\n" + jykka.output());
            jykka.await("Jykka stopped");
        }
    }

    @Test
    void stopZeroInTheConsoleStopsTheContainerWithExitStatusZero() throws Exception {
        try (ContainerProcess jykka = ContainerProcess.start(home(), "--deploy", "greeter")) {
            String urn = jykka.await(STARTED).match().group(3);
            jykka.await(RUNNING);
            jykka.type("stop 0");
            assertEquals(0, jykka.awaitExit(), jykka.output());
            assertEquals(urn, jykka.await(STOPPED).match().group(3));
        }
    }

    @Test
    void equinoxOpensTheGogoConsole() throws Exception {
        try (ContainerProcess jykka = ContainerProcess.start(home(), "--framework", "equinox", "--deploy", "greeter")) {
            jykka.await(RUNNING);
            jykka.type("jykka:ask greeter console");
            jykka.await("Hi there! You said: console");
            jykka.await("Remote shell on 127\\.0\\.0\\.1:\\d+");
            try (ContainerProcess client = ContainerProcess.start(jykka.home(), "client", "-c", "jykka:ask greeter remote")) {
                assertEquals(0, client.awaitExit(), client.output());
                client.await("greeting #\\d+"); // the answer comes back; the greeting itself is printed by the container
                jykka.await("^Hi there! You said: remote");
            }
            jykka.type("stop 0");
            assertEquals(0, jykka.awaitExit(), jykka.output());
        }
    }

    @Test
    void actorThatDoesNotStopInTimeIsNamedAtShutdown() throws Exception {
        Path home = home();
        Files.write(home.resolve("deploy/sleeper.jar"), TestPlugins.plugin("test.sleeper", Sleeper.class));
        Path script = script("jykka:tell sleeper 20000");
        try (ContainerProcess jykka = ContainerProcess.start(home, Map.of("JAVA_OPTS", "-Djykka.stop.timeout=200"),
                "--script", script.toString())) {
            jykka.await("sleeper: sleeping 20000 ms");
            assertEquals(0, jykka.awaitExit(), jykka.output());
            jykka.await("^\\[WARN] org\\.jykka\\.osgi: Actor still running: sleeper \\(.* did not stop within 200 ms");
            assertTrue(jykka.findAll(0, STOPPED.replace("(\\S+) \\(", "sleeper \\(")).isEmpty(), jykka.output());
            jykka.await("Jykka stopped");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"felix", "equinox"})
    void bootPrintsNoJvmWarningsOnJava24AndLater(String framework) throws Exception {
        Path jdk = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
        assumeTrue(Files.isExecutable(jdk.resolve("bin/java")), "a Java 24+ JDK at " + jdk);
        Path script = script("jykka:actors");
        try (ContainerProcess jykka = ContainerProcess.start(home(), Map.of("JAVA_HOME", jdk.toString()),
                "--framework", framework, "--deploy", "greeter", "--script", script.toString())) {
            assertEquals(0, jykka.awaitExit(), jykka.output());
            jykka.await("greeter +org\\.jykka\\.example\\.greeter\\.Greeter");
            assertTrue(jykka.findAll(0, "WARNING|terminally deprecated|sun\\.misc").isEmpty(), jykka.output());
        }
    }

    private static Set<String> urns(List<ContainerProcess.Found> lines) {
        Set<String> urns = new HashSet<>();
        lines.forEach(found -> urns.add(found.match().group(3)));
        return urns;
    }

    /** A copy of {@code jar} with another {@code Bundle-Version}: a rebuilt plugin. */
    private Path withBundleVersion(Path jar, String version) throws IOException {
        Path copy = temp.resolve("rebuilt-" + jar.getFileName());
        try (JarFile source = new JarFile(jar.toFile())) {
            Manifest manifest = new Manifest(source.getManifest());
            manifest.getMainAttributes().putValue("Bundle-Version", version);
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(copy), manifest)) {
                for (Enumeration<JarEntry> entries = source.entries(); entries.hasMoreElements(); ) {
                    JarEntry entry = entries.nextElement();
                    if (entry.getName().equalsIgnoreCase(JarFile.MANIFEST_NAME)) {
                        continue;
                    }
                    out.putNextEntry(new JarEntry(entry.getName()));
                    try (InputStream in = source.getInputStream(entry)) {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
        }
        return copy;
    }
}
