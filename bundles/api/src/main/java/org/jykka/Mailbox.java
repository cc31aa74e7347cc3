package org.jykka;

import static java.lang.System.Logger.Level.DEBUG;
import static java.lang.System.Logger.Level.ERROR;
import static java.lang.System.Logger.Level.INFO;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jykka.internal.Directory;
import org.jykka.internal.SafeText;
import org.jykka.spi.ActorLoop;
import org.jykka.spi.ActorRuntime;
import org.jykka.spi.Scheduler;

/**
 * An actor's inbox and its loop: run {@code onStart}, then handle envelopes one at a time in order;
 * on a stop, refuse new messages, leave the directory of live actors, run {@code onStop}, fail what is
 * left and complete the stop. The runtime only decides which thread calls {@link #runBatch}.
 *
 * <p>Two small state machines, both lock-free: {@code lifecycle} (RUNNING, then STOPPING once a stop
 * is requested or a failure happens, then DEAD) and {@code scheduling} (IDLE or SCHEDULED), which
 * makes sure exactly one {@link Scheduler#schedule()} is outstanding while there is work.
 *
 * <p>Everything the loop does with user objects (hooks, handlers, and the logging and describing of
 * their messages and exceptions, whose {@code toString} may throw) is guarded: the loop always
 * finishes, with every future completed and the actor out of the directory.
 */
final class Mailbox implements ActorLoop, Directory.Entry {
    private static final int RUNNING = 0;
    private static final int STOPPING = 1;
    private static final int DEAD = 2;

    private static final int IDLE = 0;
    private static final int SCHEDULED = 1;

    private static final VarHandle LIFECYCLE;
    private static final VarHandle SCHEDULING;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            LIFECYCLE = lookup.findVarHandle(Mailbox.class, "lifecycle", int.class);
            SCHEDULING = lookup.findVarHandle(Mailbox.class, "scheduling", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    // Let go of once the actor is dead, so that a kept reference (or a pending future) does not keep
    // the instance and everything it holds reachable. Only the loop reads it after start.
    private Actor actor;
    // Kept after the end: a reference still names its actor and its class.
    private final Class<? extends Actor> actorClass;
    private final String urn;
    private final String description;
    private final LocalActorRef<?> ref;
    private final ActorRuntime runtime;
    // Unbounded, lock-free, multi-producer: tell never blocks, and the single consumer polls without
    // contending with senders beyond the tail CAS.
    private final ConcurrentLinkedQueue<Envelope> inbox = new ConcurrentLinkedQueue<>();
    private final Promise<Void> stopped = new Promise<>(this);

    // Field-updated ints instead of AtomicIntegers: two objects less per actor.
    private volatile int lifecycle = RUNNING;
    // Starts SCHEDULED: the first schedule() (which runs onStart) is owed by Actor.start, so no sender
    // calls schedule() before the scheduler field is set. See start().
    private volatile int scheduling = SCHEDULED;
    // Written once in start() before the first schedule(); every later reader comes after a runBatch
    // that set scheduling to IDLE (a volatile write), so it always sees the value.
    private Scheduler scheduler;
    // The actor's place in the directory; written in start() before the first schedule(), read at the end.
    private long place;
    // Only the thread running a batch touches this.
    private boolean started;
    // The thread inside runBatch right now, so a wait from inside the actor for its own answer (or its
    // own stop) fails instead of waiting for itself forever.
    private volatile Thread runner;

    Mailbox(Actor actor, ActorRuntime runtime) {
        this.actor = actor;
        this.actorClass = actor.getClass();
        this.urn = actor.urn();
        this.description = Actor.describe(actor);
        this.runtime = runtime;
        this.ref = new LocalActorRef<>(this);
    }

    // ---- the runtime's side ----

    /**
     * Attaches to the runtime, lists the actor as live and gives it the first schedule(). Undone if the
     * runtime refuses.
     */
    void start() {
        try {
            scheduler = runtime.attach(this);
        } catch (RuntimeException | Error refused) {
            LIFECYCLE.setVolatile(this, DEAD);
            actor = null;
            stopped.complete(null);
            throw refused;
        }
        place = Directory.add(this);
        wake();
    }

    @Override
    public Actor actor() {
        return actor;
    }

    @Override
    public LocalActorRef<?> ref() {
        return ref;
    }

    @Override
    public boolean isStopped() {
        return lifecycle == DEAD;
    }

    @Override
    public boolean isRunningIn(Thread thread) {
        return runner == thread;
    }

    @Override
    public boolean runBatch(int limit) {
        if (lifecycle == DEAD) {
            drain(); // a late wake-up after the end: nothing to run, nothing to keep
            return false;
        }
        runner = Thread.currentThread();
        try {
            if (!started) {
                started = true;
                if (!runOnStart()) {
                    return false;
                }
            }
            for (int handled = 0; handled < limit; handled++) {
                Envelope envelope = inbox.poll();
                if (envelope == null) {
                    break;
                }
                if (!handle(envelope)) {
                    return false;
                }
            }
        } finally {
            runner = null;
        }
        // Go idle, then look once more: a sender that enqueued after our last poll saw SCHEDULED and
        // left the wake-up to us. Whoever wins the CAS back to SCHEDULED owns the next batch.
        SCHEDULING.setVolatile(this, IDLE);
        return !inbox.isEmpty() && SCHEDULING.compareAndSet(this, IDLE, SCHEDULED);
    }

    private boolean runOnStart() {
        if (logger().isLoggable(DEBUG)) {
            log(DEBUG, "Starting " + ref, null);
        }
        try {
            actor.onStart();
            return true;
        } catch (Throwable failure) {
            log(ERROR, "Unhandled exception in onStart of " + ref, failure);
            terminate(failure, null);
            return false;
        }
    }

    /** Handles one envelope; {@code false} if the actor has stopped. */
    private boolean handle(Envelope envelope) {
        if (envelope instanceof Envelope.Stop stop) {
            terminate(null, stop.reply());
            return false;
        }
        Promise<Object> reply = envelope.reply();
        Object result;
        try {
            result = envelope instanceof Envelope.Message message
                    ? actor.onReceive(message.message())
                    : ((Envelope.Invocation) envelope).function().apply(actor);
        } catch (Throwable failure) {
            if (reply != null) {
                log(INFO, "Exception returned from " + ref + " to caller", failure);
                reply.fail(failure);
                return true;
            }
            log(ERROR, "Unhandled exception in " + ref, failure);
            terminate(failure, null);
            return false;
        }
        if (reply != null) {
            reply.complete(result);
        }
        return true;
    }

    /**
     * The end, in the actor's own thread: refuse new messages, leave the directory, run onStop (or
     * onFailure), then mark DEAD, let go of the instance, and fail or complete what is left.
     */
    private void terminate(Throwable failure, Promise<Object> stopReply) {
        LIFECYCLE.setVolatile(this, STOPPING);
        Directory.remove(place, this);
        try {
            if (failure == null) {
                actor.onStop();
            } else {
                actor.onFailure(failure);
            }
        } catch (Throwable t) {
            log(ERROR, "Unhandled exception in " + (failure == null ? "onStop" : "onFailure") + " of " + ref, t);
        }
        // DEAD before the drain: a sender that enqueues after it sees DEAD and drains itself.
        LIFECYCLE.setVolatile(this, DEAD);
        actor = null;
        drain();
        if (logger().isLoggable(DEBUG)) {
            log(DEBUG, "Stopped " + ref, null);
        }
        stopped.complete(null);
        if (stopReply != null) {
            stopReply.complete(Boolean.TRUE);
        }
    }

    /** Fails every waiting ask of a dead actor and completes its stop requests. Safe from any thread. */
    private void drain() {
        for (Envelope envelope; (envelope = inbox.poll()) != null; ) {
            Promise<Object> reply = envelope.reply();
            if (envelope instanceof Envelope.Stop) {
                reply.complete(Boolean.TRUE);
            } else if (reply != null) {
                reply.fail(new ActorDeadException(ref + " stopped before it handled " + describe(envelope)));
            } else if (logger().isLoggable(DEBUG)) {
                log(DEBUG, "Dropped " + describe(envelope) + ": " + ref + " stopped before it", null);
            }
        }
    }

    // ---- the senders' side ----

    /** Queues an envelope; {@code false} (and nothing queued) if the actor no longer accepts messages. */
    boolean offer(Envelope envelope) {
        if (lifecycle != RUNNING) {
            return false;
        }
        enqueue(envelope);
        return true;
    }

    private void enqueue(Envelope envelope) {
        inbox.offer(envelope);
        if (lifecycle == DEAD) {
            // Raced with the actor's last drain: whatever it missed, we fail ourselves.
            drain();
        } else if (scheduling == IDLE && SCHEDULING.compareAndSet(this, IDLE, SCHEDULED)) {
            // The plain read first keeps a busy actor's senders off the CAS.
            wake();
        }
    }

    /**
     * Calls the schedule() this thread owes. If it throws (a sender out of stack, a broken runtime),
     * nobody would ever run the batch: give the wake-up back, so that the next message schedules again
     * (the work stays queued), and let the sender see the failure.
     */
    private void wake() {
        try {
            scheduler.schedule();
        } catch (Throwable failed) {
            SCHEDULING.setVolatile(this, IDLE);
            throw failed;
        }
    }

    /** A stop request: see {@link ActorRef#stopAsync()}; {@code awaited} if the sender may wait for it. */
    @SuppressWarnings("unchecked")
    ActorFuture<Boolean> requestStop(boolean awaited) {
        if (LIFECYCLE.compareAndSet(this, RUNNING, STOPPING)) {
            Promise<Object> reply = new Promise<>(this);
            if (awaited) {
                runtime.replyMayBeAwaited();
            }
            enqueue(new Envelope.Stop(reply));
            return (ActorFuture<Boolean>) (ActorFuture<?>) reply;
        }
        if (lifecycle == DEAD) {
            Promise<Boolean> dead = new Promise<>(this);
            dead.complete(Boolean.FALSE);
            return dead;
        }
        return stopped.map(done -> Boolean.TRUE); // already being stopped by an earlier request
    }

    /** A new future for an answer the sender may wait for, sent next. */
    <T> Promise<T> newReply() {
        runtime.replyMayBeAwaited();
        return new Promise<>(this);
    }

    boolean isAlive() {
        return lifecycle == RUNNING;
    }

    ActorFuture<Void> whenStopped() {
        return stopped;
    }

    int size() {
        return inbox.size();
    }

    String urn() {
        return urn;
    }

    Class<? extends Actor> actorClass() {
        return actorClass;
    }

    String description() {
        return description;
    }

    private System.Logger logger() {
        return Actor.logger(actorClass);
    }

    /**
     * Logs, whatever the exception does: a logging backend formats it with its own getMessage and
     * toString, which may throw (an Error too), and the loop must finish all the same.
     */
    private void log(System.Logger.Level level, String message, Throwable thrown) {
        try {
            if (thrown == null) {
                logger().log(level, message);
            } else {
                logger().log(level, message, thrown);
            }
        } catch (Throwable broken) {
            if (thrown == null) {
                return; // the logging itself is broken: nothing left to tell it with; the loop goes on
            }
            try {
                logger().log(level, message + " (a " + thrown.getClass().getName() + " that could not be logged: "
                        + broken.getClass().getName() + ")");
            } catch (Throwable loggingItselfIsBroken) {
                // as above
            }
        }
    }

    private static String describe(Envelope envelope) {
        if (envelope instanceof Envelope.Message message) {
            return "message " + SafeText.brief(message.message());
        }
        return envelope instanceof Envelope.Stop ? "a stop request" : "a call";
    }
}
