package org.jykka.example.greeter;

import org.jykka.osgi.PluginActor;
import org.jykka.threading.ThreadingActor;

/**
 * A greeter the operator configures: each file {@code deploy/org.jykka.example.greeter-<name>.cfg}
 * starts one, named {@code greeter-<name>}. With {@code greeting=Hello} in
 * {@code org.jykka.example.greeter-english.cfg}, {@code jykka:ask greeter-english world} answers
 * {@code Hello, world!}. Editing the file restarts it with the new greeting; deleting it stops it.
 */
@PluginActor(name = "greeter", factoryPid = "org.jykka.example.greeter")
public class ConfiguredGreeter extends ThreadingActor {

    /** What a configuration file of this greeter holds. */
    public interface Settings {
        /** The greeting, e.g. {@code Hello}. */
        String greeting();

        /** What ends the answer; {@code !} unless the file says otherwise. */
        default String punctuation() {
            return "!";
        }
    }

    private final Settings settings;

    public ConfiguredGreeter(Settings settings) {
        this.settings = settings;
    }

    @Override
    protected Object onReceive(Object message) {
        return settings.greeting() + ", " + message + settings.punctuation();
    }
}
