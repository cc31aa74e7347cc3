package org.jykka.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jykka.ActorRef;

/**
 * The live actors of this JVM, in start order: written only by the actor loop (an actor is added as
 * it starts, before {@code onStart}, and removed as it stops, before {@code onStop}), read through
 * {@link org.jykka.spi.ActorDirectory}. Not exported: nothing outside the loop can add or hide an
 * actor.
 *
 * <p>One lock-free map by URN rather than a locked {@code LinkedHashMap}: starts and stops of many
 * actors at once (and virtual threads, which must not pin their carriers) never wait for each other.
 * Start order is each entry's place number, sorted when a snapshot is taken: snapshots are for
 * tools and {@code stopAll}, rare next to starts, and a second ordered map would cost every actor
 * some 50 bytes more.
 */
public final class Directory {

    /** What the directory needs of a live actor. */
    public interface Entry {
        ActorRef<?> ref();

        /** A snapshot of the actor's state, for tools. */
        org.jykka.spi.ActorStatus status();

        /** Queues a restart of a supervised actor; {@code false} if it is not supervised or not live. */
        boolean restart();

        /** The number {@link #add} gave the entry: its place in start order. */
        long place();
    }

    private static final AtomicLong STARTS = new AtomicLong();
    private static final ConcurrentHashMap<String, Entry> BY_URN = new ConcurrentHashMap<>();
    // The actor each thread runs, set by the loop once a batch (scopes, timers(), watch(), current()).
    private static final ThreadLocal<Entry> RUNNING = new ThreadLocal<>();

    private Directory() {}

    /** Lists a starting actor (its place taken from {@link #nextPlace} first). */
    public static void add(Entry entry) {
        BY_URN.put(entry.ref().urn(), entry);
    }

    /** The next place in start order, for an entry about to be added. */
    public static long nextPlace() {
        return STARTS.incrementAndGet();
    }

    /** Forgets a stopping actor. */
    public static void remove(Entry entry) {
        BY_URN.remove(entry.ref().urn(), entry);
    }

    /** A snapshot of the live actors, in start order. */
    public static List<ActorRef<?>> all() {
        List<ActorRef<?>> refs = new ArrayList<>();
        for (Entry entry : inStartOrder()) {
            refs.add(entry.ref());
        }
        return List.copyOf(refs);
    }

    public static Optional<ActorRef<?>> byUrn(String urn) {
        Entry entry = BY_URN.get(urn);
        return entry == null ? Optional.empty() : Optional.of(entry.ref());
    }

    /** The live actor with this URN, as the loop knows it. */
    public static Optional<Entry> entry(String urn) {
        return Optional.ofNullable(BY_URN.get(urn));
    }

    /** Marks the calling thread as running {@code entry}'s code ({@code null}: none), once a batch. */
    public static void running(Entry entry) {
        RUNNING.set(entry);
    }

    /** The actor whose code the calling thread is running (listed or not), or {@code null}. */
    public static Entry running() {
        return RUNNING.get();
    }

    /** The live actor whose code the calling thread is running, if any. */
    public static Optional<ActorRef<?>> runningHere() {
        Entry entry = RUNNING.get();
        return entry != null && BY_URN.get(entry.ref().urn()) == entry ? Optional.of(entry.ref()) : Optional.empty();
    }

    private static List<Entry> inStartOrder() {
        List<Entry> entries = new ArrayList<>(BY_URN.values());
        entries.sort(Comparator.comparingLong(Entry::place));
        return entries;
    }
}
