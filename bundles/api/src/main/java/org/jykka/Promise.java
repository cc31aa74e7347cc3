package org.jykka;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.LockSupport;
import org.jykka.spi.Completion;

/**
 * The future the loop hands out for every answer ({@code ask}, {@code call}, a stop,
 * {@code whenStopped}), whatever the runtime. Only the loop completes it: its completing methods are
 * package-private, so no holder can cast it and decide an actor's answer.
 *
 * <p>A waiter is a node on a lock-free stack of parked threads ({@link LockSupport}, no monitor, so
 * a waiting virtual thread unmounts); completing swaps the stack for {@link #CLOSED} and unparks each
 * node. A waiter that pushes after the swap fails its push and reads the outcome instead; one that
 * pushed just before it is in the swapped stack. Either way nobody misses the completion.
 *
 * @param <T> the type of the value
 */
final class Promise<T> implements ActorFuture<T> {
    private static final VarHandle OUTCOME;
    private static final VarHandle WAITERS;
    /** The outcome of a completion with {@code null}, as {@code null} means "pending". */
    private static final Object NULL = new Object();
    /** The stack once the outcome is there: nothing can be pushed on it any more. */
    private static final Waiter CLOSED = new Waiter(null, null);
    /**
     * Where the dependants of {@link #toCompletableFuture()} are completed: CompletableFuture's own
     * default async executor, so that callbacks (which may block) never run in the actor's thread.
     */
    private static final Executor DEPENDANTS = new CompletableFuture<Void>().defaultExecutor();
    /**
     * How long a waiter spins for the outcome before it parks, in nanoseconds: 20 µs unless the system
     * property {@code org.jykka.spinMicros} says otherwise (0: never spin), and never on one core, where
     * the spin would only keep the answerer off the CPU.
     */
    static final long SPIN_NANOS = Runtime.getRuntime().availableProcessors() < 2 ? 0
            : Math.max(0, Long.getLong("org.jykka.spinMicros", 20)) * 1000;
    private static final long MIN_SPIN_NANOS = SPIN_NANOS == 0 ? 0 : Math.min(SPIN_NANOS, 1000);
    /**
     * How long the next waiter spins: halved (down to 1 µs) by a spin that found no answer, doubled
     * (up to {@link #SPIN_NANOS}) by one that did. So when answers are slow, or the cores are taken by
     * other work and a spin only delays the answerer, waiters soon park almost at once. Shared and
     * racy on purpose: a hint, written only when it changes.
     */
    private static volatile long spinBudget = SPIN_NANOS;
    /** {@code Thread.isVirtual()}, reached reflectively (Java 21+; the API compiles for 17); {@code null} before 21. */
    private static final MethodHandle IS_VIRTUAL = isVirtualHandle();

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            OUTCOME = lookup.findVarHandle(Promise.class, "outcome", Object.class);
            WAITERS = lookup.findVarHandle(Promise.class, "waiters", Waiter.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The actor whose loop completes this: a thread running that loop must not wait for it. */
    private final Mailbox answerer;
    private volatile Object outcome; // null while pending; then NULL, a Failure or the value
    private volatile Waiter waiters;

    Promise(Mailbox answerer) {
        this.answerer = answerer;
    }

    // ---- the loop's side ----

    /** Completes with {@code value}; {@code false} if already complete. */
    boolean complete(T value) {
        return settle(value == null ? NULL : value);
    }

    /** Completes with {@code failure}, which {@link #get()} rethrows; {@code false} if already complete. */
    boolean fail(Throwable failure) {
        return settle(new Failure(failure));
    }

    private boolean settle(Object result) {
        if (!OUTCOME.compareAndSet(this, null, result)) {
            return false;
        }
        for (Waiter waiter = (Waiter) WAITERS.getAndSet(this, CLOSED); waiter != null; waiter = waiter.next) {
            Thread thread = waiter.thread;
            if (thread != null) {
                LockSupport.unpark(thread);
            }
            if (waiter.dependant != null) {
                completeLater(waiter.dependant);
            }
        }
        return true;
    }

    private void completeLater(CompletableFuture<?> dependant) {
        try {
            DEPENDANTS.execute(() -> pass(dependant));
        } catch (Throwable noThreadForIt) {
            pass(dependant); // late is better than never: the loop must not lose a completion
        }
    }

    @SuppressWarnings("unchecked")
    private void pass(CompletableFuture<?> dependant) {
        Object result = outcome;
        if (result instanceof Failure failure) {
            dependant.completeExceptionally(failure.cause);
        } else {
            ((CompletableFuture<Object>) dependant).complete(result == NULL ? null : result);
        }
    }

    // ---- the callers' side ----

    @Override
    public T get() {
        Object result = outcome;
        return report(result != null ? result : block(Long.MAX_VALUE, null));
    }

    @Override
    public T get(Duration timeout) {
        long deadline = Completion.deadline(timeout); // validates it
        Object result = outcome;
        if (result == null) {
            if (timeout.isZero()) {
                throw new ActorTimeoutException("The value is not there yet (asked with a zero timeout)");
            }
            result = block(deadline, timeout);
        }
        return report(result);
    }

    @Override
    public boolean isDone() {
        return outcome != null;
    }

    /**
     * A new CompletableFuture completed with this one's outcome. If this one is still pending, it is
     * completed later in CompletableFuture's default async executor, never in the actor's thread, so
     * a callback attached to it cannot stall the actor.
     */
    @Override
    public CompletableFuture<T> toCompletableFuture() {
        CompletableFuture<T> copy = new CompletableFuture<>();
        if (outcome != null || !push(new Waiter(null, copy))) {
            pass(copy);
        }
        return copy;
    }

    @SuppressWarnings("unchecked")
    private T report(Object result) {
        if (result instanceof Failure failure) {
            throw Completion.rethrow(failure.cause);
        }
        return result == NULL ? null : (T) result;
    }

    /** Parks until the outcome is there or {@code deadline} (a nanoTime; MAX_VALUE: never) passes. */
    private Object block(long deadline, Duration timeout) {
        if (answerer.isRunningIn(Thread.currentThread())) {
            throw new IllegalStateException(answerer.ref() + " would wait forever for an answer that only"
                    + " it can give: this thread is running it. Inside an actor, call its own methods directly"
                    + " instead of asking itself, or attach a callback with toCompletableFuture()");
        }
        Object spun = spin(deadline);
        if (spun != null) {
            return spun;
        }
        Waiter self = new Waiter(Thread.currentThread(), null);
        if (!push(self)) {
            return outcome;
        }
        try {
            Object result;
            while ((result = outcome) == null) {
                if (Thread.interrupted()) {
                    Thread.currentThread().interrupt();
                    throw new ActorException("Interrupted while waiting for an actor's answer", new InterruptedException());
                }
                if (deadline == Long.MAX_VALUE) {
                    LockSupport.park(this);
                } else {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new ActorTimeoutException("No value after " + timeout);
                    }
                    LockSupport.parkNanos(this, left);
                }
            }
            return result;
        } finally {
            self.thread = null;
            if (outcome == null) {
                unlinkAbandoned(); // gave up: repeated timed gets must not pile up nodes
            }
        }
    }

    /**
     * Spins up to {@link #spinBudget} (and not past {@code deadline}) for an outcome that is likely to
     * come soon (an actor's answer takes a few µs when both sides are awake), saving the completer an
     * unpark and this thread a wake-up (tens of µs each on a VM); the outcome, or {@code null}.
     * Bounded, so a waiter whose answer is slow still parks and burns nothing. A virtual thread yields
     * instead of spinning: its carrier may be the one the answering actor's thread is queued on.
     */
    private Object spin(long deadline) {
        long budget = spinBudget;
        if (budget == 0) {
            return null;
        }
        boolean yield = isVirtual(Thread.currentThread());
        long now = System.nanoTime();
        boolean bounded = deadline - now < budget;
        long end = bounded ? deadline : now + budget;
        Object result;
        while ((result = outcome) == null && System.nanoTime() - end < 0) {
            if (yield) {
                Thread.yield();
            } else {
                Thread.onSpinWait();
            }
        }
        if (result != null && budget < SPIN_NANOS) {
            spinBudget = Math.min(SPIN_NANOS, budget * 2);
        } else if (result == null && !bounded && budget > MIN_SPIN_NANOS) {
            spinBudget = Math.max(MIN_SPIN_NANOS, budget / 2);
        }
        return result;
    }

    private static boolean isVirtual(Thread thread) {
        try {
            return IS_VIRTUAL != null && (boolean) IS_VIRTUAL.invokeExact(thread);
        } catch (Throwable cannot) {
            throw new AssertionError(cannot); // a plain getter
        }
    }

    private static MethodHandle isVirtualHandle() {
        try {
            return MethodHandles.publicLookup().findVirtual(Thread.class, "isVirtual", MethodType.methodType(boolean.class));
        } catch (NoSuchMethodException | IllegalAccessException beforeJava21) {
            return null;
        }
    }

    /** Pushes {@code waiter}; {@code false} if the outcome is already there. */
    private boolean push(Waiter waiter) {
        while (true) {
            Waiter head = waiters;
            if (head == CLOSED) {
                return false;
            }
            waiter.next = head;
            if (WAITERS.compareAndSet(this, head, waiter)) {
                return true;
            }
        }
    }

    /**
     * Unlinks the waiters that gave up. Safe against racing pushes, sweeps and completion: it only
     * ever links past abandoned nodes, so a live one stays reachable; a race may at worst leave an
     * abandoned node for the next sweep.
     */
    private void unlinkAbandoned() {
        Waiter head = waiters;
        while (head != null && head != CLOSED && head.abandoned()) {
            if (WAITERS.compareAndSet(this, head, head.next)) {
                head = head.next;
            } else {
                head = waiters;
            }
        }
        if (head == null || head == CLOSED) {
            return;
        }
        for (Waiter previous = head, waiter = head.next; waiter != null; waiter = waiter.next) {
            if (waiter.abandoned()) {
                previous.next = waiter.next;
            } else {
                previous = waiter;
            }
        }
    }

    @Override
    public String toString() {
        return "ActorFuture[" + (isDone() ? "done" : "pending") + ", answered by " + answerer.ref() + "]";
    }

    /** A failed outcome: never a value, as the class is private. */
    private record Failure(Throwable cause) {}

    /** A parked thread, or a CompletableFuture to complete, waiting for the outcome. */
    private static final class Waiter {
        volatile Thread thread; // cleared when the thread stops waiting
        final CompletableFuture<?> dependant;
        volatile Waiter next;

        Waiter(Thread thread, CompletableFuture<?> dependant) {
            this.thread = thread;
            this.dependant = dependant;
        }

        boolean abandoned() {
            return thread == null && dependant == null;
        }
    }
}
