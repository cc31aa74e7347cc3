package org.jykka.proxy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.jykka.registry.ActorRegistry;
import org.junit.jupiter.api.AfterEach;

/** Every proxy test leaves no actor behind, whatever it did. */
public abstract class ProxyTestSupport {
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    @AfterEach
    protected void stopEveryActor() {
        ActorRegistry.stopAll(TIMEOUT);
        assertTrue(ActorRegistry.getAll().isEmpty(), "registry empty after the test");
    }
}
