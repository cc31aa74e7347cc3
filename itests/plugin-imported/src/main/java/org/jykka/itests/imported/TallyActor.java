package org.jykka.itests.imported;

import org.jykka.itests.api.Counter;
import org.jykka.osgi.PluginActor;
import org.jykka.threading.ThreadingActor;

/**
 * Published as a {@link Counter} without implementing it or touching its package in code: only the
 * annotation names the interface, so only the annotation can make bnd import its package.
 */
@PluginActor(name = "tally", services = Counter.class)
public class TallyActor extends ThreadingActor {
    private int count;

    public int increment() {
        return ++count;
    }

    public String threadName() {
        return Thread.currentThread().getName();
    }
}
