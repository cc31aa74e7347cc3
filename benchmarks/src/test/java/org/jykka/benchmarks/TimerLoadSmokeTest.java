package org.jykka.benchmarks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The timer harness runs for both contenders and sees ticks; no timing or size asserted. */
class TimerLoadSmokeTest {

    @Test
    void bothContendersTickAndAreMeasured() throws Exception {
        for (String contender : new String[] {"jykka", "pekko"}) {
            TimerLoad.Figures figures = TimerLoad.measure(contender, 50, Duration.ofMillis(20), Duration.ofMillis(300));
            assertTrue(figures.ticksPerSecond() > 0, figures.line());
            assertTrue(figures.line().startsWith("TIMERS "), figures.line());
        }
    }
}
