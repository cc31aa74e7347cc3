package org.jykka.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.jykka.Actor;
import org.jykka.ActorRef;
import org.jykka.testkit.EachRuntimeTestSupport;
import org.jykka.testkit.Runtimes;
import org.junit.jupiter.api.Test;

class ProxyIdentityTest extends EachRuntimeTestSupport {
    ProxyIdentityTest(Runtimes runtime) {
        super(runtime);
    }


    interface Adder {
        int add(int a, int b);
    }

    interface Subtractor {
        int sub(int a, int b);
    }

    private final ActorRef<Player> player = Actor.start(new Player(runtime));
    private final ActorRef<Calculator> calculator = Actor.start(new Calculator(runtime));

    @Test
    void typedProxiesOfTheSameActorAndInterfaceAreEqual() {
        Adder one = ActorProxy.of(calculator, Adder.class);
        Adder two = ActorProxy.of(calculator, Adder.class);

        assertEquals(one, two);
        assertEquals(one.hashCode(), two.hashCode());
    }

    @Test
    void typedProxiesOfDifferentInterfacesAreNotEqual() {
        assertNotEquals(ActorProxy.of(calculator, Adder.class), ActorProxy.of(calculator, Subtractor.class));
    }

    @Test
    void typedProxiesOfDifferentActorsAreNotEqual() {
        ActorRef<Calculator> other = Actor.start(new Calculator(runtime));

        assertNotEquals(ActorProxy.of(calculator, Adder.class), ActorProxy.of(other, Adder.class));
    }

    @Test
    void nestedProxiesOfTheSamePathAreEqual() {
        TraversableProxyTest.PlayerProxy proxy = ActorProxy.of(player, TraversableProxyTest.PlayerProxy.class);

        assertEquals(proxy.playback().volume(), proxy.playback().volume());
        assertEquals(proxy.playback().volume().hashCode(), proxy.playback().volume().hashCode());
    }

    @Test
    void nestedProxyIsNotEqualToItsParent() {
        TraversableProxyTest.PlayerProxy proxy = ActorProxy.of(player, TraversableProxyTest.PlayerProxy.class);

        assertNotEquals(proxy, proxy.playback());
    }

    @Test
    void typedProxyIsNotEqualToADynamicOne() {
        ActorProxy.Dynamic dynamic = ActorProxy.of(calculator);

        assertNotEquals(ActorProxy.of(calculator, Adder.class), dynamic);
        assertNotEquals(dynamic, ActorProxy.of(calculator, Adder.class));
    }

    @Test
    void dynamicProxiesOfTheSameActorAndPathAreEqual() {
        assertEquals(ActorProxy.of(player).traverse("playback"), ActorProxy.of(player).traverse("playback"));
        assertEquals(ActorProxy.of(player).traverse("playback").hashCode(),
                ActorProxy.of(player).traverse("playback").hashCode());
    }

    @Test
    void dynamicProxiesOfDifferentPathsAreNotEqual() {
        assertNotEquals(ActorProxy.of(player), ActorProxy.of(player).traverse("playback"));
    }

    @Test
    void toStringNamesTheInterfaceTheActorAndThePath() {
        TraversableProxyTest.PlayerProxy proxy = ActorProxy.of(player, TraversableProxyTest.PlayerProxy.class);

        assertEquals("ActorProxy<VolumeProxy>(" + player + ".playback.volume)", proxy.playback().volume().toString());
    }

    @Test
    void dynamicToStringNamesTheActorAndThePath() {
        assertEquals("ActorProxy.Dynamic(" + player + ".playback)", ActorProxy.of(player).traverse("playback").toString());
    }

    @Test
    void identityIsAnsweredWithoutTheActor() {
        Adder proxy = ActorProxy.of(calculator, Adder.class);
        Adder same = ActorProxy.of(calculator, Adder.class);
        calculator.stop(TIMEOUT);

        assertEquals(proxy, same);
        assertEquals(proxy.hashCode(), same.hashCode());
        assertEquals("ActorProxy<Adder>(" + calculator + ")", proxy.toString());
    }
}
