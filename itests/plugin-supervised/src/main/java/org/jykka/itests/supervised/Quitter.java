package org.jykka.itests.supervised;

import java.util.concurrent.atomic.AtomicInteger;
import org.jykka.itests.api.Restartable;
import org.jykka.osgi.PluginActor;
import org.jykka.threading.ThreadingActor;

/** Restarted once a minute at most: a second crash makes its policy give up. Told "quit", it stops itself. */
@PluginActor(name = "quitter", services = Restartable.class, maxRestarts = 1, within = "PT1M")
public class Quitter extends ThreadingActor {
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final int instance = INSTANCES.incrementAndGet();

    @Override
    protected Object onReceive(Object message) throws Exception {
        if ("quit".equals(message)) {
            stop();
            return null;
        }
        return super.onReceive(message);
    }

    public void crash() {
        throw new IllegalStateException("Quitter crashes on purpose (instance " + instance + ")");
    }

    public int instance() {
        return instance;
    }
}
