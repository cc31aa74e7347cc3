package org.jykka.testplugin;

import java.time.Duration;
import org.jykka.Actor;
import org.jykka.ActorRef;
import org.jykka.Restart;
import org.jykka.threading.ThreadingActor;

/**
 * A plugin actor for the end-to-end tests that supervises a child of its own: it starts a
 * {@link Fragile} with a restart policy, so the shell has a supervised actor to show and restart
 * whatever the plugin header can say. Packaged into a plugin jar by {@code TestPlugins}.
 */
public class Supervisor extends ThreadingActor {

    private ActorRef<Fragile> child;

    @Override
    protected void onStart() {
        child = Actor.start(Fragile::new, Restart.limit(100, Duration.ofMinutes(10)));
    }

    @Override
    protected void onStop() {
        child.stopAsync();
    }

    /**
     * The supervised child: the message {@code fail} makes it throw (and so be restarted); any other
     * message reaches the default handler, an unhandled dead letter. Each instance says when it starts.
     */
    public static class Fragile extends ThreadingActor {

        @Override
        protected void onStart() {
            // The tests wait for this line to know a fresh instance has taken over.
            System.out.println("fragile: started");
        }

        @Override
        protected Object onReceive(Object message) throws Exception {
            if ("fail".equals(message)) {
                throw new IllegalStateException("told to fail");
            }
            return super.onReceive(message);
        }
    }
}
