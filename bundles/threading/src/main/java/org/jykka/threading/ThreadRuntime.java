package org.jykka.threading;

import org.jykka.ActorRef;
import org.jykka.registry.ActorRegistry;
import org.jykka.spi.ActorLoop;
import org.jykka.spi.ActorRuntime;
import org.jykka.spi.Promise;
import org.jykka.spi.Scheduler;

/**
 * What the threading runtimes share: {@link ThreadingFuture}s, and the registry kept up to date.
 * Subclasses only say how a loop gets a thread ({@link #dispatch}).
 */
abstract class ThreadRuntime implements ActorRuntime {

    @Override
    public final <T> Promise<T> newPromise() {
        // Safe: only a hint (who makes a promise may wait on it). Fast: a no-op except for virtual threads.
        promiseMade();
        return new ThreadingFuture<>();
    }

    /**
     * Called in the thread that makes a promise (an ask, a call, a stop), before it sends the
     * envelope: a runtime that runs the woken actor later in the sender's own thread must not do so
     * when the sender may now wait for the answer. Does nothing by default.
     */
    void promiseMade() {}

    @Override
    public final Scheduler attach(ActorLoop loop) {
        Scheduler scheduler = dispatch(loop); // may refuse (no virtual threads): then nothing is registered
        ActorRegistry.register(loop.ref());
        return scheduler;
    }

    @Override
    public final void detach(ActorRef<?> ref) {
        ActorRegistry.unregister(ref);
    }

    /**
     * Prepares a thread (or a way to get one) for {@code loop}, and returns the scheduler the loop
     * wakes it with.
     */
    abstract Scheduler dispatch(ActorLoop loop);
}
