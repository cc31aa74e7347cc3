package org.jykka.benchmarks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ready-wait harness runs for every Jykka contender this JVM has and measures something; no timing asserted. */
class ReadyWaitSmokeTest {

    @Test
    void everyLoadOfEveryContenderAnswersAsks() throws Exception {
        List<ReadyWait.Figures> figures = ReadyWait.measure(3, Duration.ofMillis(300), 1_000);

        assertFalse(figures.isEmpty());
        for (ReadyWait.Figures figure : figures) {
            assertFalse(figure.answerNanos().isEmpty(), figure.row());
            assertTrue(figure.row().startsWith("| "), figure.row());
        }
    }
}
