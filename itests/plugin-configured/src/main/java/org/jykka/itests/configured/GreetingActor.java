package org.jykka.itests.configured;

import org.jykka.itests.api.Events;
import org.jykka.osgi.PluginActor;
import org.jykka.threading.ThreadingActor;
import org.osgi.framework.BundleContext;

/** One instance per configuration of factory PID {@value #PID}; its properties come as a typed view. */
@PluginActor(name = "greeting", factoryPid = GreetingActor.PID)
public class GreetingActor extends ThreadingActor {
    static final String PID = "org.jykka.itests.greeting";

    /** The properties this actor reads; {@code times} may be left out. */
    public @interface Config {
        String text();

        int times() default 1;
    }

    private final BundleContext context;
    private final Config config;

    public GreetingActor(BundleContext context, Config config) {
        this.context = context;
        this.config = config;
    }

    @Override
    protected void onStart() {
        Events.emit(context, "start greeting " + config.text());
    }

    @Override
    protected void onStop() {
        Events.emit(context, "stop greeting " + config.text());
    }

    /** Answers with the configured text, {@code times} times, whatever it is asked. */
    @Override
    protected Object onReceive(Object message) {
        return String.join(" ", java.util.Collections.nCopies(config.times(), config.text()));
    }
}
