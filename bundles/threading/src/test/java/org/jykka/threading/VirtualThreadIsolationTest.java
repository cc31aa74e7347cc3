package org.jykka.threading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jykka.Actor;
import org.jykka.ActorRef;
import org.jykka.testkit.ActorTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Actors that share a runner thread do not see what another left on it: the interrupt flag, the
 * context class loader, the name. The actor that dirties its thread tells the observer, which then
 * runs right after it on the same runner (the successor hand-off); a try where the hand-off went
 * elsewhere (the watchdog moved it on a loaded machine) proves nothing and is repeated.
 */
class VirtualThreadIsolationTest extends ActorTestSupport {
    private static final int TRIES = 20;

    /** What the observer saw: whether it ran on the dirtied thread, and what it found there. */
    record Observation(boolean sameThread, Object found) {}

    record Dirty(Consumer<Thread> dirt, Function<Thread, Object> look, List<CompletableFuture<Observation>> seen, CountDownLatch together) {}

    record Look(Thread dirtied, Function<Thread, Object> look, CompletableFuture<Observation> seen, CountDownLatch together) {}

    /** Dirties its thread, then tells each observer to look at theirs. */
    static final class Dirtier extends VirtualThreadActor {
        private final List<ActorRef<Observer>> observers;

        Dirtier(List<ActorRef<Observer>> observers) {
            this.observers = observers;
        }

        @Override
        protected Object onReceive(Object message) {
            Dirty dirty = (Dirty) message;
            dirty.dirt().accept(Thread.currentThread());
            for (int i = 0; i < observers.size(); i++) {
                observers.get(i).tell(new Look(Thread.currentThread(), dirty.look(), dirty.seen().get(i), dirty.together()));
            }
            return null;
        }
    }

    /** Looks at its thread once every observer of the same try is looking: so they run on as many threads. */
    static final class Observer extends VirtualThreadActor {
        @Override
        protected Object onReceive(Object message) throws InterruptedException {
            Look look = (Look) message;
            Thread thread = Thread.currentThread();
            Observation observation = new Observation(thread == look.dirtied(), look.look().apply(thread)); // before it blocks
            look.together().countDown();
            look.together().await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            look.seen().complete(observation);
            return null;
        }
    }

    @BeforeEach
    void needsVirtualThreads() {
        assumeTrue(VirtualThreadRuntime.isSupported(), "virtual threads need Java 21+");
    }

    @Test
    void interruptFlagLeftByAnActorIsNotSeenByTheNextActorOnItsThread() throws Exception {
        List<Object> found = observeTheNextActorOnTheSameThread(Thread::interrupt, Thread::isInterrupted);

        found.forEach(interrupted -> assertEquals(false, interrupted));
    }

    @Test
    void contextClassLoaderSetByAnActorIsNotSeenByTheNextActorOnItsThread() throws Exception {
        ClassLoader plugin = new URLClassLoader(new URL[0], null);

        List<Object> found = observeTheNextActorOnTheSameThread(t -> t.setContextClassLoader(plugin), Thread::getContextClassLoader);

        found.forEach(loader -> assertNotSame(plugin, loader));
    }

    @Test
    void threadNameSetByAnActorIsNotSeenByTheNextActorOnItsThread() throws Exception {
        List<Object> found = observeTheNextActorOnTheSameThread(t -> t.setName("renamed by an actor"), Thread::getName);

        found.forEach(name -> assertTrue(!"renamed by an actor".equals(name), "found " + name));
    }

    @Test
    void actorsWokenOnOtherThreadsDoNotInheritTheContextClassLoaderOfTheActorThatWokeThem() throws Exception {
        ClassLoader plugin = new URLClassLoader(new URL[0], null);

        List<Observation> seen = observeEveryActorWoken(t -> t.setContextClassLoader(plugin), Thread::getContextClassLoader);

        seen.forEach(observation -> assertNotSame(plugin, observation.found(), observation.toString()));
    }

    @Test
    void actorsWokenOnOtherThreadsDoNotInheritTheInheritableThreadLocalsOfTheActorThatWokeThem() throws Exception {
        InheritableThreadLocal<Integer> local = new InheritableThreadLocal<>();
        AtomicInteger tries = new AtomicInteger();
        int observers = VirtualThreadRuntime.PARALLELISM * 4;

        // Each try sets its own value: a thread may keep an earlier try's (ThreadLocals are not reset).
        List<Observation> seen = observe(observers, t -> local.set(tries.incrementAndGet()), t -> local.get());

        int elsewhere = 0;
        for (int i = 0; i < seen.size(); i++) {
            if (!seen.get(i).sameThread()) {
                elsewhere++;
                assertNotEquals(i / observers + 1, seen.get(i).found(), "inherited from the actor that woke it");
            }
        }
        assertTrue(elsewhere > 0, "no observer ran on another thread");
    }

    /**
     * Dirties a runner in one actor that then wakes one observer (the successor, on the same thread),
     * {@link #TRIES} times. What the observer found on the dirtied thread, once per try that ran on it
     * (at least one).
     */
    private static List<Object> observeTheNextActorOnTheSameThread(Consumer<Thread> dirt, Function<Thread, Object> look)
            throws Exception {
        List<Object> found = new ArrayList<>();
        for (Observation observation : observe(1, dirt, look)) {
            if (observation.sameThread()) {
                found.add(observation.found());
            }
        }
        assertTrue(!found.isEmpty(), "the observer never ran on the dirtied thread in " + TRIES + " tries");
        return found;
    }

    /**
     * Dirties a runner in one actor that then wakes more observers than there are cores, which all
     * wait for each other, so that all but one run on other threads; {@link #TRIES} times.
     */
    private static List<Observation> observeEveryActorWoken(Consumer<Thread> dirt, Function<Thread, Object> look) throws Exception {
        return observe(VirtualThreadRuntime.PARALLELISM * 4, dirt, look);
    }

    private static List<Observation> observe(int observerCount, Consumer<Thread> dirt, Function<Thread, Object> look) throws Exception {
        List<ActorRef<Observer>> observers = new ArrayList<>();
        for (int i = 0; i < observerCount; i++) {
            observers.add(Actor.start(new Observer()));
        }
        ActorRef<Dirtier> dirtier = Actor.start(new Dirtier(observers));
        List<Observation> observations = new ArrayList<>();
        for (int i = 0; i < TRIES; i++) {
            List<CompletableFuture<Observation>> seen = new ArrayList<>();
            for (int j = 0; j < observerCount; j++) {
                seen.add(new CompletableFuture<>());
            }
            dirtier.tell(new Dirty(dirt, look, seen, new CountDownLatch(observerCount)));
            for (CompletableFuture<Observation> observation : seen) {
                observations.add(observation.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
            }
        }
        return observations;
    }
}
