package org.jykka.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jykka.Actor;
import org.jykka.ActorFuture;
import org.jykka.ActorRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The registry's own bookkeeping, with plain references that are not backed by running actors (the
 * behaviour with real actors is tested in org.jykka.threading, which registers them).
 */
class ActorRegistryTest {

    static final class Alpha extends Actor {
        Alpha() {
            super(new org.jykka.spi.ActorRuntime() {
                @Override
                public <T> org.jykka.spi.Promise<T> newPromise() {
                    throw new UnsupportedOperationException();
                }

                @Override
                public org.jykka.spi.Scheduler attach(org.jykka.spi.ActorLoop loop) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public void detach(ActorRef<?> ref) {}
            });
        }
    }

    /** A reference that only knows its URN and class: enough for bookkeeping. */
    record Ref(String urn, Class<Alpha> actorClass) implements ActorRef<Alpha> {
        Ref(String urn) {
            this(urn, Alpha.class);
        }

        @Override
        public void tell(Object message) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ActorFuture<Object> ask(Object message) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <R> ActorFuture<R> call(Function<? super Alpha, ? extends R> function) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void defer(Consumer<? super Alpha> action) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean stop() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean stop(Duration timeout) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ActorFuture<Boolean> stopAsync() {
            throw new UnsupportedOperationException();
        }

        @Override
        public ActorFuture<Void> whenStopped() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isAlive() {
            return true;
        }

        @Override
        public int inboxSize() {
            return 0;
        }
    }

    @AfterEach
    void forgetEverything() {
        ActorRegistry.getAll().forEach(ActorRegistry::unregister);
    }

    @Test
    void registeredReferencesAreListedInRegistrationOrder() {
        Ref a = new Ref("urn:uuid:a");
        Ref b = new Ref("urn:uuid:b");
        ActorRegistry.register(a);
        ActorRegistry.register(b);
        assertEquals(List.of(a, b), ActorRegistry.getAll());
    }

    @Test
    void registeringTwiceAndUnregisteringTwiceChangeNothing() {
        Ref a = new Ref("urn:uuid:a");
        ActorRegistry.register(a);
        ActorRegistry.register(a);
        assertEquals(List.of(a), ActorRegistry.getAll());
        ActorRegistry.unregister(a);
        ActorRegistry.unregister(a);
        assertTrue(ActorRegistry.getAll().isEmpty());
    }

    @Test
    void lookupsFindByUrnClassAndName() {
        Ref a = new Ref("urn:uuid:a");
        ActorRegistry.register(a);
        assertEquals(a, ActorRegistry.getByUrn("urn:uuid:a").orElseThrow());
        assertEquals(List.of(a), ActorRegistry.getByClass(Alpha.class));
        assertEquals(List.of(a), ActorRegistry.getByClassName("Alpha"));
        assertEquals(List.of(a), ActorRegistry.getByClassName(Alpha.class.getName()));
    }

    @Test
    void listsAreSnapshotsThatLaterChangesDoNotTouch() {
        Ref a = new Ref("urn:uuid:a");
        ActorRegistry.register(a);
        List<ActorRef<?>> before = ActorRegistry.getAll();
        ActorRegistry.unregister(a);
        assertEquals(List.of(a), before);
    }
}
