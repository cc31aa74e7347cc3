package org.jykka.benchmarks;

import java.util.concurrent.CountDownLatch;
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
 * Case 1, {@code tell} throughput, one sender to one actor (after Pekko's TellOnlyBenchmark, but
 * counted end to end: an invocation sends a burst, then waits until the actor has taken all of it).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TellBenchmark {
    static final int BURST = 100_000;
    private static final Object MESSAGE = "message";

    @Param({"threading", "virtual", "pekko", "pekko-virtual", "juc"})
    public String contender;

    /** System properties for the runtime, {@code name=value} separated by spaces (see {@link Contender#open(String)}). */
    @Param("")
    public String properties;

    private Rig rig;
    private Rig.Sink sink;

    @Setup(Level.Trial)
    public void open() {
        rig = Contender.byId(contender).open(properties);
        sink = rig.sink();
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        rig.close();
    }

    /** Score: messages per second. */
    @Benchmark
    @OperationsPerInvocation(BURST)
    public void tell() throws InterruptedException {
        for (int i = 1; i < BURST; i++) {
            sink.tell(MESSAGE);
        }
        CountDownLatch taken = new CountDownLatch(1);
        sink.tell(taken); // the last of the burst: in order, so all before it were taken
        JykkaRig.await(taken);
    }
}
