package org.jykka.threading;

import java.util.Arrays;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.jykka.spi.ActorRuntime;

/**
 * The runtimes the behaviour tests run against, as Pykka runs its whole suite once per runtime.
 * A runtime joins the suite with one line here; one that cannot run on this JVM is left out of the
 * parameters (and its own tests say why), so nothing passes by being skipped.
 */
enum Runtimes {
    THREADING(PlatformThreadRuntime.INSTANCE, () -> true),
    VIRTUAL_THREADS(VirtualThreadRuntime.INSTANCE, VirtualThreadRuntime::isSupported);

    final ActorRuntime runtime;
    private final BooleanSupplier available;

    Runtimes(ActorRuntime runtime, BooleanSupplier available) {
        this.runtime = runtime;
        this.available = available;
    }

    /** The runtimes this JVM can run: the source of {@link EachRuntime}. */
    static Stream<Runtimes> available() {
        return Arrays.stream(values()).filter(r -> r.available.getAsBoolean());
    }
}
