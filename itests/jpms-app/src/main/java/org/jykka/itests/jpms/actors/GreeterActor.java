package org.jykka.itests.jpms.actors;

import org.jykka.threading.ThreadingActor;

/** Greets, and says which thread it runs on. */
public class GreeterActor extends ThreadingActor {
    private int greetings;

    public String greet(String who) {
        greetings++;
        return "Hello, " + who + " (" + greetings + ")";
    }

    public String threadName() {
        return Thread.currentThread().getName();
    }

    @Override
    protected Object onReceive(Object message) {
        return "echo " + message;
    }
}
