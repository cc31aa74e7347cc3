package org.jykka.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.jykka.registry.ActorRegistry;
import org.junit.jupiter.api.AfterEach;

/** Every actor test leaves no actor behind, whatever it did. */
public abstract class ActorTestSupport {
    /** How long a test waits for anything; generous, because the build machine may be loaded. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    @AfterEach
    protected void stopEveryActor() {
        ActorRegistry.stopAll(TIMEOUT);
        assertTrue(ActorRegistry.getAll().isEmpty(), "registry empty after the test");
    }
}
