package org.jykka.itests.faulty;

import org.jykka.threading.ThreadingActor;

/** Runs until it is told "die", which it cannot handle: it fails and stops, and must lose its services. */
public class Fragile extends ThreadingActor {
    private int count;

    @Override
    protected Object onReceive(Object message) {
        if ("die".equals(message)) {
            throw new IllegalStateException("Fragile was told to die");
        }
        return message;
    }

    public int increment() {
        return ++count;
    }

    public String threadName() {
        return Thread.currentThread().getName();
    }
}
