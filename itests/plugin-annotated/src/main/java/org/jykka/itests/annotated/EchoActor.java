package org.jykka.itests.annotated;

import org.jykka.itests.api.Events;
import org.jykka.osgi.PluginActor;
import org.jykka.threading.ThreadingActor;
import org.osgi.framework.FrameworkUtil;

/** Declared with the annotation's defaults; a no-argument constructor. Answers each message with itself. */
@PluginActor
public class EchoActor extends ThreadingActor {

    @Override
    protected void onStart() {
        Events.emit(FrameworkUtil.getBundle(EchoActor.class).getBundleContext(), "start EchoActor");
    }

    @Override
    protected void onStop() {
        Events.emit(FrameworkUtil.getBundle(EchoActor.class).getBundleContext(), "stop EchoActor");
    }

    @Override
    protected Object onReceive(Object message) {
        return message;
    }
}
