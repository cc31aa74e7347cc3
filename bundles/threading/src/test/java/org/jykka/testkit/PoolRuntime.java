package org.jykka.testkit;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jykka.spi.ActorLoop;
import org.jykka.spi.ActorRuntime;
import org.jykka.spi.Scheduler;

/**
 * A third runtime, written against the seam alone: actors share a small pool and run a bounded batch
 * per turn. It proves that a runtime is one small class (it only says how an actor gets a thread) and
 * that the loop keeps its promises (one message at a time, in order, listed while alive) on threads it
 * does not own.
 */
final class PoolRuntime implements ActorRuntime {
    /** The one pool every test shares, as an application would: its threads are daemons, never closed. */
    static final PoolRuntime SHARED = new PoolRuntime(2);

    private final ExecutorService pool;

    private PoolRuntime(int threads) {
        pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "jykka-test-pool");
            thread.setDaemon(true);
            return thread;
        });
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
}
