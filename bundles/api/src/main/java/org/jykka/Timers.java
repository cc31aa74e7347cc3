package org.jykka;

import java.time.Duration;

/**
 * An actor's timers: messages the actor sends itself later, by key, as Pekko's {@code Timers}. Get
 * them with {@link Actor#timers()}, inside the actor (in a handler or {@code onStart}).
 *
 * <pre>{@code
 * protected void onStart() {
 *     timers().startFixedRate("tick", new Tick(), Duration.ZERO, Duration.ofSeconds(1));
 * }
 * protected Object onReceive(Object message) {
 *     if (message instanceof Tick) { ... }
 * }
 * }</pre>
 *
 * <p>A timer's message arrives through the mailbox like a {@code tell}, at {@link Actor#onReceive};
 * a failure there is a {@code tell}'s failure. Each key names at most one timer: starting a key that
 * is active replaces its timer. After {@link #cancel} (or a replacement) the old timer never delivers
 * again, not even a message already in the inbox. Every timer of an actor is cancelled when it stops
 * or is restarted, and its messages still queued then are dropped (they are not dead letters). A
 * timer message is never queued twice: an actor that falls behind a fixed-rate timer skips the
 * periods it missed instead of piling them up.
 *
 * <p>Timers need no thread of their own: one shared daemon thread serves every timer of the JVM
 * while any is active, and ends within seconds of the last one going. Every method is for the actor's
 * own thread; bad input fails at the call.
 */
public interface Timers {

    /**
     * Sends {@code message} once, after {@code delay} (zero: as soon as possible). The timer is active
     * until its message is handled; inside that handler it no longer is.
     *
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if {@code delay} is negative
     */
    void startSingle(Object key, Object message, Duration delay);

    /**
     * Sends {@code message} after {@code delay}, then again {@code delay} after each one has been
     * taken from the inbox, until cancelled.
     *
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if {@code delay} is zero or negative
     */
    void startFixedDelay(Object key, Object message, Duration delay);

    /**
     * Sends {@code message} after {@code initialDelay} (which may be zero), then every {@code period},
     * until cancelled.
     *
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if {@code initialDelay} is negative or {@code period} is zero
     *     or negative
     */
    void startFixedRate(Object key, Object message, Duration initialDelay, Duration period);

    /**
     * Cancels the timer of {@code key}: it delivers nothing more, even a message already queued.
     *
     * @return whether a timer of that key was active
     * @throws NullPointerException if {@code key} is {@code null}
     */
    boolean cancel(Object key);

    /**
     * Whether a timer of {@code key} is active.
     *
     * @throws NullPointerException if {@code key} is {@code null}
     */
    boolean isActive(Object key);

    /** Cancels every timer of this actor. */
    void cancelAll();
}
