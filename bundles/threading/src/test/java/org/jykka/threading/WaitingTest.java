package org.jykka.threading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jykka.Actor;
import org.jykka.ActorFuture;
import org.jykka.ActorRef;
import org.jykka.ActorTimeoutException;
import org.jykka.testkit.ActorTestSupport;
import org.jykka.testkit.EachRuntime;
import org.jykka.testkit.Runtimes;
import org.jykka.testkit.TestActor;

/** Who may wait for what, where callbacks run, and what a timeout bounds. */
class WaitingTest extends ActorTestSupport {

    /** Runs what it is asked to run, inside itself, and answers with its outcome's description. */
    static class Waiter extends TestActor {
        Waiter(Runtimes runtime) {
            super(runtime);
        }

        @Override
        @SuppressWarnings("unchecked")
        protected Object onReceive(Object message) {
            if (message instanceof Function<?, ?> inside) {
                try {
                    return ((Function<Waiter, Object>) inside).apply(this);
                } catch (IllegalStateException refused) {
                    return "refused: " + refused.getMessage();
                }
            }
            return message;
        }
    }

    private static ActorFuture<Object> inside(ActorRef<Waiter> ref, Function<Waiter, Object> code) {
        return ref.ask(code);
    }

    @EachRuntime
    void anActorWaitingForItsOwnAskFailsAtOnceSayingWhy(Runtimes runtime) {
        ActorRef<Waiter> ref = Actor.start(new Waiter(runtime));
        Object answer = inside(ref, self -> self.self().ask("me").get()).get(TIMEOUT);
        assertTrue(answer.toString().startsWith("refused: " + ref + " would wait forever"), answer.toString());
        assertEquals("still answering", ref.ask("still answering").get(TIMEOUT));
    }

    @EachRuntime
    void anActorWaitingForItsOwnCallWithATimeoutFailsAtOnce(Runtimes runtime) {
        ActorRef<Waiter> ref = Actor.start(new Waiter(runtime));
        Object answer = inside(ref, self -> self.self().call(s -> "x").get(Duration.ofDays(1))).get(TIMEOUT);
        assertTrue(answer.toString().startsWith("refused: "), answer.toString());
    }

    @EachRuntime
    void anActorWaitingForItsOwnStopFailsAtOnce(Runtimes runtime) {
        ActorRef<Waiter> ref = Actor.start(new Waiter(runtime));
        Object answer = inside(ref, self -> self.self().whenStopped().get()).get(TIMEOUT);
        assertTrue(answer.toString().startsWith("refused: "), answer.toString());
    }

    @EachRuntime
    void anActorMayWaitForAnotherActor(Runtimes runtime) {
        ActorRef<Waiter> other = Actor.start(new Waiter(runtime));
        ActorRef<Waiter> ref = Actor.start(new Waiter(runtime));
        assertEquals("from the other", inside(ref, self -> other.ask("from the other").get(TIMEOUT)).get(TIMEOUT));
    }

    @EachRuntime
    void aWaiterIsStillWokenAfterManyOthersGaveUpOnTheSameFuture(Runtimes runtime) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ActorRef<Waiter> ref = Actor.start(new Waiter(runtime));
        ActorFuture<Object> pending = inside(ref, self -> await(release));
        CompletableFuture<Object> patient = CompletableFuture.supplyAsync(() -> pending.get(TIMEOUT));
        for (int i = 0; i < 200; i++) {
            assertThrows(ActorTimeoutException.class, () -> pending.get(Duration.ofNanos(1)));
        }
        release.countDown();
        assertEquals("released", patient.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        assertEquals("released", pending.get(Duration.ZERO));
    }

    @EachRuntime
    void callbacksOfToCompletableFutureRunOutsideTheActorAndCannotStallIt(Runtimes runtime) throws Exception {
        CountDownLatch attached = new CountDownLatch(1);
        CountDownLatch releaseCallback = new CountDownLatch(1);
        ActorRef<Waiter> ref = Actor.start(new Waiter(runtime));
        ActorFuture<Object> pending = inside(ref, self -> {
            await(attached);
            return Thread.currentThread();
        });
        CompletableFuture<Thread> callbackThread = pending.toCompletableFuture().thenApply(actorThread -> {
            await(releaseCallback); // a blocking callback
            return Thread.currentThread();
        });
        attached.countDown();
        Thread actorThread = (Thread) pending.get(TIMEOUT);
        assertEquals("answered while the callback blocks", ref.ask("answered while the callback blocks").get(TIMEOUT));
        releaseCallback.countDown();
        assertNotSame(actorThread, callbackThread.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
    }

    @EachRuntime
    void aCallbackOfToCompletableFutureMayStopTheActor(Runtimes runtime) throws Exception {
        CountDownLatch attached = new CountDownLatch(1);
        ActorRef<Waiter> ref = Actor.start(new Waiter(runtime));
        ActorFuture<Object> pending = inside(ref, self -> await(attached));
        CompletableFuture<Boolean> stopped = pending.toCompletableFuture().thenApply(value -> ref.stop(TIMEOUT));
        attached.countDown();
        assertTrue(stopped.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
    }

    @EachRuntime
    void aDerivedFuturesTimeoutBoundsTheWaitForTheSourceNotItsFunction(Runtimes runtime) {
        CountDownLatch functionStarted = new CountDownLatch(1);
        CountDownLatch finishFunction = new CountDownLatch(1);
        ActorRef<Waiter> ref = Actor.start(new Waiter(runtime));
        ActorFuture<Object> answered = ref.ask("source");
        answered.get(TIMEOUT);
        Thread finisher = new Thread(() -> {
            await(functionStarted);
            finishFunction.countDown();
        });
        finisher.start();
        ActorFuture<String> slow = answered.map(value -> {
            functionStarted.countDown();
            await(finishFunction); // takes longer than the zero timeout below
            return value + " mapped";
        });
        assertEquals("source mapped", slow.get(Duration.ZERO));
    }

    private static Object await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("never released");
            }
            return "released";
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
