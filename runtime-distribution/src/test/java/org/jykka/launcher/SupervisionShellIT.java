package org.jykka.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jykka.testplugin.Supervisor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell's view of failures, through {@code bin/jykka client} against one running Felix container
 * (booted once for the class): a plugin actor, {@code supervisor}, that runs a supervised child,
 * {@code Fragile}, which fails when told {@code fail}. The tests share the child, so each one reads
 * its restart count before acting and checks what its own action added.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupervisionShellIT {

    /** The child's row in {@code jykka:actors}: its state (group 1), restarts (2) and URN (3). */
    private static final String FRAGILE_ROW = "^- +org\\.jykka\\.testplugin\\.Supervisor\\$Fragile +test\\.supervisor "
            + "1\\.0\\.0 \\[\\d+] +(\\S+(?: off)?) +(\\S+) +\\d+ +(urn:uuid:\\S+)$";
    private static final String FRESH_INSTANCE = "^fragile: started$";

    private ContainerProcess container;

    @BeforeAll
    void bootOneContainer(@TempDir Path temp) throws Exception {
        Path home = ContainerProcess.copyDistribution(temp.resolve("jykka"));
        Files.write(home.resolve("deploy/supervisor.jar"), TestPlugins.plugin("test.supervisor", Supervisor.class));
        container = ContainerProcess.start(home);
        container.await("Jykka is running");
        container.await(FRESH_INSTANCE);
        container.await("Remote shell on 127\\.0\\.0\\.1:\\d+");
    }

    @AfterAll
    void stopIt() {
        container.close();
    }

    /** Runs one command with {@code bin/jykka client -c}, which has exited with {@code status}. */
    private ContainerProcess command(String command, int status) throws IOException, InterruptedException {
        ContainerProcess client = ContainerProcess.start(container.home(), "client", "-c", command);
        try {
            assertEquals(status, client.awaitExit(), client.output());
            return client;
        } finally {
            client.close();
        }
    }

    /** The child's row in {@code jykka:actors} now. */
    private ContainerProcess.Found fragile() throws IOException, InterruptedException {
        return command("jykka:actors", 0).await(FRAGILE_ROW);
    }

    private static int restarts(ContainerProcess.Found row) {
        return Integer.parseInt(row.match().group(2));
    }

    @Test
    void actorsShowsASupervisedActorsRestartsGoUpWhenItFails() throws Exception {
        ContainerProcess.Found before = fragile();
        assertEquals("running", before.match().group(1));
        int mark = container.mark();
        command("jykka:tell Fragile fail", 0);
        container.await(mark, FRESH_INSTANCE);
        ContainerProcess.Found after = fragile();
        assertEquals("running", after.match().group(1));
        assertEquals(restarts(before) + 1, restarts(after), "one failure, one restart");
        assertEquals(before.match().group(3), after.match().group(3), "the same actor, restarted");
    }

    @Test
    void actorsShowsAnActorWithoutARestartPolicyAsRunningWithNoRestartCount() throws Exception {
        command("jykka:actors", 0).await("^supervisor +org\\.jykka\\.testplugin\\.Supervisor +test\\.supervisor "
                + "1\\.0\\.0 \\[\\d+] +running +- +0 +urn:uuid:");
    }

    @Test
    void restartGivesASupervisedActorAFreshInstanceAndCountsIt() throws Exception {
        ContainerProcess.Found before = fragile();
        int mark = container.mark();
        ContainerProcess restart = command("jykka:restart Fragile", 0);
        restart.await("^Restarted Fragile \\(" + before.match().group(3) + "\\) \\(restarts: " + (restarts(before) + 1)
                + "\\)$");
        container.await(mark, FRESH_INSTANCE);
        assertEquals(restarts(before) + 1, restarts(fragile()));
    }

    @Test
    void restartOfAnActorWithoutARestartPolicyFailsWithOneLine() throws Exception {
        ContainerProcess restart = command("jykka:restart supervisor", 1);
        restart.await("^supervisor \\(urn:uuid:\\S+\\) is not supervised \\(it was started without a restart policy\\)");
        assertEquals(1, restart.output().strip().lines().count(), restart.output());
    }

    @Test
    void restartOfAnUnknownActorFailsWithOneLine() throws Exception {
        ContainerProcess restart = command("jykka:restart nobody", 1);
        restart.await("^No actor is named 'nobody'\\. Running: ");
        assertEquals(1, restart.output().strip().lines().count(), restart.output());
    }

    @Test
    void deadlettersShowsAMessageThatNoHandlerTook() throws Exception {
        String urn = fragile().match().group(3);
        // An ask answers after the handler has returned, and the default handler publishes the dead
        // letter before it returns: when the answer (null) is printed, the letter is in the shell's ring.
        command("jykka:ask Fragile 'nobody handles this'", 0).await("^null$");
        ContainerProcess letters = command("jykka:deadletters", 0);
        letters.await("^\\d+ dead letters? since Jykka started; the last \\d+ \\(oldest first\\):$");
        letters.await("^TIME +REASON +RECIPIENT +URN +MESSAGE$");
        List<ContainerProcess.Found> rows = letters.findAll(0,
                "^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} +UNHANDLED +Fragile +" + urn + " +nobody handles this$");
        assertEquals(1, rows.size(), letters.output());
    }

    @Test
    void helpDescribesRestartAndDeadletters() throws Exception {
        command("help jykka:restart", 0).await("Restart a supervised actor");
        command("help jykka:deadletters", 0).await("Show how many dead letters there were");
    }
}
