package org.jykka.testplugin;

import org.jykka.threading.ThreadingActor;

/** A plugin actor for the end-to-end tests whose {@code onStart} throws. */
public class FailsToStart extends ThreadingActor {

    @Override
    protected void onStart() {
        throw new IllegalStateException("no database at localhost:5432");
    }
}
