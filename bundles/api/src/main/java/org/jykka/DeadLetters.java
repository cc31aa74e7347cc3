package org.jykka;

import static java.lang.System.Logger.Level.ERROR;
import static java.lang.System.Logger.Level.WARNING;

import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.jykka.internal.SafeText;

/**
 * Messages that reached no handler, for the whole JVM: Pekko's dead letters, Pykka's wished-for
 * ones. A {@link DeadLetter} is published when
 * <ul>
 *   <li>a {@code tell} or {@code defer} was still in the inbox when its actor stopped, or raced that
 *       stop ({@link DeadLetter.Reason#STOPPED});</li>
 *   <li>a message's failure stopped or restarted its actor ({@link DeadLetter.Reason#FAILED});</li>
 *   <li>a message reached the default {@link Actor#onReceive}, told or asked
 *       ({@link DeadLetter.Reason#UNHANDLED}).</li>
 * </ul>
 * Not a dead letter: a {@code tell} refused with {@link ActorDeadException} (its caller knows), an
 * {@code ask} left in the inbox of a stopping actor (its caller gets {@link ActorDeadException}), and
 * a timer's message still queued at a stop (dropped).
 *
 * <p>The first 10 dead letters of the process are logged at WARNING (logger {@code org.jykka.DeadLetters}),
 * then at most one line a minute says how many more there were. Listeners run in the thread where the
 * letter died, often an actor's: keep them quick and never block. A listener that throws is logged
 * at ERROR, stays subscribed, and never harms the actor.
 */
public final class DeadLetters {
    /** How many dead letters are logged one by one before the log only counts them. */
    static final int LOGGED_ONE_BY_ONE = 10;

    private static final long SUMMARY_INTERVAL = TimeUnit.MINUTES.toNanos(1);
    private static final System.Logger LOG = System.getLogger(DeadLetters.class.getName());
    private static final CopyOnWriteArrayList<Listener> LISTENERS = new CopyOnWriteArrayList<>();
    private static final AtomicLong COUNT = new AtomicLong();
    private static final Summary SUMMARY = new Summary(System::nanoTime);

    private DeadLetters() {}

    /** A listener's subscription; closing it unsubscribes (once; closing again does nothing). */
    public interface Subscription extends AutoCloseable {
        /** Unsubscribes the listener. Throws nothing. */
        @Override
        void close();
    }

    /**
     * Calls {@code listener} with every dead letter from now on, until the subscription is closed.
     *
     * @throws NullPointerException if {@code listener} is {@code null}
     */
    public static Subscription subscribe(Consumer<? super DeadLetter> listener) {
        Listener subscribed = new Listener(Objects.requireNonNull(listener, "listener"));
        LISTENERS.add(subscribed);
        return () -> LISTENERS.remove(subscribed);
    }

    /** How many dead letters this process has seen. */
    public static long count() {
        return COUNT.get();
    }

    /** Publishes a dead letter: counts it, logs it (see the class comment), and tells the listeners. */
    static void publish(DeadLetter letter) {
        long number = COUNT.incrementAndGet();
        if (number <= LOGGED_ONE_BY_ONE) {
            Logging.log(LOG, WARNING, () -> "Dead letter (" + letter.reason() + ") to " + letter.recipient()
                    + ": " + SafeText.brief(letter.message()) + (number == LOGGED_ONE_BY_ONE
                    ? "; further dead letters are counted once a minute" : ""), null);
        } else {
            long more = SUMMARY.more();
            if (more > 0) {
                Logging.log(LOG, WARNING, () -> more + " more dead letters", null);
            }
        }
        for (Listener listener : LISTENERS) {
            listener.accept(letter);
        }
    }

    /** One subscriber; the identity is the subscription's, so one consumer may subscribe twice. */
    private record Listener(Consumer<? super DeadLetter> consumer) {
        void accept(DeadLetter letter) {
            try {
                consumer.accept(letter);
            } catch (Throwable failure) {
                Logging.log(LOG, ERROR, () -> "A dead-letter listener failed on a letter to "
                        + letter.recipient(), failure);
            }
        }

        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    /**
     * Counts the letters after the first ones and says, at most once an interval, how many came since
     * it last said. Lock-free: whoever wins the CAS on the next due time writes the line.
     */
    static final class Summary {
        private final LongSupplier clock;
        private final AtomicLong unreported = new AtomicLong();
        private final AtomicLong nextDue;

        Summary(LongSupplier clock) {
            this.clock = clock;
            this.nextDue = new AtomicLong(clock.getAsLong() + SUMMARY_INTERVAL);
        }

        /** Counts one letter; the number to report now, or {@code 0} if it is not yet time. */
        long more() {
            unreported.incrementAndGet();
            long now = clock.getAsLong();
            long due = nextDue.get();
            if (now - due < 0 || !nextDue.compareAndSet(due, now + SUMMARY_INTERVAL)) {
                return 0;
            }
            return unreported.getAndSet(0);
        }
    }
}
