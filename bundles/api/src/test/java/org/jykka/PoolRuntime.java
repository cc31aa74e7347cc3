package org.jykka;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jykka.spi.ActorLoop;
import org.jykka.spi.ActorRuntime;
import org.jykka.spi.Completion;
import org.jykka.spi.Promise;
import org.jykka.spi.Scheduler;

/**
 * A third runtime, written against the seam alone: actors share a small pool and run a bounded batch
 * per turn. It proves that a runtime is one small class and that the loop keeps its promises (one
 * message at a time, in order) on threads it does not own.
 */
final class PoolRuntime implements ActorRuntime, AutoCloseable {
    final ExecutorService pool = Executors.newFixedThreadPool(2);

    @Override
    public <T> Promise<T> newPromise() {
        return new Promise<>() {
            private final CompletableFuture<T> result = new CompletableFuture<>();

            @Override
            public void set(T value) {
                if (!result.complete(value)) {
                    throw new IllegalStateException("already complete");
                }
            }

            @Override
            public void setException(Throwable failure) {
                if (!result.completeExceptionally(failure)) {
                    throw new IllegalStateException("already complete");
                }
            }

            @Override
            public T get() {
                return Completion.await(result, null);
            }

            @Override
            public T get(java.time.Duration timeout) {
                return Completion.await(result, timeout);
            }

            @Override
            public boolean isDone() {
                return result.isDone();
            }

            @Override
            public CompletableFuture<T> toCompletableFuture() {
                return result.copy();
            }
        };
    }

    @Override
    public Scheduler attach(ActorLoop loop) {
        return new Scheduler() {
            @Override
            public void schedule() {
                pool.execute(this::turn);
            }

            private void turn() {
                if (loop.runBatch(5)) {
                    schedule(); // more work: back of the queue, so other actors get a turn
                }
            }
        };
    }

    @Override
    public void detach(ActorRef<?> ref) {}

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
