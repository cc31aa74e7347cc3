package org.jykka.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jykka.Actor;
import org.jykka.ActorRef;
import org.jykka.spi.ActorRuntime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The registry on a runtime that knows nothing about it: a few lines that only give actors a thread.
 * (The behaviour with the threading runtimes is tested in org.jykka.threading.)
 */
class ActorRegistryTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final ExecutorService POOL = Executors.newFixedThreadPool(2);
    private static final ActorRuntime POOLED = loop -> () -> POOL.execute(() -> {
        while (loop.runBatch(Integer.MAX_VALUE)) {
            // won the next batch back: carry on
        }
    });

    static final class Alpha extends Actor {
        Alpha() {
            super(POOLED);
        }
    }

    @AfterEach
    void stopEveryActor() {
        ActorRegistry.stopAll(TIMEOUT);
    }

    @AfterAll
    static void closePool() {
        POOL.shutdownNow();
    }

    @Test
    void startedActorsOfAnyRuntimeAreListedInStartOrderUntilTheyStop() {
        ActorRef<Alpha> a = Actor.start(new Alpha());
        ActorRef<Alpha> b = Actor.start(new Alpha());
        assertEquals(List.of(a, b), ActorRegistry.getAll());
        assertTrue(a.stop(TIMEOUT));
        assertEquals(List.of(b), ActorRegistry.getAll());
    }

    @Test
    void lookupsFindByUrnClassAndName() {
        ActorRef<Alpha> a = Actor.start(new Alpha());
        assertEquals(a, ActorRegistry.getByUrn(a.urn()).orElseThrow());
        assertEquals(List.of(a), ActorRegistry.getByClass(Alpha.class));
        assertEquals(List.of(a), ActorRegistry.getByClassName("Alpha"));
        assertEquals(List.of(a), ActorRegistry.getByClassName(Alpha.class.getName()));
    }

    @Test
    void listsAreSnapshotsThatLaterChangesDoNotTouch() {
        ActorRef<Alpha> a = Actor.start(new Alpha());
        List<ActorRef<?>> before = ActorRegistry.getAll();
        assertTrue(a.stop(TIMEOUT));
        assertEquals(List.of(a), before);
    }

    @Test
    void registeringALiveActorChangesNothing() {
        ActorRef<Alpha> a = Actor.start(new Alpha());
        ActorRegistry.register(a);
        assertEquals(List.of(a), ActorRegistry.getAll());
    }

    @Test
    void registeringAStoppedActorIsAnIllegalStateException() {
        ActorRef<Alpha> a = Actor.start(new Alpha());
        assertTrue(a.stop(TIMEOUT));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ActorRegistry.register(a));
        assertTrue(e.getMessage().contains("not alive"), e.getMessage());
        assertEquals(List.of(), ActorRegistry.getAll());
    }

    @Test
    void registeringAReferenceNotStartedHereIsAnIllegalArgumentException() {
        ActorRef<?> foreign = (ActorRef<?>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ActorRef.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "isAlive" -> true;
                    case "urn" -> "urn:uuid:00000000-0000-4000-8000-000000000000";
                    case "toString" -> "Foreign";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        assertThrows(IllegalArgumentException.class, () -> ActorRegistry.register(foreign));
        assertEquals(List.of(), ActorRegistry.getAll());
    }

    @Test
    void unregisteringARunningActorIsRefusedAndItStaysListed() {
        ActorRef<Alpha> a = Actor.start(new Alpha());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ActorRegistry.unregister(a));
        assertTrue(e.getMessage().contains("stop it"), e.getMessage());
        assertEquals(List.of(a), ActorRegistry.getAll());
        assertEquals(List.of(true), ActorRegistry.stopAll(TIMEOUT));
    }

    @Test
    void unregisteringAStoppedActorChangesNothing() {
        ActorRef<Alpha> a = Actor.start(new Alpha());
        assertTrue(a.stop(TIMEOUT));
        ActorRegistry.unregister(a);
        assertEquals(List.of(), ActorRegistry.getAll());
    }
}
