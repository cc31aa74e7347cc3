package org.jykka.itests.virtualloader;

import org.jykka.itests.api.Events;
import org.jykka.osgi.PluginActor;
import org.jykka.threading.VirtualThreadActor;
import org.osgi.framework.FrameworkUtil;

/** Sets its thread's context class loader to its own bundle's class loader, as plugin code often does, and leaves it. */
@PluginActor
public class ContextLoaderActor extends VirtualThreadActor {

    @Override
    protected void onStart() {
        Thread.currentThread().setContextClassLoader(ContextLoaderActor.class.getClassLoader());
        Events.emit(FrameworkUtil.getBundle(ContextLoaderActor.class).getBundleContext(), "context loader set");
    }
}
