package org.jykka.itests.faulty;

import org.jykka.threading.ThreadingActor;

/** Created, started, and dead in onStart; declared with a service it must not keep. */
public class ThrowingOnStart extends ThreadingActor {
    @Override
    protected void onStart() {
        throw new IllegalStateException("ThrowingOnStart fails in onStart");
    }

    public int increment() {
        return 0;
    }

    public String threadName() {
        return Thread.currentThread().getName();
    }
}
