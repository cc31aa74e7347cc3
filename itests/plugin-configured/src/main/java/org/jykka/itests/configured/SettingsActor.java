package org.jykka.itests.configured;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jykka.Actor;
import org.jykka.osgi.PluginActor;
import org.jykka.threading.ThreadingActor;

/**
 * One instance per configuration of factory PID {@value #PID}; it receives every property as a map.
 * Restarted (twice a minute at most) when told "crash"; asked "spawn", it starts a helper actor that
 * nothing but the plugin's scope ever stops.
 */
@PluginActor(factoryPid = SettingsActor.PID, maxRestarts = 2, within = "PT1M")
public class SettingsActor extends ThreadingActor {
    static final String PID = "org.jykka.itests.settings";
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final Map<String, Object> properties;
    private final int instance = INSTANCES.incrementAndGet();

    public SettingsActor(Map<String, Object> properties) {
        this.properties = properties;
    }

    /** Answers with the value of the property it is asked for, as text. */
    @Override
    protected Object onReceive(Object message) {
        switch (String.valueOf(message)) {
            case "crash":
                throw new IllegalStateException("SettingsActor was told to crash");
            case "instance":
                return instance;
            case "spawn":
                return Actor.start(new SettingsHelper()).urn();
            default:
                return String.valueOf(properties.get(message));
        }
    }
}
