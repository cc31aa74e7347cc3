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
 * Case 2b, an {@code ask} from inside another actor: a plain thread asks a relay actor, whose handler
 * asks an echo actor and waits for the answer ({@code ask(...).get()}) before it answers. One operation
 * is the whole chain, so it costs the plain {@code ask} of case 2 plus the actor-to-actor round trip;
 * BenchmarkMain reports both and their difference. Jykka only: a Pekko actor does not block on an ask.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ActorAskBenchmark {
    private static final Object MESSAGE = "message";

    @Param({"threading", "virtual"})
    public String contender;

    /** System properties for the runtime, {@code name=value} separated by spaces (see {@link Contender#open(String)}). */
    @Param("")
    public String properties;

    private JykkaRig rig;
    private Rig.Echo relay;

    @Setup(Level.Trial)
    public void open() {
        rig = (JykkaRig) Contender.byId(contender).open(properties);
        relay = rig.relay();
    }

    @TearDown(Level.Trial)
    public void close() {
        rig.close();
    }

    /** Score: microseconds per chain (plain thread to relay, relay to echo and back, back to the thread). */
    @Benchmark
    public Object askFromActor() throws Exception {
        return relay.ask(MESSAGE);
    }
}
