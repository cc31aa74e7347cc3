package org.jykka.threading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
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

class MessagingTest extends ActorTestSupport {

    /** Answers, fails on request, and counts its hooks. */
    static class Worker extends TestActor {
        final List<Object> received = new ArrayList<>();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final AtomicInteger stops = new AtomicInteger();
        final CountDownLatch failed = new CountDownLatch(1);
        int counter;

        Worker(Runtimes runtime) {
            super(runtime);
        }

        @Override
        protected Object onReceive(Object message) throws Exception {
            received.add(message);
            if (message instanceof Throwable t) {
                if (t instanceof Exception e) {
                    throw e;
                }
                throw (Error) t;
            }
            if ("recurse".equals(message)) {
                return recurse(0);
            }
            return "got " + message;
        }

        private int recurse(int depth) {
            return recurse(depth + 1) + 1;
        }

        int increment() {
            return ++counter;
        }

        @Override
        protected void onFailure(Throwable cause) {
            failure.set(cause);
            failed.countDown();
        }

        @Override
        protected void onStop() {
            stops.incrementAndGet();
        }
    }

    static class Silent extends TestActor {
        Silent(Runtimes runtime) {
            super(runtime);
        }
    }

    @EachRuntime
    void askAnswersWithOnReceivesReturnValue(Runtimes runtime) {
        ActorRef<Worker> ref = Actor.start(new Worker(runtime));
        assertEquals("got hi", ref.ask("hi").get(TIMEOUT));
        assertEquals("got 42", ref.ask(42).get());
    }

    @EachRuntime
    void messagesOfAnyTypeArriveInOrder(Runtimes runtime) {
        Worker worker = new Worker(runtime);
        ActorRef<Worker> ref = Actor.start(worker);
        List<Object> sent = List.of("text", 1, 2.5, List.of("a"), new Object[0].getClass(), 'c');
        sent.forEach(ref::tell);
        ref.ask("sync").get(TIMEOUT);
        List<Object> expected = new ArrayList<>(sent);
        expected.add("sync");
        assertEquals(expected, ref.call(w -> List.copyOf(w.received)).get(TIMEOUT));
    }

    @EachRuntime
    void callRunsTheFunctionOnTheActorInMailboxOrder(Runtimes runtime) {
        ActorRef<Worker> ref = Actor.start(new Worker(runtime));
        ref.defer(Worker::increment);
        ref.defer(Worker::increment);
        assertEquals(3, ref.call(Worker::increment).get(TIMEOUT));
        assertEquals(4, ref.call(Worker::increment).get(TIMEOUT));
    }

    @EachRuntime
    void callRunsInsideTheActorsThread(Runtimes runtime) {
        ActorRef<Worker> ref = Actor.start(new Worker(runtime));
        Thread actorThread = ref.call(w -> Thread.currentThread()).get(TIMEOUT);
        assertFalse(actorThread == Thread.currentThread());
    }

    @EachRuntime
    void askFailureGoesToTheCallerOnlyAndTheActorKeepsRunning(Runtimes runtime) {
        Worker worker = new Worker(runtime);
        ActorRef<Worker> ref = Actor.start(worker);
        IllegalArgumentException boom = new IllegalArgumentException("boom");
        try (LogRecords log = LogRecords.of(Worker.class)) {
            IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> ref.ask(boom).get(TIMEOUT));
            assertSame(boom, thrown);
            assertTrue(thrown.getSuppressed().length > 0, "the caller's stack is added as suppressed");
            assertSame(boom, log.find(Level.INFO, "to caller").getThrown());
        }
        assertTrue(ref.isAlive());
        assertEquals("got after", ref.ask("after").get(TIMEOUT));
        assertNull(worker.failure.get());
    }

    @EachRuntime
    void checkedExceptionIsWrappedInActorException(Runtimes runtime) {
        ActorRef<Worker> ref = Actor.start(new Worker(runtime));
        IOException io = new IOException("disk");
        ActorException thrown = assertThrows(ActorException.class, () -> ref.ask(io).get(TIMEOUT));
        assertSame(io, thrown.getCause());
    }

    @EachRuntime
    void tellFailureIsLoggedRunsOnFailureAndStopsTheActorWithoutOnStop(Runtimes runtime) throws Exception {
        Worker worker = new Worker(runtime);
        ActorRef<Worker> ref = Actor.start(worker);
        IllegalStateException boom = new IllegalStateException("boom");
        try (LogRecords log = LogRecords.of(Worker.class)) {
            ref.tell(boom);
            ref.whenStopped().get(TIMEOUT);
            assertSame(boom, log.find(Level.SEVERE, "Unhandled exception in " + ref).getThrown());
        }
        assertSame(boom, worker.failure.get());
        assertEquals(0, worker.stops.get());
        assertFalse(ref.isAlive());
        assertTrue(ActorRegistry.getByUrn(ref.urn()).isEmpty());
        assertThrows(ActorDeadException.class, () -> ref.tell("more"));
    }

    @EachRuntime
    void logMessagesWithAnExceptionAttachedDoNotEndInAColon(Runtimes runtime) {
        ActorRef<Worker> ref = Actor.start(new Worker(runtime));
        try (LogRecords log = LogRecords.of(Worker.class)) {
            assertThrows(IllegalStateException.class, () -> ref.ask(new IllegalStateException("asked")).get(TIMEOUT));
            ref.tell(new IllegalStateException("told"));
            ref.whenStopped().get(TIMEOUT);
            assertEquals("Exception returned from " + ref + " to caller", log.find(Level.INFO, "to caller").getMessage());
            assertEquals("Unhandled exception in " + ref, log.find(Level.SEVERE, "Unhandled").getMessage());
        }
    }

    @EachRuntime
    void deferFailureGoesToOnFailureAndStopsTheActor(Runtimes runtime) {
        Worker worker = new Worker(runtime);
        ActorRef<Worker> ref = Actor.start(worker);
        ref.defer(w -> {
            throw new UnsupportedOperationException("nope");
        });
        ref.whenStopped().get(TIMEOUT);
        assertInstanceOf(UnsupportedOperationException.class, worker.failure.get());
    }

    @EachRuntime
    void onStartFailureRunsOnFailureAndStopsTheActor(Runtimes runtime) {
        AtomicReference<Throwable> seen = new AtomicReference<>();
        AtomicInteger stops = new AtomicInteger();
        TestActor actor = new TestActor(runtime) {
            @Override
            protected void onStart() throws Exception {
                throw new IOException("cannot start");
            }

            @Override
            protected void onFailure(Throwable cause) {
                seen.set(cause);
            }

            @Override
            protected void onStop() {
                stops.incrementAndGet();
            }
        };
        ActorRef<TestActor> ref = Actor.start(actor);
        ActorFuture<Object> queued = ref.ask("never handled");
        ref.whenStopped().get(TIMEOUT);
        assertInstanceOf(IOException.class, seen.get());
        assertEquals(0, stops.get());
        assertTrue(ActorRegistry.getByUrn(ref.urn()).isEmpty());
        assertThrows(ActorDeadException.class, () -> queued.get(TIMEOUT));
    }

    @EachRuntime
    void exceptionsInOnStopAndOnFailureAreLoggedAndTheActorStillStops(Runtimes runtime) {
        class Clumsy extends TestActor {
            Clumsy() {
                super(runtime);
            }

            @Override
            protected Object onReceive(Object message) {
                throw new IllegalStateException("handler");
            }

            @Override
            protected void onFailure(Throwable cause) {
                throw new IllegalStateException("onFailure");
            }

            @Override
            protected void onStop() {
                throw new IllegalStateException("onStop");
            }
        }
        try (LogRecords log = LogRecords.of(Clumsy.class)) {
            ActorRef<Clumsy> failing = Actor.start(new Clumsy());
            failing.tell("fail");
            failing.whenStopped().get(TIMEOUT);
            assertEquals("onFailure", log.find(Level.SEVERE, "onFailure").getThrown().getMessage());

            ActorRef<Clumsy> stopping = Actor.start(new Clumsy());
            assertTrue(stopping.stop(TIMEOUT));
            assertEquals("onStop", log.find(Level.SEVERE, "onStop").getThrown().getMessage());
            assertFalse(stopping.isAlive());
            assertTrue(ActorRegistry.getByUrn(stopping.urn()).isEmpty());
        }
    }

    @EachRuntime
    void errorInAHandlerReachesTheAskingCallerAndTheActorSurvives(Runtimes runtime) {
        ActorRef<Worker> ref = Actor.start(new Worker(runtime));
        assertThrows(StackOverflowError.class, () -> ref.ask("recurse").get(TIMEOUT));
        assertEquals("got alive", ref.ask("alive").get(TIMEOUT));
    }

    @EachRuntime
    void errorInATellStopsTheActorAndFailsTheAsksBehindIt(Runtimes runtime) {
        Worker worker = new Worker(runtime);
        ActorRef<Worker> ref = Actor.start(worker);
        ref.tell(new AssertionError("fatal"));
        ActorFuture<Object> behind = ref.ask("behind");
        ref.whenStopped().get(TIMEOUT);
        assertInstanceOf(AssertionError.class, worker.failure.get());
        assertThrows(ActorDeadException.class, () -> behind.get(TIMEOUT));
    }

    @EachRuntime
    void unexpectedMessageIsLoggedAsWarningAndAnswersNull(Runtimes runtime) {
        try (LogRecords log = LogRecords.of(Silent.class)) {
            ActorRef<Silent> ref = Actor.start(new Silent(runtime));
            assertNull(ref.ask("what?").get(TIMEOUT));
            assertTrue(log.has(Level.WARNING, "Unexpected message"), "warning logged");
            assertTrue(ref.isAlive());
        }
    }

    @EachRuntime
    void startAndStopAreLoggedAtDebug(Runtimes runtime) {
        try (LogRecords log = LogRecords.of(Silent.class)) {
            ActorRef<Silent> ref = Actor.start(new Silent(runtime));
            ref.stop(TIMEOUT);
            log.find(Level.FINE, "Starting " + ref);
            log.find(Level.FINE, "Stopped " + ref);
        }
    }

    @EachRuntime
    void nullIsNeverAMessageAndNothingIsQueued(Runtimes runtime) {
        Worker worker = new Worker(runtime);
        ActorRef<Worker> ref = Actor.start(worker);
        NullPointerException e = assertThrows(NullPointerException.class, () -> ref.tell(null));
        assertTrue(e.getMessage().contains("must not be null"), e.getMessage());
        assertThrows(NullPointerException.class, () -> ref.ask(null));
        assertThrows(NullPointerException.class, () -> ref.call(null));
        assertThrows(NullPointerException.class, () -> ref.defer(null));
        assertEquals(List.of("sync"), ref.call(w -> {
            w.received.add("sync");
            return List.copyOf(w.received);
        }).get(TIMEOUT));
        assertTrue(ref.isAlive());
    }

    @EachRuntime
    void tellToADeadActorIsAnActorDeadException(Runtimes runtime) {
        ActorRef<Worker> ref = Actor.start(new Worker(runtime));
        ref.stop();
        ActorDeadException e = assertThrows(ActorDeadException.class, () -> ref.tell("hello"));
        assertTrue(e.getMessage().contains(ref.urn()), e.getMessage());
        assertThrows(ActorDeadException.class, () -> ref.defer(Worker::increment));
    }

    @EachRuntime
    void askToADeadActorGivesAFailedFuture(Runtimes runtime) {
        ActorRef<Worker> ref = Actor.start(new Worker(runtime));
        ref.stop();
        ActorFuture<Object> answer = ref.ask("hello");
        assertTrue(answer.isDone());
        assertThrows(ActorDeadException.class, () -> answer.get(TIMEOUT));
        assertThrows(ActorDeadException.class, () -> ref.call(Worker::increment).get(TIMEOUT));
    }

    @EachRuntime
    void asksLeftInTheInboxAtStopFailNamingTheActor(Runtimes runtime) {
        CountDownLatch release = new CountDownLatch(1);
        Worker worker = new Worker(runtime) {
            @Override
            protected Object onReceive(Object message) throws Exception {
                if ("fail".equals(message)) {
                    release.await();
                    throw new IllegalStateException("fail");
                }
                return super.onReceive(message);
            }
        };
        ActorRef<Worker> ref = Actor.start(worker);
        ref.tell("fail");
        List<ActorFuture<Object>> left = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            left.add(ref.ask(i));
        }
        release.countDown();
        for (ActorFuture<Object> future : left) {
            ActorDeadException e = assertThrows(ActorDeadException.class, () -> future.get(TIMEOUT));
            assertTrue(e.getMessage().contains(ref.toString()), e.getMessage());
        }
    }

    @EachRuntime
    void aFailingActorDoesNotAffectOthers(Runtimes runtime) {
        ActorRef<Worker> failing = Actor.start(new Worker(runtime));
        ActorRef<Worker> healthy = Actor.start(new Worker(runtime));
        failing.tell(new IllegalStateException("boom"));
        failing.whenStopped().get(TIMEOUT);
        assertEquals("got fine", healthy.ask("fine").get(TIMEOUT));
    }
}
