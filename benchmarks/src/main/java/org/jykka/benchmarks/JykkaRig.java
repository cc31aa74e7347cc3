package org.jykka.benchmarks;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jykka.Actor;
import org.jykka.ActorRef;
import org.jykka.registry.ActorRegistry;
import org.jykka.threading.ThreadingActor;
import org.jykka.threading.VirtualThreadActor;

/** Jykka's actors on one of its runtimes; the runtime is the actor's base class. */
public final class JykkaRig implements Rig {
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CLOSE_TIMEOUT = Duration.ofMinutes(5);

    /** What a benchmark actor does; the same behaviour runs on either runtime. */
    interface Behavior {
        Object receive(Object message) throws Exception;

        default void stopped() {}
    }

    /** Counts a latch down; everything else is dropped. Stateless, so every sink shares it. */
    static final Behavior SINK = message -> {
        if (message instanceof CountDownLatch latch) {
            latch.countDown();
        }
        return null;
    };

    static final Behavior ECHO = message -> message;

    static final Behavior IDLE = message -> null;

    /** The actor that {@link CallBenchmark}'s typed proxy maps to: {@code echo(Object)}. */
    public interface EchoService {
        Object echo(Object message);
    }

    public static final class ThreadingBox extends ThreadingActor implements EchoService {
        private final Behavior behavior;

        ThreadingBox(Behavior behavior) {
            this.behavior = behavior;
        }

        @Override
        protected Object onReceive(Object message) throws Exception {
            return behavior.receive(message);
        }

        @Override
        protected void onStop() {
            behavior.stopped();
        }

        @Override
        public Object echo(Object message) {
            return message;
        }

        @Override
        protected boolean useDaemonThread() {
            return true; // a benchmark that fails must not hang its JVM
        }
    }

    public static final class VirtualBox extends VirtualThreadActor implements EchoService {
        private final Behavior behavior;

        VirtualBox(Behavior behavior) {
            this.behavior = behavior;
        }

        @Override
        protected Object onReceive(Object message) throws Exception {
            return behavior.receive(message);
        }

        @Override
        protected void onStop() {
            behavior.stopped();
        }

        @Override
        public Object echo(Object message) {
            return message;
        }
    }

    private final Function<Behavior, Actor> newActor;

    private JykkaRig(Function<Behavior, Actor> newActor) {
        this.newActor = newActor;
    }

    static JykkaRig threading() {
        return new JykkaRig(ThreadingBox::new);
    }

    static JykkaRig virtualThreads() {
        return new JykkaRig(VirtualBox::new);
    }

    ActorRef<?> start(Behavior behavior) {
        return Actor.start(newActor.apply(behavior));
    }

    @Override
    public Sink sink() {
        return start(SINK)::tell;
    }

    @Override
    public Echo echo() {
        ActorRef<?> ref = start(ECHO);
        return message -> ref.ask(message).get(TIMEOUT);
    }

    /** Each player hands the count, one less, to its partner; at zero the round is over. */
    static final class Player implements Behavior {
        volatile ActorRef<?> partner;
        volatile CountDownLatch done;

        @Override
        public Object receive(Object message) {
            int left = (Integer) message;
            if (left == 0) {
                done.countDown();
            } else {
                partner.tell(left - 1);
            }
            return null;
        }
    }

    @Override
    public PingPong pingPong() {
        Player ping = new Player();
        Player pong = new Player();
        ActorRef<?> pingRef = start(ping);
        ActorRef<?> pongRef = start(pong);
        ping.partner = pongRef;
        pong.partner = pingRef;
        return roundTrips -> {
            CountDownLatch done = new CountDownLatch(1);
            ping.done = done;
            pong.done = done;
            pingRef.tell(roundTrips * 2);
            await(done);
        };
    }

    /** Counts a latch down when stopped. */
    record Churn(CountDownLatch stoppedLatch) implements Behavior {
        @Override
        public Object receive(Object message) {
            return null;
        }

        @Override
        public void stopped() {
            stoppedLatch.countDown();
        }
    }

    @Override
    public void startAndStop(int count) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(count);
        Churn churn = new Churn(stopped);
        for (int i = 0; i < count; i++) {
            start(churn).stopAsync();
        }
        await(stopped);
    }

    @Override
    public void startStopOne() {
        ActorRef<?> ref = start(IDLE);
        ref.stopAsync();
        ref.whenStopped().get(TIMEOUT);
    }

    /**
     * An actor that answers each message with an {@code ask} of its own to a fresh echo actor, waited
     * for inside its handler: an actor-to-actor round trip behind the caller's own.
     */
    Echo relay() {
        ActorRef<?> echo = start(ECHO);
        ActorRef<?> relay = start(message -> echo.ask(message).get(TIMEOUT));
        return message -> relay.ask(message).get(TIMEOUT);
    }

    @Override
    public void close() {
        // Stops one actor after another: a million of them can take longer than TIMEOUT on a busy machine.
        ActorRegistry.stopAll(CLOSE_TIMEOUT);
    }

    static void await(CountDownLatch latch) throws InterruptedException {
        if (!latch.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("Not done within " + TIMEOUT + ": " + latch.getCount() + " left");
        }
    }
}
