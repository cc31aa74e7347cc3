package ${package};

import org.jykka.osgi.PluginActor;
import org.jykka.threading.ThreadingActor;

/**
 * A plugin actor: the Jykka extender starts it when this bundle starts, publishes it as an OSGi
 * service named {@code greeter}, and stops it when the bundle stops. In the Jykka shell:
 * {@code jykka:ask greeter world}.
 */
@PluginActor(name = "greeter")
public class Greeter extends ThreadingActor {

    @Override
    protected Object onReceive(Object message) {
        return "Hello, " + message + "!";
    }
}
