package org.jykka;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One actor's side of death watch: who watches it, and whom it watches. Made when the actor first
 * takes part in a watch, so actors that never do pay nothing.
 *
 * <p>Exactly once per watch: every watch has a token; whoever removes the watcher's entry from the
 * watched actor's {@link #watchers} (the dying actor, or a watcher that finds it already dead) sends
 * the one notification, and the watcher delivers it only while its own {@link #watching} entry still
 * holds that token, so nothing arrives after {@code unwatch}, nor for an older watch.
 */
final class DeathWatch {
    private static final VarHandle OF_MAILBOX;

    static {
        try {
            OF_MAILBOX = MethodHandles.lookup().findVarHandle(Mailbox.class, "deathWatch", DeathWatch.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    // Who watches this actor, with the token of their watch. Any thread.
    private final ConcurrentHashMap<Mailbox, Object> watchers = new ConcurrentHashMap<>();
    // Whom this actor watches, with the token of the watch. Only the actor's own thread.
    private final Map<Mailbox, Object> watching = new HashMap<>();

    /** The death watch of {@code mailbox}, made on first use (by any thread: a CAS decides). */
    static DeathWatch of(Mailbox mailbox) {
        DeathWatch watch = mailbox.deathWatch;
        if (watch == null) {
            DeathWatch made = new DeathWatch();
            watch = (DeathWatch) OF_MAILBOX.compareAndExchange(mailbox, null, made);
            return watch == null ? made : watch;
        }
        return watch;
    }

    /** {@code self} (in its own thread) watches {@code other}; a second watch of the same actor is none. */
    static void watch(Mailbox self, Mailbox other) {
        DeathWatch mine = of(self);
        if (mine.watching.containsKey(other)) {
            return;
        }
        Object token = new Object();
        mine.watching.put(other, token);
        DeathWatch theirs = of(other);
        theirs.watchers.put(self, token);
        // The dying actor marks itself dead before it reads its watchers: one of us sees the other.
        if (other.isStopped() && theirs.watchers.remove(self, token)) {
            self.offer(new Envelope.Terminated(other, token));
        }
    }

    /** {@code self} (in its own thread) stops watching {@code other}; harmless if it did not. */
    static void unwatch(Mailbox self, Mailbox other) {
        DeathWatch mine = self.deathWatch;
        if (mine == null || mine.watching.remove(other) == null) {
            return;
        }
        DeathWatch theirs = other.deathWatch;
        if (theirs != null) {
            theirs.watchers.remove(self);
        }
    }

    /** In {@code self}'s thread, for a notification it took from its inbox: whether to deliver it. */
    boolean accept(Mailbox watched, Object token) {
        return watching.remove(watched, token);
    }

    /** {@code self} has ended (it is marked dead): tell every watcher once, and stop watching others. */
    static void ended(Mailbox self) {
        DeathWatch watch = self.deathWatch;
        if (watch != null) {
            watch.endedAs(self);
        }
    }

    private void endedAs(Mailbox self) {
        for (Mailbox watcher : watchers.keySet()) {
            Object token = watchers.remove(watcher);
            if (token != null) {
                watcher.offer(new Envelope.Terminated(self, token)); // a stopping watcher no longer listens
            }
        }
        for (Mailbox watched : watching.keySet()) {
            DeathWatch theirs = watched.deathWatch;
            if (theirs != null) {
                theirs.watchers.remove(self);
            }
        }
        watching.clear();
    }
}
