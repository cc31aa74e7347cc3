package org.jykka.threading;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jykka.Actor;
import org.jykka.ActorRef;
import org.jykka.testkit.ActorTestSupport;
import org.jykka.testkit.EachRuntime;
import org.jykka.testkit.Runtimes;
import org.jykka.testkit.TestActor;

/**
 * No actor waits for ever for a thread while others keep theirs busy: not behind actors that keep
 * telling each other, not behind handlers that compute without blocking (on virtual threads, which are
 * not preempted, the hard case). Progress is asserted, never timing.
 */
class VirtualThreadFairnessTest extends ActorTestSupport {
    private static final int PAIRS = 16;
    private static final int CORES = Runtime.getRuntime().availableProcessors();

    /** Sends every ball straight back to its partner with a tell, while the game is on. */
    static final class Player extends TestActor {
        private final AtomicBoolean playing;
        private final AtomicLong hops;
        private ActorRef<?> partner;

        Player(Runtimes runtime, AtomicBoolean playing, AtomicLong hops) {
            super(runtime);
            this.playing = playing;
            this.hops = hops;
        }

        @Override
        protected Object onReceive(Object message) {
            if (message instanceof ActorRef<?> newPartner) {
                partner = newPartner;
            } else if (playing.get()) {
                hops.incrementAndGet();
                partner.tell(message);
            }
            return null;
        }
    }

    /** Computes (spins, never blocks) until released; counts its start and its end. */
    static final class Spinner extends TestActor {
        private final CountDownLatch started;
        private final CountDownLatch release;
        private final AtomicInteger finished;

        Spinner(Runtimes runtime, CountDownLatch started, CountDownLatch release, AtomicInteger finished) {
            super(runtime);
            this.started = started;
            this.release = release;
            this.finished = finished;
        }

        @Override
        protected Object onReceive(Object message) {
            started.countDown();
            long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(1); // only if the test never releases
            while (release.getCount() > 0 && System.nanoTime() < giveUp) {
                Thread.onSpinWait();
            }
            finished.incrementAndGet();
            return null;
        }
    }

    /** Answers at once. */
    static final class Idle extends TestActor {
        Idle(Runtimes runtime) {
            super(runtime);
        }

        @Override
        protected Object onReceive(Object message) {
            return "answered " + message;
        }
    }

    @EachRuntime
    void idleActorIsAnsweredWhileSixteenPairsKeepTellingEachOther(Runtimes runtime) {
        AtomicBoolean playing = new AtomicBoolean(true);
        AtomicLong hops = new AtomicLong();
        try {
            for (int i = 0; i < PAIRS; i++) {
                ActorRef<Player> ping = Actor.start(new Player(runtime, playing, hops));
                ActorRef<Player> pong = Actor.start(new Player(runtime, playing, hops));
                ping.ask(pong).get(TIMEOUT);
                pong.ask(ping).get(TIMEOUT);
                ping.tell("ball");
            }
            await().atMost(TIMEOUT).until(() -> hops.get() > 100_000); // every runner is busy with the pairs
            ActorRef<Idle> idle = Actor.start(new Idle(runtime));

            String answer = (String) idle.ask("ping").get(TIMEOUT);
            long hopsAtAnswer = hops.get();

            assertEquals("answered ping", answer);
            await().atMost(TIMEOUT).until(() -> hops.get() > hopsAtAnswer); // and the pairs still played
        } finally {
            playing.set(false);
        }
    }

    @EachRuntime
    void idleActorIsAnsweredWhileMoreHandlersThanCoresComputeWithoutBlocking(Runtimes runtime) throws InterruptedException {
        // A fixed pool has a set number of threads and no preemption: a handler that computes for ever
        // keeps its thread, so more such handlers than threads starve the rest, by design.
        assumeTrue(runtime != Runtimes.SHARED_POOL, "a fixed pool cannot run more never-blocking handlers than it has threads");
        CountDownLatch started = new CountDownLatch(CORES + 1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger finished = new AtomicInteger();
        try {
            startSpinners(runtime, started, release, finished);
            await().atMost(TIMEOUT).until(() -> started.getCount() <= 1); // every core is held by one
            ActorRef<Idle> idle = Actor.start(new Idle(runtime));

            String answer = (String) idle.ask("ping").get(TIMEOUT);
            int finishedAtAnswer = finished.get();

            assertEquals("answered ping", answer);
            assertEquals(0, finishedAtAnswer, "answered while every spinner still computed");
        } finally {
            release.countDown();
        }
    }

    @EachRuntime
    void everyHandlerGetsToRunWhileMoreHandlersThanCoresComputeWithoutBlocking(Runtimes runtime) throws InterruptedException {
        // A fixed pool has a set number of threads and no preemption: a handler that computes for ever
        // keeps its thread, so more such handlers than threads starve the rest, by design.
        assumeTrue(runtime != Runtimes.SHARED_POOL, "a fixed pool cannot run more never-blocking handlers than it has threads");
        CountDownLatch started = new CountDownLatch(CORES + 1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger finished = new AtomicInteger();
        try {
            startSpinners(runtime, started, release, finished);

            boolean allStarted = started.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            int finishedWhenAllStarted = finished.get();

            assertTrue(allStarted, (CORES + 1) + " spinners started on " + CORES + " cores; waiting: " + started.getCount());
            assertEquals(0, finishedWhenAllStarted, "the last one started while the others still computed");
        } finally {
            release.countDown();
        }
    }

    private static void startSpinners(Runtimes runtime, CountDownLatch started, CountDownLatch release, AtomicInteger finished) {
        List<ActorRef<Spinner>> spinners = new ArrayList<>();
        for (int i = 0; i < CORES + 1; i++) {
            spinners.add(Actor.start(new Spinner(runtime, started, release, finished)));
        }
        spinners.forEach(spinner -> spinner.tell("spin"));
    }
}
