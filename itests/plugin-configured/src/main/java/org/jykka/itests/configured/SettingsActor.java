package org.jykka.itests.configured;

import java.util.Map;
import org.jykka.osgi.PluginActor;
import org.jykka.threading.ThreadingActor;

/** One instance per configuration of factory PID {@value #PID}; it receives every property as a map. */
@PluginActor(factoryPid = SettingsActor.PID)
public class SettingsActor extends ThreadingActor {
    static final String PID = "org.jykka.itests.settings";

    private final Map<String, Object> properties;

    public SettingsActor(Map<String, Object> properties) {
        this.properties = properties;
    }

    /** Answers with the value of the property it is asked for, as text. */
    @Override
    protected Object onReceive(Object message) {
        return String.valueOf(properties.get(message));
    }
}
