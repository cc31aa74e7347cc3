package org.jykka.itests.supervised;

import java.time.Duration;
import org.jykka.Actor;
import org.jykka.threading.ThreadingActor;

/** A thread of its own, a periodic timer, and, if asked, a child of its own (a grandchild of Parent). */
public class Child extends ThreadingActor {
    private final boolean startsGrandchild;
    private int ticks;

    public Child(boolean startsGrandchild) {
        this.startsGrandchild = startsGrandchild;
    }

    @Override
    protected void onStart() {
        timers().startFixedDelay("tick", new Tick(), Duration.ofMillis(20));
        if (startsGrandchild) {
            Actor.start(new Child(false));
        }
    }

    @Override
    protected Object onReceive(Object message) {
        if (message instanceof Tick) {
            ticks++;
            return null;
        }
        return ticks;
    }

    /** A timer message of the plugin's own class, so a timer that outlived the bundle would keep its class loader. */
    static final class Tick {}
}
