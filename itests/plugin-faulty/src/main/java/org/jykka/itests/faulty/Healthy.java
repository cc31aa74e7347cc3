package org.jykka.itests.faulty;

import org.jykka.threading.ThreadingActor;

/** Answers each message with itself, whatever its neighbours do. */
public class Healthy extends ThreadingActor {
    @Override
    protected Object onReceive(Object message) {
        return message;
    }
}
