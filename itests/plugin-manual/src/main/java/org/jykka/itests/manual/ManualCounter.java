package org.jykka.itests.manual;

import org.jykka.itests.api.Counter;
import org.jykka.threading.ThreadingActor;

/** Listed in the hand-written Jykka-Actors header; implements the interface it is published under. */
public class ManualCounter extends ThreadingActor implements Counter {
    private int count;

    @Override
    public int increment() {
        return ++count;
    }

    @Override
    public String threadName() {
        return Thread.currentThread().getName();
    }
}
