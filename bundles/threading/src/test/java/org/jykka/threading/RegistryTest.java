package org.jykka.threading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jykka.Actor;
import org.jykka.ActorRef;
import org.jykka.ActorTimeoutException;
import org.jykka.registry.ActorRegistry;
import org.jykka.testkit.ActorTestSupport;
import org.jykka.testkit.EachRuntime;
import org.jykka.testkit.Runtimes;
import org.jykka.testkit.TestActor;

class RegistryTest extends ActorTestSupport {
    static final List<String> STOP_ORDER = new CopyOnWriteArrayList<>();

    static class Animal extends TestActor {
        final String name;
        final List<Object> heard = new CopyOnWriteArrayList<>();

        Animal(Runtimes runtime, String name) {
            super(runtime);
            this.name = name;
        }

        @Override
        protected Object onReceive(Object message) {
            heard.add(message);
            return name;
        }

        @Override
        protected void onStop() {
            STOP_ORDER.add(name);
        }
    }

    static class Dog extends Animal {
        Dog(Runtimes runtime, String name) {
            super(runtime, name);
        }
    }

    static class Cat extends Animal {
        Cat(Runtimes runtime, String name) {
            super(runtime, name);
        }
    }

    @EachRuntime
    void startedActorsAreListedInStartOrderAndStoppedOnesAreNot(Runtimes runtime) {
        ActorRef<Dog> dog = Actor.start(new Dog(runtime, "dog"));
        ActorRef<Cat> cat = Actor.start(new Cat(runtime, "cat"));
        assertEquals(List.of(dog, cat), ActorRegistry.getAll());
        dog.stop();
        assertEquals(List.of(cat), ActorRegistry.getAll());
    }

    @EachRuntime
    void getByClassIncludesSubclasses(Runtimes runtime) {
        ActorRef<Dog> dog = Actor.start(new Dog(runtime, "dog"));
        ActorRef<Cat> cat = Actor.start(new Cat(runtime, "cat"));
        assertEquals(List.of(dog), ActorRegistry.getByClass(Dog.class));
        assertEquals(List.of(dog, cat), ActorRegistry.getByClass(Animal.class));
        assertEquals(List.of(dog, cat), ActorRegistry.getByClass(Actor.class));
        assertEquals(List.of(), ActorRegistry.getByClass(LifecycleTest.Recorder.class));
        // typed: no cast needed to talk to what was found
        assertEquals("dog", ActorRegistry.getByClass(Dog.class).get(0).call(d -> d.name).get(TIMEOUT));
    }

    @EachRuntime
    void getByClassNameTakesSimpleOrQualifiedNamesOfTheExactClass(Runtimes runtime) {
        ActorRef<Dog> dog = Actor.start(new Dog(runtime, "dog"));
        Actor.start(new Cat(runtime, "cat"));
        assertEquals(List.of(dog), ActorRegistry.getByClassName("Dog"));
        assertEquals(List.of(dog), ActorRegistry.getByClassName(Dog.class.getName()));
        assertEquals(List.of(), ActorRegistry.getByClassName("Animal"));
        assertEquals(List.of(), ActorRegistry.getByClassName("Unicorn"));
    }

    @EachRuntime
    void getByUrnFindsOnlyLiveActors(Runtimes runtime) {
        ActorRef<Dog> dog = Actor.start(new Dog(runtime, "dog"));
        assertEquals(dog, ActorRegistry.getByUrn(dog.urn()).orElseThrow());
        dog.stop();
        assertTrue(ActorRegistry.getByUrn(dog.urn()).isEmpty());
        assertTrue(ActorRegistry.getByUrn("urn:uuid:nobody").isEmpty());
    }

    @EachRuntime
    void broadcastTellsEveryActorOrEveryActorOfAClass(Runtimes runtime) {
        Dog dog = new Dog(runtime, "dog");
        Cat cat = new Cat(runtime, "cat");
        ActorRef<Dog> dogRef = Actor.start(dog);
        ActorRef<Cat> catRef = Actor.start(cat);

        ActorRegistry.broadcast("hello all");
        ActorRegistry.broadcast("hello dogs", Dog.class);
        dogRef.ask("sync").get(TIMEOUT);
        catRef.ask("sync").get(TIMEOUT);

        assertEquals(List.of("hello all", "hello dogs", "sync"), dog.heard);
        assertEquals(List.of("hello all", "sync"), cat.heard);
    }

    @EachRuntime
    void stopAllStopsInReverseStartOrder(Runtimes runtime) {
        STOP_ORDER.clear();
        Actor.start(new Dog(runtime, "first"));
        Actor.start(new Cat(runtime, "second"));
        Actor.start(new Dog(runtime, "third"));

        assertEquals(List.of(true, true, true), ActorRegistry.stopAll());
        assertEquals(List.of("third", "second", "first"), STOP_ORDER);
        assertTrue(ActorRegistry.getAll().isEmpty());
    }

    @EachRuntime
    void stopAllWithTimeoutReportsActorsTooSlowToStopAndStillStopsThem(Runtimes runtime) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ActorRef<LifecycleTest.Blocker> slow = Actor.start(new LifecycleTest.Blocker(runtime, release));
        ActorRef<Dog> dog = Actor.start(new Dog(runtime, "dog"));
        slow.tell("block");
        ActorTimeoutException e = assertThrows(ActorTimeoutException.class,
                () -> ActorRegistry.stopAll(Duration.ofMillis(100)));
        assertTrue(e.getMessage().contains(slow.toString()), e.getMessage());
        assertFalse(dog.isAlive());
        release.countDown();
        slow.whenStopped().get(TIMEOUT);
    }

    @EachRuntime
    void registryIsConsistentUnderConcurrentStartAndStop(Runtimes runtime) throws Exception {
        int threads = 4;
        int perThread = 100;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> workers = new java.util.ArrayList<>();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                try {
                    go.await();
                    for (int i = 0; i < perThread; i++) {
                        ActorRef<Dog> ref = Actor.start(new Dog(runtime, "d" + i));
                        if (ActorRegistry.getByUrn(ref.urn()).isEmpty()) {
                            throw new AssertionError("not registered: " + ref);
                        }
                        ref.stop(TIMEOUT);
                        if (ActorRegistry.getByUrn(ref.urn()).isPresent()) {
                            throw new AssertionError("still registered: " + ref);
                        }
                    }
                } catch (Throwable e) {
                    errors.add(e);
                }
            });
            workers.add(worker);
            worker.start();
        }
        go.countDown();
        for (Thread worker : workers) {
            worker.join(TimeUnit.SECONDS.toMillis(60));
            assertFalse(worker.isAlive());
        }
        assertEquals(List.of(), errors);
        assertEquals(List.of(), ActorRegistry.getAll());
    }

    /** Calls ActorRegistry.stopAll from inside itself when asked to, and answers with the results. */
    static class StopsAll extends Dog {
        StopsAll(Runtimes runtime, String name) {
            super(runtime, name);
        }

        @Override
        protected Object onReceive(Object message) {
            if ("stopAll".equals(message)) {
                return ActorRegistry.stopAll();
            }
            if ("stopAll(timeout)".equals(message)) {
                return ActorRegistry.stopAll(TIMEOUT);
            }
            return super.onReceive(message);
        }
    }

    @EachRuntime
    void stopAllInsideAnActorStopsTheOthersThenItselfWithoutWaitingForItself(Runtimes runtime) {
        STOP_ORDER.clear();
        Actor.start(new Dog(runtime, "first"));
        ActorRef<StopsAll> caller = Actor.start(new StopsAll(runtime, "caller"));
        Actor.start(new Dog(runtime, "third"));
        assertEquals(List.of(true, true, true), caller.ask("stopAll").get(TIMEOUT));
        caller.whenStopped().get(TIMEOUT);
        assertEquals(List.of("third", "first", "caller"), STOP_ORDER);
        assertTrue(ActorRegistry.getAll().isEmpty());
    }

    @EachRuntime
    void timedStopAllInsideAnActorStopsTheOthersThenItselfWithoutWaitingForItself(Runtimes runtime) {
        STOP_ORDER.clear();
        ActorRef<StopsAll> caller = Actor.start(new StopsAll(runtime, "caller"));
        Actor.start(new Dog(runtime, "second"));
        assertEquals(List.of(true, true), caller.ask("stopAll(timeout)").get(TIMEOUT));
        caller.whenStopped().get(TIMEOUT);
        assertEquals(List.of("second", "caller"), STOP_ORDER);
    }

    @org.junit.jupiter.api.Test
    void broadcastToANullTargetNamesIt() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> ActorRegistry.broadcast("hi", null));
        assertEquals("target", e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void nullArgumentsAreRefusedClearly() {
        assertThrows(NullPointerException.class, () -> ActorRegistry.register(null));
        assertThrows(NullPointerException.class, () -> ActorRegistry.getByClass(null));
        assertThrows(NullPointerException.class, () -> ActorRegistry.getByClassName(null));
        assertThrows(NullPointerException.class, () -> ActorRegistry.getByUrn(null));
        assertThrows(NullPointerException.class, () -> ActorRegistry.broadcast(null));
    }
}
