package org.jykka.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import org.jykka.Actor;
import org.jykka.ActorFuture;
import org.jykka.ActorRef;
import org.jykka.testkit.EachRuntimeTestSupport;
import org.jykka.testkit.Runtimes;
import org.junit.jupiter.api.Test;

class TraversableProxyTest extends EachRuntimeTestSupport {
    TraversableProxyTest(Runtimes runtime) {
        super(runtime);
    }


    interface PlayerProxy {
        PlaybackProxy playback();

        QueueProxy queue();

        MixerProxy mixer();

        CharSequence title();

        Player.Playback spare();

        PlaybackProxy nothing();
    }

    interface PlaybackProxy {
        ActorFuture<Boolean> play();

        boolean playing();

        VolumeProxy volume();

        Thread thread();
    }

    interface VolumeProxy {
        int up();

        ActorFuture<Integer> level();
    }

    interface QueueProxy {
        boolean add(Object track);

        int size();
    }

    interface MixerProxy {
        int addChannel();
    }

    private final ActorRef<Player> ref = Actor.start(new Player(runtime));
    private final PlayerProxy player = ActorProxy.of(ref, PlayerProxy.class);

    @Test
    void fieldOfATraversableTypeGivesANestedProxy() {
        assertTrue(player.playback().play().get(TIMEOUT));

        assertTrue(ref.call(actor -> actor.playback.playing).get(TIMEOUT));
    }

    @Test
    void fieldMarkedTraversableGivesANestedProxy() {
        player.queue().add("So What");

        assertEquals(1, player.queue().size());
    }

    @Test
    void methodMarkedTraversableGivesANestedProxy() {
        assertEquals(3, player.mixer().addChannel());
    }

    @Test
    void traversalGoesTwoLevelsDeep() {
        assertEquals(6, player.playback().volume().up());

        assertEquals(6, player.playback().volume().level().get(TIMEOUT));
    }

    @Test
    void nestedProxyIsReturnedAtOnceWithoutAskingTheActor() {
        PlaybackProxy playback = player.playback();

        assertTrue(Proxy.isProxyClass(playback.getClass()));
        assertEquals(0, ref.inboxSize());
    }

    @Test
    void nestedCallsRunInTheActorsThread() {
        Thread thread = player.playback().thread();

        assertNotSame(Thread.currentThread(), thread);
        if (runtime.ownThread) { // a runtime without a thread per actor promises only "never the caller's"
            assertSame(ref.call(actor -> Thread.currentThread()).get(TIMEOUT), thread);
        }
    }

    @Test
    void nestedProxyFollowsTheMemberWhenItIsReassigned() {
        PlaybackProxy playback = player.playback();
        ref.call(actor -> actor.playback = new Player.Playback()).get(TIMEOUT);

        playback.play().get(TIMEOUT);

        assertTrue(ref.call(actor -> actor.playback.playing).get(TIMEOUT));
    }

    @Test
    void methodMerelyReturningATraversableClassReturnsTheValue() {
        assertInstanceOf(Player.Playback.class, player.spare());
    }

    @Test
    void interfaceReturnForAMemberThatIsNotTraversableIsABlockingRead() {
        assertEquals("Blue in Green", player.title());
    }

    @Test
    void callThroughATraversableMemberHoldingNullFails() {
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> player.nothing().playing());

        assertEquals("The traversable member nothing of " + ref + " is null: there is no object to call",
                thrown.getMessage());
        assertTrue(ref.isAlive());
    }

    @Test
    void fireAndForgetCallThroughANestedProxyKeepsMailboxOrder() {
        interface FirePlayback {
            void play();

            boolean playing();
        }
        interface Fire {
            FirePlayback playback();
        }
        FirePlayback playback = ActorProxy.of(ref, Fire.class).playback();

        playback.play();

        assertTrue(playback.playing());
    }
}
