package org.jykka.testplugin;

import org.jykka.threading.ThreadingActor;

/**
 * A plugin actor for the end-to-end tests that takes its time: a message is a number of
 * milliseconds to sleep before answering {@code "slept <ms> ms"}. Packaged into a plugin jar by
 * {@code TestPlugins}, never deployed from this class path.
 */
public class Sleeper extends ThreadingActor {

    @Override
    protected Object onReceive(Object message) throws InterruptedException {
        long millis = Long.parseLong(String.valueOf(message).trim());
        // The tests wait for this line to know the actor is busy.
        System.out.println("sleeper: sleeping " + millis + " ms");
        Thread.sleep(millis);
        return "slept " + millis + " ms";
    }
}
