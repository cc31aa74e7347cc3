package org.jykka.itests.supervised;

import java.util.concurrent.atomic.AtomicInteger;
import org.jykka.itests.api.Restartable;
import org.jykka.osgi.PluginActor;
import org.jykka.threading.ThreadingActor;

/** Rises again after each crash (three times a minute at most, after a short backoff), under the same services. */
@PluginActor(name = "phoenix", services = Restartable.class, maxRestarts = 3, within = "PT1M",
        backoffMin = "PT0.05S", backoffMax = "PT1S")
public class Phoenix extends ThreadingActor {
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final int instance = INSTANCES.incrementAndGet();

    public void crash() {
        throw new IllegalStateException("Phoenix crashes on purpose");
    }

    public int instance() {
        return instance;
    }
}
