package org.jykka.example.greeter;

import org.jykka.osgi.PluginActor;
import org.jykka.threading.ThreadingActor;

/**
 * Pykka's first example, as a plugin actor: it greets whoever sends it a message.
 *
 * <p>Copy this bundle into the container's {@code deploy/} folder and the extender starts one
 * {@code greeter}; {@code jykka:tell greeter hello} makes it print a greeting, and
 * {@code jykka:ask greeter hello} does too and answers which greeting that was ({@code greeting #2}),
 * so the shell does not print the greeting a second time.
 */
@PluginActor(name = "greeter")
public class Greeter extends ThreadingActor {

    private int greeted;

    @Override
    protected Object onReceive(Object message) {
        greeted++;
        String greeting = "Hi there! You said: " + message + " (greeting #" + greeted + ")";
        System.out.println(greeting);
        return "greeting #" + greeted;
    }
}
