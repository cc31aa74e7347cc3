package org.jykka.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The base of a test class whose every test runs once per available runtime: the class is
 * instantiated per runtime, so field initialisers may start actors on {@link #runtime}. A subclass
 * declares a constructor taking {@link Runtimes} and passes it on.
 */
@EachRuntimeTestSupport.PerRuntime
public abstract class EachRuntimeTestSupport extends ActorTestSupport {
    /** The runtime this instance of the test class runs on. */
    protected final Runtimes runtime;

    protected EachRuntimeTestSupport(Runtimes runtime) {
        this.runtime = runtime;
    }

    /** Runs the annotated class once per available runtime, passed to its constructor. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Inherited
    @ParameterizedClass(name = "{0}")
    @MethodSource("org.jykka.testkit.Runtimes#available")
    @interface PerRuntime {}
}
