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
 * Case 5, start + stop of an actor (after Pekko's ActorCreationBenchmark, but each actor is also
 * stopped, and the invocation waits until all of them have stopped: nothing is left running); and
 * case 5b, the same for one actor at a time, waited for each time: the latency a caller sees.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class StartStopBenchmark {
    static final int ACTORS = 1_000;

    @Param({"threading", "virtual", "pekko", "pekko-virtual", "juc"})
    public String contender;

    /** System properties for the runtime, {@code name=value} separated by spaces (see {@link Contender#open(String)}). */
    @Param("")
    public String properties;

    private Rig rig;

    @Setup(Level.Trial)
    public void open() {
        rig = Contender.byId(contender).open(properties);
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        rig.close();
    }

    /** Score: actors started and stopped per second. */
    @Benchmark
    @OperationsPerInvocation(ACTORS)
    public void startAndStop() throws Exception {
        rig.startAndStop(ACTORS);
    }

    /**
     * Score: microseconds from the start of one actor to the moment its caller sees it stopped
     * (Jykka: {@code whenStopped().get()}; Pekko: its {@code postStop} counts a latch down; juc: the
     * thread's {@code join}). Sampled, so the run reports p50 and p99 as well as the mean.
     */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void startStopOne() throws Exception {
        rig.startStopOne();
    }
}
