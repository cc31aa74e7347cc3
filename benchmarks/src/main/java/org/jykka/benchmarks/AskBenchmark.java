package org.jykka.benchmarks;

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
 * Case 2, {@code ask} round trip: the caller (a plain thread outside any actor) sends, and waits for
 * each answer. Sampled, so the run reports p50 and p99 as well as the mean.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AskBenchmark {
    private static final Object MESSAGE = "message";

    @Param({"threading", "virtual", "pekko", "pekko-virtual", "juc"})
    public String contender;

    /** System properties for the runtime, {@code name=value} separated by spaces (see {@link Contender#open(String)}). */
    @Param("")
    public String properties;

    private Rig rig;
    private Rig.Echo echo;

    @Setup(Level.Trial)
    public void open() {
        rig = Contender.byId(contender).open(properties);
        echo = rig.echo();
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        rig.close();
    }

    /** Score: microseconds per round trip. */
    @Benchmark
    public Object ask() throws Exception {
        return echo.ask(MESSAGE);
    }
}
