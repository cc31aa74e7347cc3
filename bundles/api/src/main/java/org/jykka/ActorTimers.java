package org.jykka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One actor's {@link Timers}. Its map is touched only in the actor's own thread (the loop checks
 * that before handing it out); the timer thread only reads an entry's {@code cancelled} flag and
 * hands the entry back through the {@link Sink}.
 */
final class ActorTimers implements Timers {

    /** How a fired timer reaches its actor's inbox; {@code false} if the actor takes no more messages. */
    interface Sink {
        boolean offer(Entry entry);
    }

    private final Sink sink;
    private final TimerService service;
    private final Map<Object, Entry> active = new HashMap<>();

    /** The timers of {@code mailbox}'s actor, made on first use; only in the actor's own thread. */
    static ActorTimers of(Mailbox mailbox) {
        if (mailbox.timers == null) {
            mailbox.timers = new ActorTimers(entry -> mailbox.offer(new Envelope.Timer(entry)), TimerService.SHARED);
        }
        return mailbox.timers;
    }

    /** In the actor's thread: the message of a timer's envelope, or {@code null} if it is stale. */
    static Object accept(Mailbox mailbox, Entry entry) {
        return mailbox.timers == null ? null : mailbox.timers.accept(entry);
    }

    ActorTimers(Sink sink, TimerService service) {
        this.sink = sink;
        this.service = service;
    }

    @Override
    public void startSingle(Object key, Object message, Duration delay) {
        start(key, message, nonNegative(delay, "delay"), 0, false);
    }

    @Override
    public void startFixedDelay(Object key, Object message, Duration delay) {
        long nanos = positive(delay, "delay");
        start(key, message, nanos, nanos, false);
    }

    @Override
    public void startFixedRate(Object key, Object message, Duration initialDelay, Duration period) {
        long initial = nonNegative(initialDelay, "initialDelay");
        start(key, message, initial, positive(period, "period"), true);
    }

    private void start(Object key, Object message, long delay, long period, boolean fixedRate) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(message, "message");
        Entry entry = new Entry(this, key, message, period, fixedRate);
        Entry replaced = active.put(key, entry);
        if (replaced != null) {
            replaced.cancel();
        }
        service.schedule(entry, System.nanoTime() + delay);
    }

    @Override
    public boolean cancel(Object key) {
        Entry entry = active.remove(Objects.requireNonNull(key, "key"));
        if (entry == null) {
            return false;
        }
        entry.cancel();
        return true;
    }

    @Override
    public boolean isActive(Object key) {
        return active.containsKey(Objects.requireNonNull(key, "key"));
    }

    @Override
    public void cancelAll() {
        for (Entry entry : active.values()) {
            entry.cancel();
        }
        active.clear();
    }

    /**
     * In the actor's thread, as the loop takes a timer's envelope from the inbox: the message to
     * handle, or {@code null} if the timer was cancelled or replaced meanwhile (then nothing is
     * delivered). A single timer stops being active here; a fixed-delay one is armed again.
     */
    Object accept(Entry entry) {
        entry.queued = false;
        if (entry.cancelled || active.get(entry.key) != entry) {
            return null;
        }
        if (entry.period == 0) {
            active.remove(entry.key);
        } else if (!entry.fixedRate) {
            service.schedule(entry, System.nanoTime() + entry.period);
        }
        return entry.message;
    }

    /** Whether any timer is active. */
    boolean isEmpty() {
        return active.isEmpty();
    }

    private static long nonNegative(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, but is " + duration);
        }
        return saturatedNanos(duration);
    }

    private static long positive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, but is " + duration);
        }
        return saturatedNanos(duration);
    }

    private static long saturatedNanos(Duration duration) {
        try {
            // Far beyond any real timer, and keeps nanoTime arithmetic from overflowing.
            return Math.min(duration.toNanos(), Long.MAX_VALUE / 4);
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE / 4;
        }
    }

    /** One timer: what the timer thread queues and fires, and what travels through the inbox. */
    static final class Entry extends TimerService.Task {
        final ActorTimers owner;
        final Object key;
        final Object message;
        final long period; // 0 for a single timer
        final boolean fixedRate;
        // Set in the actor's thread, read by the timer thread before it offers the entry.
        volatile boolean cancelled;
        // Whether the entry is in the inbox: the timer thread sets it, the actor's thread clears it.
        volatile boolean queued;
        // Periods skipped because the message was still queued (only the timer thread writes it).
        volatile int skipped;

        Entry(ActorTimers owner, Object key, Object message, long period, boolean fixedRate) {
            this.owner = owner;
            this.key = key;
            this.message = message;
            this.period = period;
            this.fixedRate = fixedRate;
        }

        @Override
        long ratePeriod() {
            return fixedRate ? period : 0;
        }

        void cancel() {
            cancelled = true;
            owner.service.cancelled(this);
        }

        /** In the timer thread: hands the message to the actor, unless cancelled or still queued. */
        @Override
        void fire() {
            if (cancelled) {
                return;
            }
            if (queued) {
                skipped++; // a fixed-rate actor that is behind skips this period
                return;
            }
            queued = true;
            if (!owner.sink.offer(this)) {
                cancelled = true; // the actor takes no more messages: nothing more to fire
                owner.service.cancelled(this);
            }
        }
    }
}
