package org.jykka.itests.faulty;

import org.jykka.threading.ThreadingActor;

/** Cannot even be created. */
public class ThrowingConstructor extends ThreadingActor {
    public ThrowingConstructor() {
        throw new IllegalStateException("ThrowingConstructor refuses to be built");
    }
}
