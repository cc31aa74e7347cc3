package org.jykka.launcher;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not a test, and not run by {@code mvn verify}: the figures of {@code docs/remote.md}, printed.
 * Run it with {@code mvn -B verify -pl runtime-distribution -am -Dit.test=RemoteCallTimes -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false}, on a quiet machine, and note the load average.
 */
class RemoteCallTimes {

    @Test
    void printTheCallTimes(@TempDir Path temp) throws Exception {
        try (RemotePair pair = RemotePair.start(temp)) {
            System.out.println("CALL TIMES " + pair.ask("bench"));
        }
    }
}
