package org.jykka.proxy.outside;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.jykka.Actor;
import org.jykka.ActorRef;
import org.jykka.proxy.ActorProxy;
import org.jykka.proxy.Calculator;
import org.jykka.testkit.EachRuntimeTestSupport;
import org.jykka.testkit.Runtimes;
import org.junit.jupiter.api.Test;

/**
 * Default methods of proxy interfaces that the proxy bundle cannot access, being package-private in
 * another package (as a plugin's own interfaces are).
 */
class DefaultMethodTest extends EachRuntimeTestSupport {
    DefaultMethodTest(Runtimes runtime) {
        super(runtime);
    }


    interface Doubling {
        int add(int a, int b);

        default int addTwice(int a, int b) {
            return add(a, b) + add(a, b);
        }

        default int failHere(String message) {
            throw new IllegalStateException(message);
        }
    }

    public interface PublicDoubling extends Doubling {}

    private final ActorRef<Calculator> ref = Actor.start(new Calculator(runtime));

    @Test
    void defaultMethodOfAPackagePrivateInterfaceRunsOnTheProxy() {
        assertEquals(8, ActorProxy.of(ref, Doubling.class).addTwice(2, 2));
    }

    @Test
    void defaultMethodInheritedFromAPackagePrivateInterfaceRunsOnTheProxy() {
        assertEquals(8, ActorProxy.of(ref, PublicDoubling.class).addTwice(2, 2));
    }

    @Test
    void exceptionOfADefaultMethodReachesTheCallerAsItIs() {
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> ActorProxy.of(ref, Doubling.class).failHere("in the caller"));

        assertEquals("in the caller", thrown.getMessage());
    }
}
