package org.jykka.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Case 3, ping-pong between two actors with one message in flight (after Pekko's
 * ForkJoinActorBenchmark): every hop is a send from inside an actor to an idle one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PingPongBenchmark {
    static final int ROUND_TRIPS = 10_000;

    @Param({"threading", "virtual", "pekko", "pekko-virtual", "juc"})
    public String contender;

    /** System properties for the runtime, {@code name=value} separated by spaces (see {@link Contender#open(String)}). */
    @Param("")
    public String properties;

    private Rig rig;
    private Rig.PingPong pair;

    @Setup(Level.Trial)
    public void open() {
        rig = Contender.byId(contender).open(properties);
        pair = rig.pingPong();
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        rig.close();
    }

    /** Score: round trips (two messages each) per second. */
    @Benchmark
    @OperationsPerInvocation(ROUND_TRIPS)
    public void pingPong() throws Exception {
        pair.play(ROUND_TRIPS);
    }
}
