package org.jykka.itests.virtualbusy;

import java.util.ArrayList;
import java.util.List;
import org.jykka.Actor;
import org.jykka.ActorRef;
import org.jykka.osgi.PluginActor;
import org.jykka.threading.VirtualThreadActor;

/**
 * Keeps every virtual-thread runner busy for as long as it runs: more self-telling actors than
 * there are cores, so the ready queue is never empty and no runner ever ends. A runner that once ran
 * another plugin's actor therefore lives on, and with it whatever that actor left on its thread.
 */
@PluginActor(name = "crowd")
public class Crowd extends VirtualThreadActor {
    private final List<ActorRef<Ticker>> tickers = new ArrayList<>();

    /** Sends itself a message for every message it gets: always busy, never blocking. */
    public static final class Ticker extends VirtualThreadActor {
        @Override
        protected void onStart() {
            actorRef().tell("tick");
        }

        @Override
        protected Object onReceive(Object message) {
            actorRef().tell(message);
            return null;
        }
    }

    @Override
    protected void onStart() {
        for (int i = 0; i < 2 * Runtime.getRuntime().availableProcessors() + 1; i++) {
            tickers.add(Actor.start(new Ticker()));
        }
    }

    @Override
    protected void onStop() {
        tickers.forEach(ActorRef::stop);
    }
}
