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
import java.util.concurrent.atomic.AtomicReference;
import org.jykka.Actor;
import org.jykka.ActorRef;
import org.jykka.ActorScope;
import org.jykka.ActorTimeoutException;
import org.jykka.registry.ActorRegistry;
import org.jykka.testkit.ActorTestSupport;
import org.jykka.testkit.EachRuntime;
import org.jykka.testkit.Runtimes;
import org.jykka.testkit.TestActor;

/** ActorScope: a group of actors that ends together, including what its actors started. */
class ScopeTest extends ActorTestSupport {

    /** Records its stop in a shared list; may start a child when it starts. */
    static class Member extends TestActor {
        final String name;
        final List<String> stops;
        final boolean startsChild;
        final Runtimes runtime;
        volatile ActorRef<Member> child;

        Member(Runtimes runtime, String name, List<String> stops, boolean startsChild) {
            super(runtime);
            this.runtime = runtime;
            this.name = name;
            this.stops = stops;
            this.startsChild = startsChild;
        }

        @Override
        protected void onStart() {
            if (startsChild) {
                child = Actor.start(new Member(runtime, name + "/child", stops, false));
            }
        }

        @Override
        protected void onStop() {
            stops.add(name);
        }
    }

    @EachRuntime
    void closeStopsTheScopesActorsNewestFirst(Runtimes runtime) {
        List<String> stops = new CopyOnWriteArrayList<>();
        ActorScope scope = ActorScope.open("test");
        scope.start(new Member(runtime, "a", stops, false));
        scope.start(new Member(runtime, "b", stops, false));
        scope.start(new Member(runtime, "c", stops, false));

        scope.close();

        assertEquals(List.of("c", "b", "a"), stops);
        assertEquals(List.of(), scope.actors());
    }

    @EachRuntime
    void actorsStartedInsideAScopedActorJoinItsScope(Runtimes runtime) {
        List<String> stops = new CopyOnWriteArrayList<>();
        ActorScope scope = ActorScope.open("test");
        ActorRef<Member> parent = scope.start(new Member(runtime, "parent", stops, true));
        ActorRef<Member> child = parent.call(m -> m.child).get(TIMEOUT);

        assertEquals(List.of(parent, child), scope.actors());
        scope.close();

        assertEquals(List.of("parent/child", "parent"), stops);
        assertFalse(child.isAlive());
    }

    @EachRuntime
    void aClosedScopeRefusesNewStarts(Runtimes runtime) {
        ActorScope scope = ActorScope.open("test");
        scope.close();
        assertThrows(IllegalStateException.class, () -> scope.start(new Member(runtime, "late", List.of(), false)));
        assertEquals(List.of(), ActorRegistry.getAll());
    }

    @EachRuntime
    void startsAreRefusedFromTheMomentCloseBegins(Runtimes runtime) {
        AtomicReference<Throwable> refused = new AtomicReference<>();
        ActorScope scope = ActorScope.open("test");
        scope.start(new Member(runtime, "a", new CopyOnWriteArrayList<>(), false) {
            @Override
            protected void onStop() {
                try {
                    Actor.start(new Member(runtime, "during close", List.of(), false));
                } catch (IllegalStateException expected) {
                    refused.set(expected);
                }
            }
        });

        scope.close();

        assertTrue(refused.get() instanceof IllegalStateException, String.valueOf(refused.get()));
    }

    @EachRuntime
    void actorsListsTheLiveActorsInStartOrder(Runtimes runtime) {
        ActorScope scope = ActorScope.open("test");
        ActorRef<Member> a = scope.start(new Member(runtime, "a", List.of(), false));
        ActorRef<Member> b = scope.start(new Member(runtime, "b", List.of(), false));
        ActorRef<Member> c = scope.start(new Member(runtime, "c", List.of(), false));
        b.stop(TIMEOUT);

        assertEquals(List.of(a, c), scope.actors());
        scope.close();
    }

    @EachRuntime
    void closeFromInsideOneOfItsActorsStopsTheOthersThenThatOneWithoutWaiting(Runtimes runtime) {
        List<String> stops = new CopyOnWriteArrayList<>();
        ActorScope scope = ActorScope.open("test");
        ActorRef<Member> first = scope.start(new Member(runtime, "first", stops, false));
        scope.start(new Member(runtime, "second", stops, false));

        first.call(m -> {
            scope.close();
            return null;
        }).get(TIMEOUT);

        first.whenStopped().get(TIMEOUT);
        assertEquals(List.of("second", "first"), stops);
    }

    @EachRuntime
    void closeWithATimeoutThrowsAfterAskingEveryActorToStop(Runtimes runtime) throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        ActorScope scope = ActorScope.open("test");
        ActorRef<Member> older = scope.start(new Member(runtime, "older", List.of(), false));
        ActorRef<Member> stuck = scope.start(new Member(runtime, "stuck", List.of(), false));
        stuck.defer(m -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        assertThrows(ActorTimeoutException.class, () -> scope.close(Duration.ofMillis(50)));

        assertFalse(older.isAlive());
        assertFalse(stuck.isAlive());
        release.countDown();
        older.whenStopped().get(TIMEOUT);
        stuck.whenStopped().get(TIMEOUT);
    }

    @EachRuntime
    void anotherScopesStartFromInsideAScopedActorPutsTheActorThere(Runtimes runtime) {
        ActorScope mine = ActorScope.open("mine");
        ActorScope other = ActorScope.open("other");
        ActorRef<Member> starter = mine.start(new Member(runtime, "starter", List.of(), false));

        ActorRef<Member> started = starter.call(m -> other.start(new Member(runtime, "x", List.of(), false))).get(TIMEOUT);

        assertEquals(List.of(starter), mine.actors());
        assertEquals(List.of(started), other.actors());
        mine.close();
        assertTrue(started.isAlive());
        other.close();
    }

    @EachRuntime
    void theRegistryStillListsTheActorsOfEveryScope(Runtimes runtime) {
        ActorScope scope = ActorScope.open("test");
        ActorRef<Member> member = scope.start(new Member(runtime, "a", List.of(), false));
        assertEquals(List.of(member), ActorRegistry.getAll());
        scope.close();
        assertEquals(List.of(), ActorRegistry.getAll());
    }

    @EachRuntime
    void supervisedActorsJoinTheScopeToo(Runtimes runtime) {
        ActorScope scope = ActorScope.open("test");
        ActorRef<RestartTest.Worker> worker = scope.start(new RestartTest.Factory(runtime), RestartTest.OFTEN);
        worker.tell(new IllegalStateException("boom"));
        worker.ask("sync").get(TIMEOUT);
        assertEquals(List.of(worker), scope.actors());
        scope.close();
        assertFalse(worker.isAlive());
    }

    @EachRuntime
    void closingTwiceIsHarmlessAndANameIsNeeded(Runtimes runtime) {
        ActorScope scope = ActorScope.open("twice");
        scope.start(new Member(runtime, "a", List.of(), false));
        scope.close();
        scope.close();
        assertThrows(NullPointerException.class, () -> ActorScope.open(null));
        assertEquals("ActorScope[twice]", scope.toString());
    }
}
