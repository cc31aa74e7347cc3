package org.jykka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The arithmetic of restart policies: intensity, period, backoff, jitter; bad input at the call. */
class RestartPolicyTest {
    private static final long MS = 1_000_000L;
    private static final long SECOND = 1_000 * MS;

    @Test
    void neverGivesUpAtTheFirstFailure() {
        assertEquals(-1, new RestartBudget(Restart.never(), () -> 0).onFailure(0));
    }

    @Test
    void limitAllowsThatManyRestartsWithinTheWindowAndGivesUpAtTheNext() {
        RestartBudget budget = new RestartBudget(Restart.limit(3, Duration.ofSeconds(10)), () -> 0);
        assertEquals(0, budget.onFailure(0));
        assertEquals(0, budget.onFailure(SECOND));
        assertEquals(0, budget.onFailure(2 * SECOND));
        assertEquals(-1, budget.onFailure(3 * SECOND));
    }

    @Test
    void restartsOlderThanTheWindowNoLongerCount() {
        RestartBudget budget = new RestartBudget(Restart.limit(2, Duration.ofSeconds(10)), () -> 0);
        assertEquals(0, budget.onFailure(0));
        assertEquals(0, budget.onFailure(5 * SECOND));
        assertEquals(0, budget.onFailure(10 * SECOND)); // the first one has left the window
        assertEquals(-1, budget.onFailure(11 * SECOND));
    }

    @Test
    void limitOfZeroNeverRestarts() {
        assertEquals(-1, new RestartBudget(Restart.limit(0, Duration.ofSeconds(1)), () -> 0).onFailure(0));
    }

    @Test
    void backoffDoublesFromMinUpToMax() {
        Restart policy = Restart.limit(100, Duration.ofDays(1)).withBackoff(Duration.ofMillis(100), Duration.ofMillis(500));
        RestartBudget budget = new RestartBudget(policy, () -> 0);
        long now = 0;
        long[] expected = {100 * MS, 200 * MS, 400 * MS, 500 * MS, 500 * MS};
        for (long delay : expected) {
            assertEquals(delay, budget.onFailure(now));
            now += delay;
            budget.restarted(now);
            now += MS; // fails again at once
        }
    }

    @Test
    void backoffStartsAgainFromMinAfterAQuietMax() {
        Restart policy = Restart.limit(100, Duration.ofDays(1)).withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1));
        RestartBudget budget = new RestartBudget(policy, () -> 0);
        assertEquals(100 * MS, budget.onFailure(0));
        budget.restarted(100 * MS);
        assertEquals(200 * MS, budget.onFailure(200 * MS));
        budget.restarted(400 * MS);
        assertEquals(100 * MS, budget.onFailure(400 * MS + SECOND + 1));
    }

    @Test
    void jitterAddsUpToAFifthAndNeverLess() {
        Restart policy = Restart.limit(100, Duration.ofDays(1)).withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1));
        assertEquals(100 * MS, new RestartBudget(policy, () -> 0.0).onFailure(0));
        long most = new RestartBudget(policy, () -> 0.999_999).onFailure(0);
        assertTrue(most > 119 * MS && most < 120 * MS, "delay " + most);
    }

    @Test
    void hugeBackoffsSaturateInsteadOfOverflowing() {
        assertEquals(Long.MAX_VALUE / 2, RestartBudget.nominalDelay(3, Long.MAX_VALUE / 2, 200));
        assertEquals(3L << 10, RestartBudget.nominalDelay(3, Long.MAX_VALUE, 11));
    }

    @Test
    void restartsAreCounted() {
        RestartBudget budget = new RestartBudget(Restart.limit(5, Duration.ofSeconds(1)), () -> 0);
        budget.onFailure(0);
        budget.restarted(0);
        budget.onFailure(1);
        budget.restarted(1);
        assertEquals(2, budget.restarts());
    }

    @Test
    void badArgumentsAreRefusedAtTheCall() {
        assertThrows(IllegalArgumentException.class, () -> Restart.limit(-1, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> Restart.limit(1, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> Restart.limit(1, Duration.ofSeconds(-1)));
        assertThrows(NullPointerException.class, () -> Restart.limit(1, null));
        Restart limit = Restart.limit(1, Duration.ofSeconds(1));
        assertThrows(IllegalArgumentException.class, () -> limit.withBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> limit.withBackoff(Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> limit.withBackoff(Duration.ofSeconds(-1), Duration.ofSeconds(1)));
        assertThrows(NullPointerException.class, () -> limit.withBackoff(null, Duration.ofSeconds(1)));
        assertThrows(NullPointerException.class, () -> limit.withBackoff(Duration.ofSeconds(1), null));
    }

    @Test
    void policiesAreValuesThatSayWhatTheyAre() {
        Restart policy = Restart.limit(3, Duration.ofSeconds(10)).withBackoff(Duration.ofMillis(1), Duration.ofSeconds(1));
        assertEquals(policy, Restart.limit(3, Duration.ofSeconds(10)).withBackoff(Duration.ofMillis(1), Duration.ofSeconds(1)));
        assertEquals("Restart.limit(3, PT10S).withBackoff(PT0.001S, PT1S)", policy.toString());
        assertEquals("Restart.never()", Restart.never().toString());
        assertFalse(Restart.never().restarts());
    }
}
