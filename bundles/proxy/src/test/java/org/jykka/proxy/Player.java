package org.jykka.proxy;

import java.util.ArrayList;
import java.util.List;
import org.jykka.Actor;
import org.jykka.testkit.Runtimes;

/** Pykka's traversable example: a player actor whose playback is reached through the proxy. */
public class Player extends Actor {
    public Player(Runtimes runtime) {
        super(runtime.runtime);
    }

    /** Traversable by its type. */
    public Playback playback = new Playback();
    /** Traversable by the field's mark. */
    @Traversable
    public List<String> queue = new ArrayList<>();
    /** Not traversable: a proxy method returning an interface for it is a blocking read. */
    public CharSequence title = "Blue in Green";
    public Playback nothing;

    private final Mixer mixer = new Mixer();

    /** Traversable by the method's mark. */
    @Traversable
    public Mixer mixer() {
        return mixer;
    }

    /** Merely returns an object of a traversable class: the value, not a nested proxy. */
    public Playback spare() {
        return new Playback();
    }

    @Traversable
    public static class Playback {
        public boolean playing;
        /** Traversable by the field's mark: two levels deep from the actor. */
        @Traversable
        public final Volume volume = new Volume();

        public boolean play() {
            playing = true;
            return true;
        }

        public Thread thread() {
            return Thread.currentThread();
        }
    }

    public static class Volume {
        public int level = 5;

        public int up() {
            return ++level;
        }
    }

    public static class Mixer {
        public int channels = 2;

        public int addChannel() {
            return ++channels;
        }
    }
}
