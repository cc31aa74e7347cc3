package org.jykka.itests.annotated;

import org.jykka.itests.api.Counter;
import org.jykka.itests.api.Events;
import org.jykka.osgi.PluginActor;
import org.jykka.threading.ThreadingActor;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;

/** Declared with a name and a service interface; takes the plugin's BundleContext. */
@PluginActor(name = "counter", services = Counter.class, exported = true)
public class CounterActor extends ThreadingActor {
    private final BundleContext context;
    private int count;

    public CounterActor(BundleContext context) {
        this.context = context;
    }

    @Override
    protected void onStart() {
        Events.emit(context, "start counter");
    }

    /** Reports, too, if its services are still there: the extender must unregister them first. */
    @Override
    protected void onStop() throws InvalidSyntaxException {
        boolean published = context.getAllServiceReferences(null, "(jykka.actor.urn=" + urn() + ")") != null;
        Events.emit(context, published ? "stop counter while still published" : "stop counter");
    }

    public int increment() {
        return ++count;
    }

    public String threadName() {
        return Thread.currentThread().getName();
    }
}
