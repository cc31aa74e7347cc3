package org.jykka;

import static java.lang.System.Logger.Level.DEBUG;
import static java.lang.System.Logger.Level.ERROR;
import static java.lang.System.Logger.Level.INFO;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jykka.spi.ActorLoop;
import org.jykka.spi.ActorRuntime;
import org.jykka.spi.Promise;
import org.jykka.spi.Scheduler;

/**
 * An actor's inbox and its loop: run {@code onStart}, then handle envelopes one at a time in order;
 * on a stop, refuse new messages, unregister, run {@code onStop}, fail what is left and complete the
 * stop. The runtime only decides which thread calls {@link #runBatch}.
 *
 * <p>Two small state machines, both lock-free: {@code lifecycle} (RUNNING, then STOPPING once a stop
 * is requested or a failure happens, then DEAD) and {@code scheduling} (IDLE or SCHEDULED), which
 * makes sure exactly one {@link Scheduler#schedule()} is outstanding while there is work.
 */
final class Mailbox implements ActorLoop {
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

    private final Actor actor;
    private final LocalActorRef<?> ref;
    private final ActorRuntime runtime;
    // Unbounded, lock-free, multi-producer: tell never blocks, and the single consumer polls without
    // contending with senders beyond the tail CAS.
    private final ConcurrentLinkedQueue<Envelope> inbox = new ConcurrentLinkedQueue<>();
    private final Promise<Void> stopped;

    // Field-updated ints instead of AtomicIntegers: two objects less per actor.
    private volatile int lifecycle = RUNNING;
    // Starts SCHEDULED: the first schedule() (which runs onStart) is owed by Actor.start, so no sender
    // calls schedule() before the scheduler field is set. See start().
    private volatile int scheduling = SCHEDULED;
    // Written once in start() before the first schedule(); every later reader comes after a runBatch
    // that set scheduling to IDLE (a volatile write), so it always sees the value.
    private Scheduler scheduler;
    // Only the thread running a batch touches this.
    private boolean started;
    // The thread inside runBatch right now, so a blocking stop() from inside the actor fails instead
    // of waiting for itself forever.
    private volatile Thread runner;

    Mailbox(Actor actor, ActorRuntime runtime) {
        this.actor = actor;
        this.runtime = runtime;
        this.ref = new LocalActorRef<>(this);
        this.stopped = runtime.newPromise();
    }

    // ---- the runtime's side ----

    /** Attaches to the runtime and owes it the first schedule(). Undone if the runtime refuses. */
    void start() {
        try {
            scheduler = runtime.attach(this);
        } catch (RuntimeException | Error refused) {
            LIFECYCLE.setVolatile(this, DEAD);
            stopped.set(null);
            throw refused;
        }
        scheduler.schedule();
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
        log().log(DEBUG, () -> "Starting " + ref);
        try {
            actor.onStart();
            return true;
        } catch (Throwable failure) {
            log().log(ERROR, "Unhandled exception in onStart of " + ref + ":", failure);
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
                log().log(INFO, "Exception returned from " + ref + " to caller:", failure);
                fail(reply, failure);
                return true;
            }
            log().log(ERROR, "Unhandled exception in " + ref + ":", failure);
            terminate(failure, null);
            return false;
        }
        if (reply != null) {
            answer(reply, result);
        }
        return true;
    }

    /**
     * The end, in the actor's own thread: refuse new messages, unregister, run onStop (or onFailure),
     * then mark DEAD and fail or complete what is left in the inbox.
     */
    private void terminate(Throwable failure, Promise<Object> stopReply) {
        LIFECYCLE.setVolatile(this, STOPPING);
        try {
            runtime.detach(ref);
        } catch (Throwable t) {
            log().log(ERROR, "Runtime failed to detach " + ref + ":", t);
        }
        if (failure == null) {
            try {
                actor.onStop();
            } catch (Throwable t) {
                log().log(ERROR, "Unhandled exception in onStop of " + ref + ":", t);
            }
        } else {
            try {
                actor.onFailure(failure);
            } catch (Throwable t) {
                log().log(ERROR, "Unhandled exception in onFailure of " + ref + ":", t);
            }
        }
        // DEAD before the drain: a sender that enqueues after it sees DEAD and drains itself.
        LIFECYCLE.setVolatile(this, DEAD);
        drain();
        log().log(DEBUG, () -> "Stopped " + ref);
        answer(stopped, null);
        if (stopReply != null) {
            answer(stopReply, Boolean.TRUE);
        }
    }

    /** Fails every waiting ask of a dead actor and completes its stop requests. Safe from any thread. */
    private void drain() {
        for (Envelope next; (next = inbox.poll()) != null; ) {
            Envelope envelope = next;
            Promise<Object> reply = envelope.reply();
            if (envelope instanceof Envelope.Stop) {
                answer(reply, Boolean.TRUE);
            } else if (reply != null) {
                fail(reply, new ActorDeadException(ref + " stopped before it handled " + describe(envelope)));
            } else {
                log().log(DEBUG, () -> "Dropped " + describe(envelope) + ": " + ref + " stopped before it");
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
            scheduler.schedule();
        }
    }

    /** A stop request: see {@link ActorRef#stopAsync()}. */
    @SuppressWarnings("unchecked")
    ActorFuture<Boolean> requestStop() {
        if (LIFECYCLE.compareAndSet(this, RUNNING, STOPPING)) {
            Promise<Object> reply = runtime.newPromise();
            enqueue(new Envelope.Stop(reply));
            return (ActorFuture<Boolean>) (ActorFuture<?>) reply;
        }
        if (lifecycle == DEAD) {
            Promise<Boolean> dead = runtime.newPromise();
            dead.set(Boolean.FALSE);
            return dead;
        }
        return stopped.map(done -> Boolean.TRUE); // already being stopped by an earlier request
    }

    <T> Promise<T> newPromise() {
        return runtime.newPromise();
    }

    boolean isAlive() {
        return lifecycle == RUNNING;
    }

    boolean isRunningIn(Thread thread) {
        return runner == thread;
    }

    ActorFuture<Void> whenStopped() {
        return stopped;
    }

    int size() {
        return inbox.size();
    }

    /**
     * Completes a promise the loop made. Promises are handed out, so a caller could have completed one
     * already (a cast to ThreadingFuture and a set): that must not break the loop.
     */
    private static <T> void answer(Promise<T> promise, T value) {
        try {
            promise.set(value);
        } catch (IllegalStateException completedByTheCaller) {
            // the caller decided the answer already; nobody else waits on it
        }
    }

    private static void fail(Promise<?> promise, Throwable failure) {
        try {
            promise.setException(failure);
        } catch (IllegalStateException completedByTheCaller) {
            // as in answer()
        }
    }

    private System.Logger log() {
        return Actor.logger(actor.getClass());
    }

    private static String describe(Envelope envelope) {
        if (envelope instanceof Envelope.Message message) {
            String text;
            try {
                text = String.valueOf(message.message());
            } catch (RuntimeException brokenToString) {
                text = "of " + message.message().getClass().getName();
            }
            return "message " + (text.length() > 200 ? text.substring(0, 200) + "…" : text);
        }
        return envelope instanceof Envelope.Stop ? "a stop request" : "a call";
    }
}
