package org.jykka.testkit;

import java.util.Arrays;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.jykka.spi.ActorRuntime;
import org.jykka.threading.ThreadingRuntimes;

/**
 * The runtimes the behaviour tests run against, as Pykka runs its whole suite once per runtime.
 * A runtime joins the suite with one line here; one that cannot run on this JVM is left out of the
 * parameters (and its own tests say why), so nothing passes by being skipped.
 */
public enum Runtimes {
    THREADING(ThreadingRuntimes.platformThreads(), true, () -> true),
    VIRTUAL_THREADS(ThreadingRuntimes.virtualThreads(), false, ThreadingRuntimes::hasVirtualThreads),
    /** Actors share one small fixed pool, created once for the whole test run (see {@link PoolRuntime}). */
    SHARED_POOL(PoolRuntime.SHARED, false, () -> true);

    public final ActorRuntime runtime;
    /**
     * Whether an actor keeps one thread for its whole life. A runtime that holds no thread while the
     * actor is idle promises only that the actor's code never runs in the caller's thread, one message
     * at a time.
     */
    public final boolean ownThread;
    private final BooleanSupplier available;

    Runtimes(ActorRuntime runtime, boolean ownThread, BooleanSupplier available) {
        this.runtime = runtime;
        this.ownThread = ownThread;
        this.available = available;
    }

    /** The runtimes this JVM can run: the source of {@link EachRuntime}. */
    public static Stream<Runtimes> available() {
        return Arrays.stream(values()).filter(r -> r.available.getAsBoolean());
    }
}
