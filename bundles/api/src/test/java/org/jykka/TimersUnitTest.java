package org.jykka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Timers against the shared timer thread, with a plain queue as the actor's inbox: the test thread
 * plays the actor (it takes entries and accepts them, as the loop does).
 */
class TimersUnitTest {
    private static final long WAIT_SECONDS = 10;

    private final LinkedBlockingQueue<ActorTimers.Entry> inbox = new LinkedBlockingQueue<>();
    private final TimerService service = new TimerService();
    private final ActorTimers timers = new ActorTimers(inbox::offer, service);

    private ActorTimers.Entry next() throws InterruptedException {
        ActorTimers.Entry entry = inbox.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertTrue(entry != null, "a timer fired");
        return entry;
    }

    @Test
    void aSingleTimerDeliversOnceAndIsInactiveFromItsHandlerOn() throws InterruptedException {
        timers.startSingle("k", "tick", Duration.ZERO);
        assertTrue(timers.isActive("k"));
        assertEquals("tick", timers.accept(next()));
        assertFalse(timers.isActive("k"));
        assertNull(inbox.poll(50, TimeUnit.MILLISECONDS));
    }

    @Test
    void aCancelledTimerNeverDeliversEvenWhenItsMessageIsAlreadyQueued() throws InterruptedException {
        timers.startSingle("k", "tick", Duration.ZERO);
        ActorTimers.Entry queued = next();
        assertTrue(timers.cancel("k"));
        assertNull(timers.accept(queued));
        assertFalse(timers.cancel("k"));
    }

    @Test
    void startingAnActiveKeyReplacesItsTimer() throws InterruptedException {
        timers.startSingle("k", "old", Duration.ZERO);
        ActorTimers.Entry old = next();
        timers.startSingle("k", "new", Duration.ZERO);
        assertNull(timers.accept(old));
        assertEquals("new", timers.accept(next()));
    }

    @Test
    void aFixedDelayTimerRepeatsUntilCancelled() throws InterruptedException {
        timers.startFixedDelay("k", "tick", Duration.ofMillis(1));
        for (int i = 0; i < 3; i++) {
            assertEquals("tick", timers.accept(next()));
        }
        timers.cancel("k");
        ActorTimers.Entry late = inbox.poll(50, TimeUnit.MILLISECONDS);
        if (late != null) {
            assertNull(timers.accept(late)); // fired just before the cancel: still not delivered
        }
    }

    @Test
    void aFixedRateTimerNeverQueuesItsMessageTwice() throws InterruptedException {
        timers.startFixedRate("k", "tick", Duration.ZERO, Duration.ofMillis(1));
        ActorTimers.Entry first = next();
        // The actor is "busy": periods pass while the first message waits in the inbox.
        Awaitility.await().atMost(Duration.ofSeconds(WAIT_SECONDS)).until(() -> first.skipped >= 3);
        assertEquals(0, inbox.size());
        assertEquals("tick", timers.accept(first));
        assertEquals("tick", timers.accept(next()));
        timers.cancelAll();
    }

    @Test
    void cancelAllCancelsEveryTimer() {
        timers.startSingle("a", "x", Duration.ofHours(1));
        timers.startFixedDelay("b", "y", Duration.ofHours(1));
        timers.cancelAll();
        assertFalse(timers.isActive("a"));
        assertFalse(timers.isActive("b"));
    }

    @Test
    void theTimerThreadEndsOnceNoTimerIsActive() {
        timers.startSingle("k", "tick", Duration.ofHours(1));
        assertTrue(service.threadAlive());
        timers.cancel("k");
        Awaitility.await().atMost(Duration.ofSeconds(WAIT_SECONDS)).until(() -> !service.threadAlive());
    }

    @Test
    void aTimerWhoseActorIsGoneIsForgotten() {
        ActorTimers refusing = new ActorTimers(entry -> false, service);
        refusing.startFixedRate("k", "tick", Duration.ZERO, Duration.ofMillis(1));
        Awaitility.await().atMost(Duration.ofSeconds(WAIT_SECONDS)).until(() -> !service.threadAlive());
    }

    @Test
    void heldUpFixedRatePeriodsAreSkippedNotBurst() {
        assertEquals(110, TimerService.nextDueAtRate(0, 10, 100));
        assertEquals(20, TimerService.nextDueAtRate(10, 10, 15));
    }

    @Test
    void badInputFailsAtTheCall() {
        assertThrows(NullPointerException.class, () -> timers.startSingle(null, "m", Duration.ZERO));
        assertThrows(NullPointerException.class, () -> timers.startSingle("k", null, Duration.ZERO));
        assertThrows(NullPointerException.class, () -> timers.startSingle("k", "m", null));
        assertThrows(IllegalArgumentException.class, () -> timers.startSingle("k", "m", Duration.ofMillis(-1)));
        assertThrows(IllegalArgumentException.class, () -> timers.startFixedDelay("k", "m", Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> timers.startFixedRate("k", "m", Duration.ZERO, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> timers.startFixedRate("k", "m", Duration.ofMillis(-1), Duration.ofMillis(1)));
        assertThrows(NullPointerException.class, () -> timers.cancel(null));
        assertThrows(NullPointerException.class, () -> timers.isActive(null));
        assertFalse(timers.isActive("k"), "nothing was started by a refused call");
    }

    @Test
    void manyTimersStartedAndCancelledLeaveNothingQueued() {
        for (int i = 0; i < 10_000; i++) {
            timers.startSingle(i % 100, "m", Duration.ofHours(1)); // replaces: 100 live at most
        }
        timers.cancelAll();
        Awaitility.await().atMost(Duration.ofSeconds(WAIT_SECONDS)).until(() -> !service.threadAlive());
        assertSame(0, inbox.size());
    }
}
