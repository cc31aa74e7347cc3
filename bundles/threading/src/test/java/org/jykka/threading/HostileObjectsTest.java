package org.jykka.threading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.jykka.Actor;
import org.jykka.ActorDeadException;
import org.jykka.ActorException;
import org.jykka.ActorFuture;
import org.jykka.ActorRef;
import org.jykka.registry.ActorRegistry;
import org.jykka.testkit.ActorTestSupport;
import org.jykka.testkit.EachRuntime;
import org.jykka.testkit.LogRecords;
import org.jykka.testkit.Runtimes;
import org.jykka.testkit.TestActor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * User objects that throw where nobody expects it: exceptions whose getMessage and toString throw an
 * Error, messages whose toString throws, actors whose toString throws. The loop always finishes.
 */
class HostileObjectsTest extends ActorTestSupport {

    /** A failure that cannot describe itself. */
    static final class Unprintable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        @Override
        public String getMessage() {
            throw new AssertionError("getMessage of a hostile exception");
        }

        @Override
        public String toString() {
            throw new AssertionError("toString of a hostile exception");
        }
    }

    /** A checked failure that cannot describe itself. */
    static final class UnprintableChecked extends Exception {
        private static final long serialVersionUID = 1L;

        @Override
        public String toString() {
            throw new AssertionError("toString of a hostile checked exception");
        }
    }

    /** A message that cannot describe itself. */
    record UnprintableMessage() {
        @Override
        public String toString() {
            throw new AssertionError("toString of a hostile message");
        }
    }

    /** Throws what it is told to, where it is told to; its own toString throws too. */
    static class Hostile extends TestActor {
        private final String throwIn;
        private final CountDownLatch release;

        Hostile(Runtimes runtime, String throwIn, CountDownLatch release) {
            super(runtime);
            this.throwIn = throwIn;
            this.release = release;
        }

        Hostile(Runtimes runtime, String throwIn) {
            this(runtime, throwIn, new CountDownLatch(0));
        }

        @Override
        protected void onStart() {
            throwIf("onStart");
        }

        @Override
        protected Object onReceive(Object message) throws Exception {
            if (message instanceof Exception failure) {
                throw failure;
            }
            if ("block".equals(message)) {
                release.await();
            }
            return message;
        }

        @Override
        protected void onStop() {
            throwIf("onStop");
        }

        @Override
        protected void onFailure(Throwable cause) {
            throwIf("onFailure");
        }

        private void throwIf(String hook) {
            if (hook.equals(throwIn)) {
                throw new Unprintable();
            }
        }

        @Override
        public String toString() {
            throw new AssertionError("toString of a hostile actor");
        }
    }

    /** Formats every record as a console would: the exception's own description included. */
    private final Handler formatting = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            formatter.format(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private final Logger actorLogger = Logger.getLogger(Hostile.class.getName());

    @BeforeEach
    void formatWhatTheActorLogs() {
        actorLogger.addHandler(formatting);
    }

    @AfterEach
    void stopFormatting() {
        actorLogger.removeHandler(formatting);
    }

    @EachRuntime
    void anUnprintableExceptionFromAnAskReachesTheCallerAndTheActorGoesOn(Runtimes runtime) {
        ActorRef<Hostile> ref = Actor.start(new Hostile(runtime, "nowhere"));
        Unprintable failure = new Unprintable();
        assertSame(failure, assertThrows(Unprintable.class, () -> ref.ask(failure).get(TIMEOUT)));
        assertEquals("next", ref.ask("next").get(TIMEOUT));
    }

    @EachRuntime
    void anUnprintableCheckedExceptionReachesTheCallerAsTheCause(Runtimes runtime) {
        ActorRef<Hostile> ref = Actor.start(new Hostile(runtime, "nowhere"));
        UnprintableChecked failure = new UnprintableChecked();
        assertSame(failure, assertThrows(ActorException.class, () -> ref.ask(failure).get(TIMEOUT)).getCause());
    }

    @EachRuntime
    void anUnprintableExceptionFromATellStopsTheActorCleanly(Runtimes runtime) {
        ActorRef<Hostile> ref = Actor.start(new Hostile(runtime, "nowhere"));
        ref.tell(new Unprintable());
        ref.whenStopped().get(TIMEOUT);
        assertTrue(ActorRegistry.getByUrn(ref.urn()).isEmpty());
    }

    @EachRuntime
    void anUnprintableExceptionFromOnStartStopsTheActorCleanly(Runtimes runtime) {
        ActorRef<Hostile> ref = Actor.start(new Hostile(runtime, "onStart"));
        ref.whenStopped().get(TIMEOUT);
        assertTrue(ActorRegistry.getByUrn(ref.urn()).isEmpty());
    }

    @EachRuntime
    void anUnprintableExceptionFromOnStopStillStopsTheActor(Runtimes runtime) {
        ActorRef<Hostile> ref = Actor.start(new Hostile(runtime, "onStop"));
        assertTrue(ref.stop(TIMEOUT));
        assertTrue(ref.whenStopped().isDone());
    }

    @EachRuntime
    void anUnprintableExceptionFromOnFailureStillStopsTheActor(Runtimes runtime) {
        ActorRef<Hostile> ref = Actor.start(new Hostile(runtime, "onFailure"));
        ref.tell(new IllegalStateException("fails, then onFailure fails unprintably"));
        ref.whenStopped().get(TIMEOUT);
        assertTrue(ActorRegistry.getByUrn(ref.urn()).isEmpty());
    }

    @EachRuntime
    void aQueuedAskWhoseMessageCannotBePrintedFailsWhenTheActorStops(Runtimes runtime) {
        CountDownLatch release = new CountDownLatch(1);
        ActorRef<Hostile> ref = Actor.start(new Hostile(runtime, "nowhere", release));
        ref.tell("block");
        ref.tell(new IllegalStateException("stops the actor with the ask still queued"));
        ActorFuture<Object> queued = ref.ask(new UnprintableMessage());
        release.countDown();
        ActorDeadException dead = assertThrows(ActorDeadException.class, () -> queued.get(TIMEOUT));
        assertTrue(dead.getMessage().contains("UnprintableMessage"), dead.getMessage());
        ref.whenStopped().get(TIMEOUT);
    }

    @EachRuntime
    void startingTwiceNamesTheActorSafely(Runtimes runtime) {
        Hostile actor = new Hostile(runtime, "nowhere");
        Actor.start(actor);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Actor.start(actor));
        assertTrue(e.getMessage().startsWith("Hostile (" + actor.urn() + ")"), e.getMessage());
    }

    @EachRuntime
    void actorRefAndStopBeforeStartNameTheActorSafely(Runtimes runtime) {
        Hostile actor = new Hostile(runtime, "nowhere");
        String name = "Hostile (" + actor.urn() + ")";
        assertTrue(assertThrows(IllegalStateException.class, actor::self).getMessage().startsWith(name));
        assertTrue(assertThrows(IllegalStateException.class, actor::stopSelf).getMessage().startsWith(name));
    }

    @EachRuntime
    void theDefaultOnReceiveWarnsWithTheSafeNameAndACutMessage(Runtimes runtime) {
        class Unexpecting extends TestActor {
            Unexpecting() {
                super(runtime);
            }

            @Override
            public String toString() {
                throw new AssertionError("toString of a hostile actor");
            }
        }
        try (LogRecords log = LogRecords.of(Unexpecting.class)) {
            ActorRef<Unexpecting> ref = Actor.start(new Unexpecting());
            assertEquals(null, ref.ask("x".repeat(1_000_000)).get(TIMEOUT));
            assertEquals(null, ref.ask(new UnprintableMessage()).get(TIMEOUT));
            LogRecord huge = log.find(Level.WARNING, "x");
            assertTrue(huge.getMessage().startsWith("Unexpected message to " + ref + ": xxx"), huge.getMessage());
            assertTrue(huge.getMessage().length() < 300, "cut, not " + huge.getMessage().length() + " characters");
            assertTrue(log.has(Level.WARNING, "UnprintableMessage"));
        }
    }

    @EachRuntime
    void gettingAFailedFutureAgainAndAgainAddsTheCallersStackOnce(Runtimes runtime) {
        ActorRef<Hostile> ref = Actor.start(new Hostile(runtime, "nowhere"));
        IllegalStateException failure = new IllegalStateException("once");
        ActorFuture<Object> failed = ref.ask(failure);
        for (int i = 0; i < 100; i++) {
            assertThrows(IllegalStateException.class, () -> failed.get(TIMEOUT));
        }
        assertEquals(1, failure.getSuppressed().length);
    }

    @EachRuntime
    void anExceptionReusedAcrossAsksDoesNotGrow(Runtimes runtime) {
        ActorRef<Hostile> ref = Actor.start(new Hostile(runtime, "nowhere"));
        IllegalStateException reused = new IllegalStateException("reused");
        for (int i = 0; i < 50; i++) {
            assertThrows(IllegalStateException.class, () -> ref.ask(reused).get(TIMEOUT));
        }
        assertEquals(1, reused.getSuppressed().length);
        assertInstanceOf(Exception.class, reused.getSuppressed()[0]);
        assertFalse(ref.whenStopped().isDone());
    }
}
