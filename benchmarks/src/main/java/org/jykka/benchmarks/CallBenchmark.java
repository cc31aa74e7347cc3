package org.jykka.benchmarks;

import java.util.concurrent.TimeUnit;
import org.jykka.ActorRef;
import org.jykka.proxy.ActorProxy;
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
 * Case 4, the cost of Jykka's typed ways to talk to an actor against a plain {@code ask}: a typed
 * proxy call (a blocking {@code echo(Object)}), {@code call(fn)}, and {@code ask}, each a blocking round
 * trip to the same actor. Jykka only: Pekko classic has no equivalent worth comparing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CallBenchmark {
    private static final Object MESSAGE = "message";

    @Param({"threading", "virtual"})
    public String contender;

    private JykkaRig rig;
    private ActorRef<?> ref;
    private JykkaRig.EchoService proxy;

    @Setup(Level.Trial)
    public void open() throws Exception {
        rig = (JykkaRig) Contender.byId(contender).open();
        ref = rig.start(JykkaRig.ECHO);
        proxy = ActorProxy.of(ref, JykkaRig.EchoService.class);
    }

    @TearDown(Level.Trial)
    public void close() {
        rig.close();
    }

    @Benchmark
    public Object ask() {
        return ref.ask(MESSAGE).get(JykkaRig.TIMEOUT);
    }

    @Benchmark
    public Object call() {
        return ref.call(actor -> ((JykkaRig.EchoService) actor).echo(MESSAGE)).get(JykkaRig.TIMEOUT);
    }

    @Benchmark
    public Object proxy() {
        return proxy.echo(MESSAGE);
    }
}
