package org.jykka.itests.supervised;

import org.jykka.Actor;
import org.jykka.itests.api.Events;
import org.jykka.osgi.PluginActor;
import org.jykka.threading.ThreadingActor;
import org.osgi.framework.BundleContext;

/**
 * Starts two children, each of which starts a grandchild, and forgets them all: its onStop stops
 * nothing. Only the plugin's scope can clean up after it.
 */
@PluginActor(name = "parent")
public class Parent extends ThreadingActor {
    private final BundleContext context;

    public Parent(BundleContext context) {
        this.context = context;
    }

    @Override
    protected void onStart() {
        Actor.start(new Child(true));
        Actor.start(new Child(true));
        Events.emit(context, "parent started its children");
    }

    @Override
    protected void onStop() {
        // forgets its children on purpose
    }
}
