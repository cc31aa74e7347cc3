package org.jykka.threading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jykka.Actor;
import org.jykka.ActorRef;
import org.jykka.Termination;
import org.jykka.testkit.ActorTestSupport;
import org.jykka.testkit.EachRuntime;
import org.jykka.testkit.Runtimes;
import org.jykka.testkit.TestActor;

/** watch, unwatch, onTerminated and ActorRef.termination(). */
class DeathWatchTest extends ActorTestSupport {

    /** Watches what it is told to, and records every termination it hears of, and every message. */
    static class Watcher extends TestActor {
        final List<Object> heard = new CopyOnWriteArrayList<>();
        final CountDownLatch terminated = new CountDownLatch(1);

        Watcher(Runtimes runtime) {
            super(runtime);
        }

        void watchIt(ActorRef<?> other) {
            watch(other);
        }

        void unwatchIt(ActorRef<?> other) {
            unwatch(other);
        }

        @Override
        protected Object onReceive(Object message) {
            heard.add(message);
            return message;
        }

        @Override
        protected void onTerminated(ActorRef<?> other, Termination termination) throws Exception {
            heard.add(termination);
            terminated.countDown();
        }
    }

    static class Quiet extends TestActor {
        Quiet(Runtimes runtime) {
            super(runtime);
        }

        @Override
        protected Object onReceive(Object message) {
            if (message instanceof RuntimeException failure) {
                throw failure;
            }
            return message;
        }
    }

    /** Makes the watcher watch {@code watched}, from inside itself, and waits until it does. */
    static void watch(ActorRef<Watcher> watcher, ActorRef<?> watched) {
        watcher.call(w -> {
            w.watchIt(watched);
            return null;
        }).get(TIMEOUT);
    }

    private static void await(CountDownLatch latch) throws InterruptedException {
        assertTrue(latch.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS), "in time");
    }

    @EachRuntime
    void aWatcherIsToldOnceThatTheWatchedActorStopped(Runtimes runtime) throws InterruptedException {
        Watcher watcher = new Watcher(runtime);
        ActorRef<Watcher> watcherRef = Actor.start(watcher);
        ActorRef<Quiet> watched = Actor.start(new Quiet(runtime));
        watch(watcherRef, watched);

        watched.stop(TIMEOUT);
        await(watcher.terminated);
        watcherRef.ask("sync").get(TIMEOUT);

        assertEquals(List.of(new Termination(Termination.Reason.STOPPED, null), "sync"), watcher.heard);
    }

    @EachRuntime
    void aWatcherIsToldOfAFailureWithItsCause(Runtimes runtime) throws InterruptedException {
        Watcher watcher = new Watcher(runtime);
        ActorRef<Watcher> watcherRef = Actor.start(watcher);
        ActorRef<Quiet> watched = Actor.start(new Quiet(runtime));
        watch(watcherRef, watched);
        IllegalStateException boom = new IllegalStateException("boom");

        watched.tell(boom);
        await(watcher.terminated);

        Termination termination = (Termination) watcher.heard.get(0);
        assertEquals(Termination.Reason.FAILED, termination.reason());
        assertSame(boom, termination.cause());
    }

    @EachRuntime
    void watchingADeadActorTellsAtOnce(Runtimes runtime) throws InterruptedException {
        ActorRef<Quiet> watched = Actor.start(new Quiet(runtime));
        watched.stop(TIMEOUT);
        Watcher watcher = new Watcher(runtime);
        ActorRef<Watcher> watcherRef = Actor.start(watcher);

        watch(watcherRef, watched);

        await(watcher.terminated);
        assertEquals(List.of(new Termination(Termination.Reason.STOPPED, null)), watcher.heard);
    }

    @EachRuntime
    void watchingTheSameActorTwiceIsOneWatch(Runtimes runtime) throws InterruptedException {
        Watcher watcher = new Watcher(runtime);
        ActorRef<Watcher> watcherRef = Actor.start(watcher);
        ActorRef<Quiet> watched = Actor.start(new Quiet(runtime));
        watcherRef.call(w -> { w.watchIt(watched); w.watchIt(watched); return null; }).get(TIMEOUT);

        watched.stop(TIMEOUT);
        await(watcher.terminated);
        watcherRef.ask("sync").get(TIMEOUT);

        assertEquals(1, watcher.heard.stream().filter(Termination.class::isInstance).count());
    }

    @EachRuntime
    void nothingArrivesAfterUnwatchReturnsEvenIfAlreadyQueued(Runtimes runtime) throws InterruptedException {
        Watcher watcher = new Watcher(runtime);
        ActorRef<Watcher> watcherRef = Actor.start(watcher);
        ActorRef<Quiet> watched = Actor.start(new Quiet(runtime));
        watch(watcherRef, watched);
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        watcherRef.defer(w -> {
            busy.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            w.unwatchIt(watched); // the notification is already in the inbox by now
        });
        await(busy);
        watched.stop(TIMEOUT);
        org.awaitility.Awaitility.await().atMost(TIMEOUT).until(() -> watcherRef.inboxSize() >= 1);

        release.countDown();
        watcherRef.ask("sync").get(TIMEOUT);

        assertEquals(List.of("sync"), watcher.heard);
    }

    @EachRuntime
    void theNotificationComesInMailboxOrder(Runtimes runtime) throws InterruptedException {
        Watcher watcher = new Watcher(runtime);
        ActorRef<Watcher> watcherRef = Actor.start(watcher);
        ActorRef<Quiet> watched = Actor.start(new Quiet(runtime));
        watch(watcherRef, watched);

        watcherRef.tell("before");
        watched.stop(TIMEOUT);
        await(watcher.terminated);

        assertEquals("before", watcher.heard.get(0));
        assertTrue(watcher.heard.get(1) instanceof Termination);
    }

    @EachRuntime
    void aWatcherThatStopsStopsWatching(Runtimes runtime) throws InterruptedException {
        Watcher watcher = new Watcher(runtime);
        ActorRef<Watcher> watcherRef = Actor.start(watcher);
        ActorRef<Quiet> watched = Actor.start(new Quiet(runtime));
        watch(watcherRef, watched);

        watcherRef.stop(TIMEOUT);
        watched.stop(TIMEOUT);

        assertEquals(1, watcher.terminated.getCount(), "the stopped watcher heard nothing");
    }

    @EachRuntime
    void anOnTerminatedThatThrowsIsAFailureLikeATells(Runtimes runtime) {
        IllegalStateException boom = new IllegalStateException("onTerminated failed");
        Watcher watcher = new Watcher(runtime) {
            @Override
            protected void onTerminated(ActorRef<?> other, Termination termination) {
                throw boom;
            }
        };
        ActorRef<Watcher> watcherRef = Actor.start(watcher);
        ActorRef<Quiet> watched = Actor.start(new Quiet(runtime));
        watch(watcherRef, watched);

        watched.stop(TIMEOUT);

        Termination end = watcherRef.termination().get(TIMEOUT);
        assertEquals(Termination.Reason.FAILED, end.reason());
        assertSame(boom, end.cause());
    }

    @EachRuntime
    void terminationTellsCodeOutsideActorsHowAnActorEnded(Runtimes runtime) {
        ActorRef<Quiet> stopped = Actor.start(new Quiet(runtime));
        ActorRef<Quiet> failed = Actor.start(new Quiet(runtime));
        IllegalArgumentException boom = new IllegalArgumentException("boom");

        stopped.stop(TIMEOUT);
        failed.tell(boom);

        assertEquals(new Termination(Termination.Reason.STOPPED, null), stopped.termination().get(TIMEOUT));
        assertSame(boom, failed.termination().get(TIMEOUT).cause());
        assertNull(failed.whenStopped().get(TIMEOUT));
    }

    @EachRuntime
    void anActorWhoseOnStopThrowsStillEndsStopped(Runtimes runtime) {
        ActorRef<Quiet> ref = Actor.start(new Quiet(runtime) {
            @Override
            protected void onStop() {
                throw new IllegalStateException("onStop failed");
            }
        });
        ref.stop(TIMEOUT);
        assertEquals(Termination.Reason.STOPPED, ref.termination().get(TIMEOUT).reason());
    }

    @EachRuntime
    void anActorWhoseOnStartThrowsEndsFailed(Runtimes runtime) {
        IllegalStateException boom = new IllegalStateException("onStart failed");
        ActorRef<Quiet> ref = Actor.start(new Quiet(runtime) {
            @Override
            protected void onStart() {
                throw boom;
            }
        });
        assertSame(boom, ref.termination().get(TIMEOUT).cause());
    }

    @EachRuntime
    void watchingFromOutsideTheActorOrWatchingNullIsRefused(Runtimes runtime) {
        Watcher watcher = new Watcher(runtime);
        ActorRef<Watcher> watcherRef = Actor.start(watcher);
        ActorRef<Quiet> other = Actor.start(new Quiet(runtime));

        assertThrows(IllegalStateException.class, () -> watcher.watchIt(other));
        Throwable nullWatch = assertThrows(NullPointerException.class,
                () -> watcherRef.call(w -> { w.watchIt(null); return null; }).get(TIMEOUT));
        assertTrue(nullWatch.getMessage().contains("other"), nullWatch.getMessage());
    }
}
