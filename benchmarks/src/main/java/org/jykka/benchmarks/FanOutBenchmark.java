package org.jykka.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Case 6, 10,000 actors, each receiving messages from every one of a few sender threads (after
 * Pekko's ActorBenchmark echo, scaled to 2 cores: two senders).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FanOutBenchmark {
    static final int SENDERS = 2;
    /** Payload messages per sender and actor per invocation: few, so every actor goes idle and wakes often. */
    static final int ROUNDS = 1;
    private static final Object MESSAGE = "message";

    @Param({"threading", "virtual", "pekko", "pekko-virtual", "juc"})
    public String contender;

    /** System properties for the runtime, {@code name=value} separated by spaces (see {@link Contender#open(String)}). */
    @Param("")
    public String properties;

    /** The number of actors; the smoke profile makes it small. */
    @Param("10000")
    public int actors;

    private Rig rig;
    private Rig.Sink[] sinks;
    private ExecutorService senders;

    /** Every message of an invocation, the markers included. */
    static long messagesPerInvocation(int actors) {
        return (long) actors * SENDERS * (ROUNDS + 1);
    }

    @Setup(Level.Trial)
    public void open() {
        rig = Contender.byId(contender).open(properties);
        sinks = new Rig.Sink[actors];
        for (int i = 0; i < actors; i++) {
            sinks[i] = rig.sink();
        }
        senders = Executors.newFixedThreadPool(SENDERS);
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        senders.shutdownNow();
        rig.close();
    }

    /**
     * Score: invocations per second. An invocation sends {@code ROUNDS} messages and then a marker from
     * every sender to every actor, and waits until every actor has taken all of them; BenchmarkMain
     * reports {@link #messagesPerInvocation} times the score as messages per second.
     */
    @Benchmark
    public void fanOut() throws Exception {
        CountDownLatch taken = new CountDownLatch(actors * SENDERS);
        List<Future<?>> sending = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            sending.add(senders.submit(() -> {
                for (int round = 0; round < ROUNDS; round++) {
                    for (Rig.Sink sink : sinks) {
                        sink.tell(MESSAGE);
                    }
                }
                for (Rig.Sink sink : sinks) {
                    sink.tell(taken); // behind this sender's messages to that actor
                }
            }));
        }
        for (Future<?> send : sending) {
            send.get();
        }
        JykkaRig.await(taken);
    }
}
