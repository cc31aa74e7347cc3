package org.jykka.threading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jykka.Actor;
import org.jykka.ActorDeadException;
import org.jykka.ActorFuture;
import org.jykka.ActorRef;
import org.jykka.ActorTimeoutException;
import org.jykka.registry.ActorRegistry;
import org.jykka.testkit.ActorTestSupport;
import org.jykka.testkit.EachRuntime;
import org.jykka.testkit.Runtimes;
import org.jykka.testkit.TestActor;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class LifecycleTest extends ActorTestSupport {

    /** Records what ran, in which thread. */
    static class Recorder extends TestActor {
        final List<String> events = new CopyOnWriteArrayList<>();
        final AtomicReference<Thread> constructorThread = new AtomicReference<>(Thread.currentThread());
        final AtomicReference<Thread> startThread = new AtomicReference<>();
        final AtomicReference<Thread> stopThread = new AtomicReference<>();
        final AtomicReference<Thread> messageThread = new AtomicReference<>();
        final AtomicInteger stops = new AtomicInteger();
        volatile boolean registeredInOnStart;

        Recorder(Runtimes runtime) {
            super(runtime);
        }

        @Override
        protected void onStart() {
            startThread.set(Thread.currentThread());
            registeredInOnStart = ActorRegistry.getByUrn(urn()).isPresent();
            events.add("start");
        }

        @Override
        protected Object onReceive(Object message) {
            messageThread.set(Thread.currentThread());
            events.add("message " + message);
            return message;
        }

        @Override
        protected void onStop() {
            stopThread.set(Thread.currentThread());
            stops.incrementAndGet();
            events.add("stop");
        }
    }

    @EachRuntime
    void onStartRunsBeforeAnyMessageInTheActorsThread(Runtimes runtime) {
        Recorder actor = new Recorder(runtime);
        ActorRef<Recorder> ref = Actor.start(actor);
        ref.tell("a");
        ref.ask("b").get(TIMEOUT);

        assertEquals(List.of("start", "message a", "message b"), actor.events);
        assertNotSame(Thread.currentThread(), actor.startThread.get());
        assertNotSame(Thread.currentThread(), actor.messageThread.get());
        if (runtime.ownThread) {
            assertSame(actor.startThread.get(), actor.messageThread.get());
        }
    }

    @EachRuntime
    void constructorRunsInTheCallersThread(Runtimes runtime) {
        Recorder actor = new Recorder(runtime);
        Actor.start(actor);
        assertSame(Thread.currentThread(), actor.constructorThread.get());
    }

    @EachRuntime
    void actorIsRegisteredBeforeOnStartRuns(Runtimes runtime) {
        Recorder actor = new Recorder(runtime);
        Actor.start(actor).ask("sync").get(TIMEOUT);
        assertTrue(actor.registeredInOnStart);
    }

    @EachRuntime
    void onStopRunsOnceInTheActorAfterMessagesSentBeforeTheStop(Runtimes runtime) {
        Recorder actor = new Recorder(runtime);
        ActorRef<Recorder> ref = Actor.start(actor);
        ref.tell("a");
        ref.tell("b");

        assertTrue(ref.stop(TIMEOUT));
        assertFalse(ref.stop(TIMEOUT));

        assertEquals(List.of("start", "message a", "message b", "stop"), actor.events);
        assertEquals(1, actor.stops.get());
        assertNotSame(Thread.currentThread(), actor.stopThread.get());
        if (runtime.ownThread) {
            assertSame(actor.startThread.get(), actor.stopThread.get());
        }
    }

    @EachRuntime
    void actorIsUnregisteredAndRefusesMessagesBeforeOnStopRuns(Runtimes runtime) {
        AtomicReference<String> seenInOnStop = new AtomicReference<>();
        Recorder actor = new Recorder(runtime) {
            @Override
            protected void onStop() {
                seenInOnStop.set(ActorRegistry.getByUrn(urn()).isPresent() + " " + self().isAlive());
            }
        };
        Actor.start(actor).stop(TIMEOUT);
        assertEquals("false false", seenInOnStop.get());
    }

    @EachRuntime
    void onStartCanStopTheActorAndOnStopStillRuns(Runtimes runtime) {
        Recorder actor = new Recorder(runtime) {
            @Override
            protected void onStart() {
                super.onStart();
                stopSelf();
            }
        };
        ActorRef<Recorder> ref = Actor.start(actor);
        ref.whenStopped().get(TIMEOUT);
        assertEquals(List.of("start", "stop"), actor.events);
    }

    @EachRuntime
    void onStartCanStartOtherActors(Runtimes runtime) {
        AtomicReference<ActorRef<Recorder>> child = new AtomicReference<>();
        Recorder parent = new Recorder(runtime) {
            @Override
            protected void onStart() {
                child.set(Actor.start(new Recorder(runtime)));
            }
        };
        Actor.start(parent).ask("sync").get(TIMEOUT);
        assertEquals("ping", child.get().ask("ping").get(TIMEOUT));
    }

    @EachRuntime
    void stopReturnsTrueForAliveAndFalseForDeadActor(Runtimes runtime) {
        ActorRef<Recorder> ref = Actor.start(new Recorder(runtime));
        assertTrue(ref.isAlive());
        assertTrue(ref.stop());
        assertFalse(ref.isAlive());
        assertFalse(ref.stop());
        assertFalse(ref.stopAsync().get(TIMEOUT));
    }

    @EachRuntime
    void secondStopRequestWhileStoppingAlsoAnswersTrue(Runtimes runtime) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ActorRef<Blocker> ref = Actor.start(new Blocker(runtime, release));
        ref.tell("block");
        ActorFuture<Boolean> first = ref.stopAsync();
        ActorFuture<Boolean> second = ref.stopAsync();
        release.countDown();
        assertTrue(first.get(TIMEOUT));
        assertTrue(second.get(TIMEOUT));
    }

    @EachRuntime
    void messagesSentAfterAStopRequestAreRefused(Runtimes runtime) {
        CountDownLatch release = new CountDownLatch(1);
        ActorRef<Blocker> ref = Actor.start(new Blocker(runtime, release));
        ref.tell("block");
        ActorFuture<Boolean> stopped = ref.stopAsync();

        assertThrows(ActorDeadException.class, () -> ref.tell("late"));
        ActorFuture<Object> late = ref.ask("late");
        release.countDown();

        assertThrows(ActorDeadException.class, () -> late.get(TIMEOUT));
        assertTrue(stopped.get(TIMEOUT));
    }

    @EachRuntime
    void whenStoppedCompletesAfterAStop(Runtimes runtime) {
        ActorRef<Recorder> ref = Actor.start(new Recorder(runtime));
        assertFalse(ref.whenStopped().isDone());
        ref.stopAsync();
        ref.whenStopped().get(TIMEOUT);
        assertFalse(ref.isAlive());
    }

    @EachRuntime
    void actorCanStopItselfAfterItsInbox(Runtimes runtime) {
        Recorder actor = new Recorder(runtime) {
            @Override
            protected Object onReceive(Object message) {
                super.onReceive(message);
                if ("stop yourself".equals(message)) {
                    stopSelf();
                }
                return null;
            }
        };
        ActorRef<Recorder> ref = Actor.start(actor);
        ref.tell("stop yourself");
        ref.whenStopped().get(TIMEOUT);
        assertEquals(List.of("start", "message stop yourself", "stop"), actor.events);
    }

    @EachRuntime
    void blockingStopFromInsideTheActorFailsInsteadOfWaitingForever(Runtimes runtime) {
        Recorder actor = new Recorder(runtime) {
            @Override
            protected Object onReceive(Object message) {
                return self().stop();
            }
        };
        ActorRef<Recorder> ref = Actor.start(actor);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ref.ask("stop").get(TIMEOUT));
        assertTrue(e.getMessage().contains("stopAsync"), e.getMessage());
        assertTrue(ref.isAlive());
    }

    @EachRuntime
    void timedStopThrowsWhenTheActorDoesNotStopInTime(Runtimes runtime) {
        CountDownLatch release = new CountDownLatch(1);
        ActorRef<Blocker> ref = Actor.start(new Blocker(runtime, release));
        ref.tell("block");
        assertThrows(ActorTimeoutException.class, () -> ref.stop(java.time.Duration.ofMillis(50)));
        release.countDown();
        ref.whenStopped().get(TIMEOUT);
    }

    @EachRuntime
    void startingAnActorTwiceIsAnIllegalStateException(Runtimes runtime) {
        Recorder actor = new Recorder(runtime);
        Actor.start(actor);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Actor.start(actor));
        assertTrue(e.getMessage().contains("started before"), e.getMessage());
    }

    @EachRuntime
    void aStoppedActorNeverRestarts(Runtimes runtime) {
        Recorder actor = new Recorder(runtime);
        Actor.start(actor).stop();
        assertThrows(IllegalStateException.class, () -> Actor.start(actor));
        assertEquals(List.of("start", "stop"), actor.events);
    }

    @Test
    void startingNullIsANullPointerException() {
        assertThrows(NullPointerException.class, () -> Actor.start(null));
    }

    @EachRuntime
    void urnIsARandomUuidUrnFixedAtCreation(Runtimes runtime) {
        Recorder first = new Recorder(runtime);
        Recorder second = new Recorder(runtime);
        assertTrue(first.urn().matches("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"),
                first.urn());
        assertFalse(first.urn().equals(second.urn()));
        ActorRef<Recorder> ref = Actor.start(first);
        assertEquals(first.urn(), ref.urn());
    }

    @EachRuntime
    void refsAreEqualByUrnAndPrintAsClassAndUrn(Runtimes runtime) {
        Recorder actor = new Recorder(runtime);
        ActorRef<Recorder> ref = Actor.start(actor);
        ActorRef<?> found = ActorRegistry.getByUrn(ref.urn()).orElseThrow();

        assertEquals(ref, found);
        assertEquals(ref.hashCode(), found.hashCode());
        assertEquals("Recorder (" + ref.urn() + ")", ref.toString());
        assertEquals(ref.toString(), actor.toString());
        assertEquals(Recorder.class, ref.actorClass());
        assertFalse(ref.equals(Actor.start(new Recorder(runtime))));
    }

    @EachRuntime
    void aRefPrintsAsClassAndUrnEvenWhenTheActorOverridesToString(Runtimes runtime) {
        Recorder actor = new Recorder(runtime) {
            @Override
            public String toString() {
                return "my own words";
            }
        };
        ActorRef<Recorder> ref = Actor.start(actor);
        assertEquals("LifecycleTest$" , ref.toString().substring(0, "LifecycleTest$".length()));
        assertTrue(ref.toString().endsWith(" (" + ref.urn() + ")"), ref.toString());
    }

    @EachRuntime
    void noHolderCanCompleteTheFuturesAnActorHandsOut(Runtimes runtime) {
        CountDownLatch release = new CountDownLatch(1);
        ActorRef<Blocker> ref = Actor.start(new Blocker(runtime, release));
        ActorFuture<Object> blocked = ref.ask("block");
        ActorFuture<Void> stopped = ref.whenStopped();
        for (ActorFuture<?> future : List.of(blocked, stopped, ref.stopAsync())) {
            assertFalse(future instanceof ThreadingFuture, future.getClass().getName());
            future.toCompletableFuture().complete(null);
            future.toCompletableFuture().completeExceptionally(new IllegalStateException("decided by the holder"));
            assertFalse(future.isDone(), "completing a copy leaves the actor's future alone");
        }
        release.countDown();
        assertEquals("block", blocked.get(TIMEOUT));
        stopped.get(TIMEOUT);
    }

    @EachRuntime
    void aStoppedActorIsNotKeptReachableByItsReference(Runtimes runtime) {
        WeakReference<Recorder> instance = new WeakReference<>(new Recorder(runtime));
        ActorRef<Recorder> ref = Actor.start(instance.get());
        ActorFuture<Void> stopped = ref.whenStopped();
        assertEquals("kept", ref.ask("kept").get(TIMEOUT));
        assertTrue(ref.stop(TIMEOUT));
        Awaitility.await().atMost(TIMEOUT).until(() -> {
            System.gc();
            return instance.get() == null;
        });
        assertEquals(Recorder.class, ref.actorClass());
        assertTrue(stopped.isDone());
    }

    @EachRuntime
    void actorRefBeforeStartIsAnIllegalStateException(Runtimes runtime) {
        Recorder actor = new Recorder(runtime);
        assertThrows(IllegalStateException.class, actor::self);
        assertThrows(IllegalStateException.class, actor::stopSelf);
    }

    @EachRuntime
    void actorRefInsideTheActorIsItsOwnReference(Runtimes runtime) {
        Recorder actor = new Recorder(runtime) {
            @Override
            protected Object onReceive(Object message) {
                return self();
            }
        };
        ActorRef<Recorder> ref = Actor.start(actor);
        assertEquals(ref, ref.ask("who").get(TIMEOUT));
    }

    @EachRuntime
    void inboxSizeCountsWaitingMessages(Runtimes runtime) {
        CountDownLatch release = new CountDownLatch(1);
        ActorRef<Blocker> ref = Actor.start(new Blocker(runtime, release));
        ActorFuture<Object> blocked = ref.ask("block");
        ref.tell("one");
        ref.tell("two");
        org.awaitility.Awaitility.await().atMost(TIMEOUT).until(() -> ref.inboxSize() == 2);
        release.countDown();
        blocked.get(TIMEOUT);
        ref.ask("sync").get(TIMEOUT);
        assertEquals(0, ref.inboxSize());
    }

    /** Blocks on "block" until released. */
    static class Blocker extends TestActor {
        private final CountDownLatch release;
        final CountDownLatch blocking = new CountDownLatch(1);

        Blocker(Runtimes runtime, CountDownLatch release) {
            super(runtime);
            this.release = release;
        }

        @Override
        protected Object onReceive(Object message) throws InterruptedException {
            if ("block".equals(message)) {
                blocking.countDown();
                if (!release.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("never released");
                }
            }
            return message;
        }
    }
}
