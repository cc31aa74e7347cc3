package org.jykka.shell;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.jykka.DeadLetter;
import org.jykka.DeadLetters;

/**
 * The most recent dead letters, for {@code jykka:deadletters}: a ring of the last {@link #capacity()},
 * each described in words the moment it dies, so the ring holds no user object, no actor and no
 * class of a plugin that may be uninstalled later.
 *
 * <p>{@link #accept} runs in the thread where the letter died, often an actor's, possibly in many at
 * once: it takes no lock, never blocks, and never throws. Under a burst from many threads the ring
 * keeps the newest letter of each slot, so it shows the last ones or, at worst, nearly the last.
 */
final class RecentDeadLetters implements Consumer<DeadLetter>, AutoCloseable {

    /** How many letters {@code jykka:deadletters} shows. */
    static final int KEPT = 20;
    /** How much of a message's text is kept: enough to recognise it, short enough for one line. */
    static final int MESSAGE_CHARS = 60;

    /**
     * One dead letter, described.
     *
     * @param number its place among the letters this ring has seen, from 0
     * @param epochMillis when it died
     * @param reason {@code STOPPED}, {@code FAILED} or {@code UNHANDLED}
     * @param urn the recipient's URN
     * @param recipientClass the recipient's simple class name
     * @param message the message's text, cut short (see {@link Text#brief})
     */
    record Letter(long number, long epochMillis, DeadLetter.Reason reason, String urn, String recipientClass,
            String message) { }

    private final AtomicReferenceArray<Letter> ring;
    private final AtomicLong seen = new AtomicLong();
    private final LongSupplier clock;
    private volatile DeadLetters.Subscription subscription;

    /** A ring of the last {@code capacity} letters given to {@link #accept}, not yet subscribed. */
    RecentDeadLetters(int capacity, LongSupplier clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("The ring must hold at least one letter, got " + capacity);
        }
        this.ring = new AtomicReferenceArray<>(capacity);
        this.clock = clock;
    }

    /** A ring of the last {@value #KEPT} dead letters of the JVM from now on, until {@link #close}. */
    static RecentDeadLetters subscribe() {
        RecentDeadLetters recent = new RecentDeadLetters(KEPT, System::currentTimeMillis);
        recent.subscription = DeadLetters.subscribe(recent);
        return recent;
    }

    /** Describes the letter and keeps it, in place of the oldest one. */
    @Override
    public void accept(DeadLetter letter) {
        long number = seen.getAndIncrement();
        Letter described;
        try {
            described = new Letter(number, clock.getAsLong(), letter.reason(), letter.recipient().urn(),
                    letter.recipient().actorClass().getSimpleName(), Text.brief(letter.message(), MESSAGE_CHARS));
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            // A recipient of a runtime that misbehaves: keep what is certain rather than throw at the loop.
            described = new Letter(number, clock.getAsLong(), letter.reason(), "?", "?",
                    "(not described: " + e.getClass().getName() + ")");
        }
        // Two threads may race for one slot (letters n and n + capacity): the newer one stays.
        ring.accumulateAndGet((int) (number % ring.length()), described,
                (old, fresh) -> old == null || old.number() < fresh.number() ? fresh : old);
    }

    /** How many letters the ring has seen since it was made. */
    long seen() {
        return seen.get();
    }

    /** How many letters it keeps. */
    int capacity() {
        return ring.length();
    }

    /** The kept letters, oldest first: at most {@link #capacity()}, the newest of those seen. */
    List<Letter> recent() {
        List<Letter> letters = new ArrayList<>(ring.length());
        for (int i = 0; i < ring.length(); i++) {
            Letter letter = ring.get(i);
            if (letter != null) {
                letters.add(letter);
            }
        }
        letters.sort(Comparator.comparingLong(Letter::number));
        return letters;
    }

    /** Unsubscribes from {@link DeadLetters} (if subscribed); closing again does nothing. */
    @Override
    public void close() {
        DeadLetters.Subscription current = subscription;
        if (current != null) {
            current.close();
        }
    }
}
