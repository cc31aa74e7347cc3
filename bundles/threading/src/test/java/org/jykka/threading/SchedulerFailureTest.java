package org.jykka.threading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jykka.Actor;
import org.jykka.ActorRef;
import org.jykka.spi.ActorLoop;
import org.jykka.spi.ActorRuntime;
import org.jykka.spi.Scheduler;
import org.jykka.testkit.ActorTestSupport;
import org.jykka.testkit.EachRuntime;
import org.jykka.testkit.Runtimes;

/** A wake-up that fails (a sender out of stack inside tell, a broken runtime) is not lost. */
class SchedulerFailureTest extends ActorTestSupport {

    /** The runtime under test, with a schedule() that throws once when armed. */
    static final class FailingOnce implements ActorRuntime {
        final AtomicBoolean armed = new AtomicBoolean();
        private final ActorRuntime runtime;

        FailingOnce(Runtimes runtime) {
            this.runtime = runtime.runtime;
        }

        @Override
        public Scheduler attach(ActorLoop loop) {
            Scheduler scheduler = runtime.attach(loop);
            return () -> {
                if (armed.compareAndSet(true, false)) {
                    throw new StackOverflowError("the sender ran out of stack inside tell");
                }
                scheduler.schedule();
            };
        }

        @Override
        public void replyMayBeAwaited() {
            runtime.replyMayBeAwaited();
        }
    }

    /** Keeps what it received, in order. */
    static final class Keeper extends Actor {
        final List<Object> received = new CopyOnWriteArrayList<>();

        Keeper(ActorRuntime runtime) {
            super(runtime);
        }

        @Override
        protected Object onReceive(Object message) {
            received.add(message);
            return message;
        }
    }

    @EachRuntime
    void aWakeUpThatThrowsIsGivenBackSoTheNextMessageRunsTheActor(Runtimes runtime) {
        FailingOnce failing = new FailingOnce(runtime);
        Keeper keeper = new Keeper(failing);
        ActorRef<Keeper> ref = Actor.start(keeper);
        List<Object> expected = new ArrayList<>();
        expected.add(ref.ask("started").get(TIMEOUT));
        // The tell wakes the actor only if it has gone idle after answering; until it has, try again.
        boolean failed = false;
        for (int attempt = 0; attempt < 10_000 && !failed; attempt++) {
            failing.armed.set(true);
            String message = "tell " + attempt;
            try {
                ref.tell(message);
            } catch (StackOverflowError expectedFailure) {
                failed = true;
            }
            expected.add(message);
            if (!failed && failing.armed.compareAndSet(true, false)) {
                expected.add(ref.ask("sync " + attempt).get(TIMEOUT)); // the actor was busy: no wake-up was due
            }
        }
        assertTrue(failed, "a wake-up was due at least once");

        expected.add(ref.ask("after").get(TIMEOUT));

        assertEquals(expected, keeper.received);
    }
}
