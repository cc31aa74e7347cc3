package org.jykka.benchmarks;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.AbstractActor;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.PoisonPill;
import org.apache.pekko.actor.Props;
import org.apache.pekko.pattern.Patterns;

/**
 * Apache Pekko classic actors, on the default fork-join dispatcher as shipped, or on a fork-join
 * dispatcher with {@code virtualize = on} (experimental in 1.7.0; Java 21+ and the two
 * {@code --add-opens} of its reference.conf: {@code java.base/jdk.internal.misc} and
 * {@code java.base/java.lang}), tuned as Pekko's own bench-jmh tunes its dispatchers: parallelism =
 * cores, {@code throughput = 50}.
 */
public final class PekkoRig implements Rig {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String VIRTUAL_DISPATCHER = "jykka-bench-virtual-dispatcher";
    private static final int CORES = Runtime.getRuntime().availableProcessors();

    private final ActorSystem system;
    private final String dispatcher;

    PekkoRig(boolean virtualThreads) {
        Config config = ConfigFactory.parseString(""
                + "pekko.log-dead-letters = off\n"
                + "pekko.loglevel = WARNING\n"
                + VIRTUAL_DISPATCHER + " {\n"
                + "  type = Dispatcher\n"
                + "  executor = fork-join-executor\n"
                + "  throughput = 50\n"
                + "  fork-join-executor {\n"
                + "    virtualize = on\n"
                + "    parallelism-min = " + CORES + "\n"
                + "    parallelism-factor = 1.0\n"
                + "    parallelism-max = " + CORES + "\n"
                + "  }\n"
                + "}\n").withFallback(ConfigFactory.load());
        this.system = ActorSystem.create("bench", config);
        this.dispatcher = virtualThreads ? VIRTUAL_DISPATCHER : "pekko.actor.default-dispatcher";
    }

    public static final class SinkActor extends AbstractActor {
        @Override
        public Receive createReceive() {
            return receiveBuilder().matchAny(message -> {
                if (message instanceof CountDownLatch latch) {
                    latch.countDown();
                }
            }).build();
        }
    }

    public static final class EchoActor extends AbstractActor {
        @Override
        public Receive createReceive() {
            return receiveBuilder().matchAny(message -> getSender().tell(message, getSelf())).build();
        }
    }

    /** Shared by the two players of one pair: where the end of a round is reported. */
    static final class Round {
        volatile CountDownLatch done;
    }

    public static final class PlayerActor extends AbstractActor {
        private final Round round;

        public PlayerActor(Round round) {
            this.round = round;
        }

        @Override
        public Receive createReceive() {
            return receiveBuilder().match(Integer.class, left -> {
                if (left == 0) {
                    round.done.countDown();
                } else {
                    getSender().tell(left - 1, getSelf());
                }
            }).build();
        }
    }

    public static final class ChurnActor extends AbstractActor {
        private final CountDownLatch stopped;

        public ChurnActor(CountDownLatch stopped) {
            this.stopped = stopped;
        }

        @Override
        public Receive createReceive() {
            return receiveBuilder().build();
        }

        @Override
        public void postStop() {
            stopped.countDown();
        }
    }

    private ActorRef start(Props props) {
        return system.actorOf(props.withDispatcher(dispatcher));
    }

    @Override
    public Sink sink() {
        ActorRef ref = start(Props.create(SinkActor.class));
        return message -> ref.tell(message, ActorRef.noSender());
    }

    @Override
    public Echo echo() {
        ActorRef ref = start(Props.create(EchoActor.class));
        return message -> Patterns.ask(ref, message, TIMEOUT).toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Override
    public PingPong pingPong() {
        Round round = new Round();
        ActorRef ping = start(Props.create(PlayerActor.class, () -> new PlayerActor(round)));
        ActorRef pong = start(Props.create(PlayerActor.class, () -> new PlayerActor(round)));
        return roundTrips -> {
            CountDownLatch done = new CountDownLatch(1);
            round.done = done;
            ping.tell(roundTrips * 2, pong);
            JykkaRig.await(done);
        };
    }

    @Override
    public void startAndStop(int count) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(count);
        Props props = Props.create(ChurnActor.class, () -> new ChurnActor(stopped)).withDispatcher(dispatcher);
        for (int i = 0; i < count; i++) {
            system.actorOf(props).tell(PoisonPill.getInstance(), ActorRef.noSender());
        }
        JykkaRig.await(stopped);
    }

    @Override
    public void startStopOne() throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        system.actorOf(Props.create(ChurnActor.class, () -> new ChurnActor(stopped)).withDispatcher(dispatcher))
                .tell(PoisonPill.getInstance(), ActorRef.noSender());
        JykkaRig.await(stopped);
    }

    @Override
    public void close() throws Exception {
        system.terminate();
        system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
