package org.jykka.benchmarks;

import java.lang.reflect.Method;
import java.util.concurrent.TimeUnit;
import org.jykka.ActorRef;
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
    static final String PROXY_CLASS = "org.jykka.proxy.ActorProxy";
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
        proxy = typedProxy(ref);
    }

    /** {@code ActorProxy.of(ref, EchoService.class)}, or {@code null} while the proxy bundle lacks it. */
    static JykkaRig.EchoService typedProxy(ActorRef<?> ref) throws Exception {
        if (!proxyAvailable()) {
            return null;
        }
        // Reflection only here, once: the calls measured below are plain interface calls on the proxy.
        Method of = Class.forName(PROXY_CLASS).getMethod("of", ActorRef.class, Class.class);
        return JykkaRig.EchoService.class.cast(of.invoke(null, ref, JykkaRig.EchoService.class));
    }

    static boolean proxyAvailable() {
        try {
            Class.forName(PROXY_CLASS);
            return true;
        } catch (ClassNotFoundException notYet) {
            return false;
        }
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
        if (proxy == null) {
            throw new IllegalStateException(PROXY_CLASS + " is not on the class path: BenchmarkMain leaves this out");
        }
        return proxy.echo(MESSAGE);
    }
}
