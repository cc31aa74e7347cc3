package org.jykka.threading;

import java.util.concurrent.locks.LockSupport;
import org.jykka.spi.ActorLoop;
import org.jykka.spi.ActorRuntime;
import org.jykka.spi.Scheduler;

/** One platform thread per actor, parked while the actor is idle, ended when it stops. */
final class PlatformThreadRuntime implements ActorRuntime {
    static final PlatformThreadRuntime INSTANCE = new PlatformThreadRuntime();

    private PlatformThreadRuntime() {}

    @Override
    public Scheduler attach(ActorLoop loop) {
        boolean daemon = loop.actor() instanceof ThreadingActor threading && threading.useDaemonThread();
        ActorThread thread = new ActorThread(loop, daemon);
        thread.start(); // parks until the first schedule(), which Actor.start owes right after
        return thread;
    }

    /** The actor's own thread; it is its own scheduler: a wake-up is a flag and an unpark. */
    private static final class ActorThread extends Thread implements Scheduler {
        private final ActorLoop loop;
        private volatile boolean woken;

        ActorThread(ActorLoop loop, boolean daemon) {
            super(threadName(loop));
            this.loop = loop;
            setDaemon(daemon);
        }

        @Override
        public void schedule() {
            woken = true;
            LockSupport.unpark(this);
        }

        @Override
        public void run() {
            while (true) {
                while (!woken) {
                    LockSupport.park(this);
                    Thread.interrupted(); // an interrupt meant for a handler must not spin this loop
                }
                woken = false;
                // The batch limit only matters for shared threads; this thread serves one actor.
                while (loop.runBatch(Integer.MAX_VALUE)) {
                    // more work arrived while we went idle, and we won it back
                }
                if (loop.isStopped()) {
                    return;
                }
            }
        }

        private static String threadName(ActorLoop loop) {
            return loop.ref().actorClass().getSimpleName() + "-" + loop.ref().urn().substring("urn:uuid:".length(), 17);
        }
    }
}
