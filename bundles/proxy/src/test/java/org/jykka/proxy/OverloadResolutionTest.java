package org.jykka.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jykka.Actor;
import org.jykka.ActorRef;
import org.jykka.testkit.EachRuntimeTestSupport;
import org.jykka.testkit.Runtimes;
import org.junit.jupiter.api.Test;

/** The dynamic proxy chooses among overloads as javac would for the same argument values. */
class OverloadResolutionTest extends EachRuntimeTestSupport {
    OverloadResolutionTest(Runtimes runtime) {
        super(runtime);
    }


    private final ActorProxy.Dynamic tally = ActorProxy.of(Actor.start(new Tally(runtime)));

    private Object call(String method, Object... arguments) {
        return tally.call(method, arguments).get(TIMEOUT);
    }

    @Test
    void anIntegerReachesTheNarrowestWideningOverload() {
        assertEquals("long 4", call("widen", 4));
    }

    @Test
    void aFloatReachesTheDoubleOverload() {
        assertEquals("double 1.5", call("widen", 1.5f));
    }

    @Test
    void wideningIsPreferredToBoxing() {
        assertEquals("long", call("box", 1));
    }

    @Test
    void boxingChoosesTheMostSpecificReferenceType() {
        assertEquals("Number", call("number", 1));
    }

    @Test
    void fixedArityIsPreferredToVarargs() {
        assertEquals("fixed", call("arity", 1));
    }

    @Test
    void varargsIsChosenWhenNoFixedArityFits() {
        assertEquals("varargs", call("arity", 1, 2));
    }

    @Test
    void nullReachesTheMostSpecificReferenceOverload() {
        assertEquals("String", call("pick", (Object) null));
    }

    @Test
    void ambiguousOverloadsFailTheFutureNamingThem() {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> tally.call("pair", 1, 1).get(TIMEOUT));

        String message = thrown.getMessage();
        assertTrue(message.contains("pair(Integer, Integer) is ambiguous"), message);
        assertTrue(message.contains("pair(long, double)") && message.contains("pair(double, long)"), message);
    }

    @Test
    void theBridgeOfAGenericInterfaceMethodIsNotAnOverload() {
        assertEquals("supplied", call("get"));
    }

    static class Hidden extends Actor {
        Hidden(Runtimes runtime) {
            super(runtime.runtime);
        }

        public String inherited() {
            return "inherited";
        }
    }

    /** A public class extending a non-public one: javac makes a public bridge for each inherited public method. */
    public static class Visible extends Hidden {
        public Visible(Runtimes runtime) {
            super(runtime);
        }
    }

    @Test
    void aPublicMethodInheritedFromANonPublicClassIsReachable() {
        ActorRef<Visible> ref = Actor.start(new Visible(runtime));

        assertEquals("inherited", ActorProxy.of(ref).call("inherited").get(TIMEOUT));
    }
}
