package org.jykka.itests.osgi;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every framework test shares: a fresh framework (Felix or Equinox, whichever this surefire
 * execution runs) with its own storage folder, the extender's log, and bounded waits.
 */
abstract class FrameworkTest {
    @TempDir
    Path storage;

    OsgiFramework osgi;
    LogRecords log;
    Set<Thread> threadsBefore;

    /** Framework properties a test class needs beyond the defaults. */
    Map<String, String> frameworkProperties() {
        return Map.of();
    }

    @BeforeEach
    void startFramework() throws Exception {
        threadsBefore = liveThreads();
        log = new LogRecords("org.jykka.osgi");
        osgi = new OsgiFramework(storage, frameworkProperties());
    }

    @AfterEach
    void stopFramework() throws Exception {
        try {
            osgi.close();
        } finally {
            log.close();
        }
    }

    static Set<Thread> liveThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).collect(Collectors.toSet());
    }

    /** Waits (bounded) until {@code value} equals {@code expected}. */
    static <T> void awaitEquals(T expected, Supplier<T> value) {
        // Polled in the test's own thread: a test that counts threads must not see Awaitility's.
        await().atMost(OsgiFramework.WAIT).pollInSameThread().untilAsserted(() -> assertEquals(expected, value.get()));
    }

    /** The live threads of actors of these classes (ThreadingActor names them ClassName-urnprefix). */
    static List<Thread> actorThreads(String... simpleClassNames) {
        return liveThreads().stream()
                .filter(t -> List.of(simpleClassNames).stream().anyMatch(name -> t.getName().startsWith(name + "-")))
                .collect(Collectors.toList());
    }
}
