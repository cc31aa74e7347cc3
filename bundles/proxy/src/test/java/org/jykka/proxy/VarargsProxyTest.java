package org.jykka.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jykka.Actor;
import org.jykka.ActorRef;
import org.jykka.testkit.EachRuntimeTestSupport;
import org.jykka.testkit.Runtimes;
import org.junit.jupiter.api.Test;

class VarargsProxyTest extends EachRuntimeTestSupport {
    VarargsProxyTest(Runtimes runtime) {
        super(runtime);
    }


    public interface TallyProxy {
        int sum(int... values);

        String join(String... parts);

        int count(Object... items);
    }

    private final ActorRef<Tally> ref = Actor.start(new Tally(runtime));
    private final TallyProxy tally = ActorProxy.of(ref, TallyProxy.class);
    private final ActorProxy.Dynamic dynamic = ActorProxy.of(ref);

    @Test
    void typedCallOfAnIntVarargsMethodPassesTheValues() {
        assertEquals(6, tally.sum(1, 2, 3));
    }

    @Test
    void typedCallOfAStringVarargsMethodPassesTheValues() {
        assertEquals("a,b", tally.join("a", "b"));
    }

    @Test
    void typedCallOfAnObjectVarargsMethodSeesEveryArgument() {
        assertEquals(3, tally.count("a", 1, null));
    }

    @Test
    void typedCallWithNoVarargsValuesPassesAnEmptyArray() {
        assertEquals(0, tally.count());
    }

    @Test
    void dynamicCallPacksTheTrailingArgumentsIntoTheArray() {
        assertEquals(6, dynamic.call("sum", 1, 2, 3).get(TIMEOUT));
    }

    @Test
    void dynamicCallWithNoTrailingArgumentsPassesAnEmptyArray() {
        assertEquals("", dynamic.call("join").get(TIMEOUT));
    }

    @Test
    void dynamicCallPassesAnArrayArgumentAsTheArrayItself() {
        assertEquals(3, dynamic.call("sum", (Object) new int[] {1, 2}).get(TIMEOUT));
    }

    @Test
    void dynamicCallWidensTrailingArgumentsToTheArraysComponentType() {
        assertEquals("n=1+2", dynamic.call("label", "n=", 1, (short) 2).get(TIMEOUT));
    }
}
