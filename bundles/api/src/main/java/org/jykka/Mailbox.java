package org.jykka;

import static java.lang.System.Logger.Level.DEBUG;
import static java.lang.System.Logger.Level.ERROR;
import static java.lang.System.Logger.Level.INFO;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.jykka.internal.Directory;
import org.jykka.spi.ActorLoop;
import org.jykka.spi.ActorRuntime;
import org.jykka.spi.ActorStatus;
import org.jykka.spi.Scheduler;

/**
 * An actor's inbox and its loop: run {@code onStart}, then handle envelopes one at a time in order;
 * on a stop, refuse new messages, leave the directory of live actors, run {@code onStop}, fail what is
 * left and complete the stop. The runtime only decides which thread calls {@link #runBatch}.
 *
 * <p>Two small state machines, both lock-free: {@code lifecycle} here (RUNNING, then STOPPING once a
 * stop is requested or a failure happens, then DEAD), and the {@link Inbox}'s scheduling, which makes
 * sure exactly one {@link Scheduler#schedule()} is outstanding while there is work.
 *
 * <p>Everything the loop does with user objects (hooks, handlers, and the logging and describing of
 * their messages and exceptions, whose {@code toString} may throw) is guarded: the loop always
 * finishes, with every future completed and the actor out of the directory.
 *
 * <p>A supervised actor ({@link Supervision}) swaps a failed instance for a fresh one instead of
 * ending; during a restart's backoff the loop returns without going idle, so no sender wakes it: the
 * backoff's end (or a stop) owes the next schedule(). Timers and death watch send their notices
 * through the same inbox.
 */
final class Mailbox implements ActorLoop, Directory.Entry {
    private static final int RUNNING = 0;
    private static final int STOPPING = 1;
    private static final int DEAD = 2;

    private static final VarHandle LIFECYCLE;


    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            LIFECYCLE = lookup.findVarHandle(Mailbox.class, "lifecycle", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Actor actor; // null once dead: a kept reference or future must not keep the instance reachable
    private final LocalActorRef<?> ref; // names the actor (URN, class) for good, even after its end
    private final ActorRuntime runtime;
    private final Inbox inbox = new Inbox();
    private final Promise<Termination> termination = new Promise<>(this);
    private final ActorScope scope; // null when the actor belongs to no scope
    private final Supervision supervision; // null unless supervised
    volatile DeathWatch deathWatch; // made on first use by DeathWatch.of (any thread, a CAS)
    ActorTimers timers; // made on first use by ActorTimers.of, in the actor's thread; kept across restarts
    private Termination end; // written before lifecycle becomes DEAD: whoever sees DEAD sees it

    private volatile int lifecycle = RUNNING; // field-updated: one AtomicInteger less per actor
    private long place; // in the directory: written in start() before the first schedule()
    private boolean started; // whether the current instance has run onStart; only the batch's thread
    // The thread inside runBatch right now: a wait there for the actor's own answer would never end.
    private volatile Thread runner;

    Mailbox(Actor actor, ActorRuntime runtime, ActorScope scope, Supervision supervision) {
        this.actor = actor;
        this.scope = scope;
        this.supervision = supervision;
        this.runtime = runtime;
        this.ref = new LocalActorRef<>(this, actor);
    }

    // ---- the runtime's side ----

    /** Attaches to the runtime, lists the actor, gives it the first schedule(); undone if refused. */
    void start() {
        try {
            inbox.attach(runtime.attach(this));
        } catch (RuntimeException | Error refused) {
            end = Termination.failed(refused);
            LIFECYCLE.setVolatile(this, DEAD);
            actor = null;
            termination.complete(end);
            throw refused;
        }
        place = Directory.nextPlace();
        Directory.add(this);
        inbox.wake();
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

    /** Whether {@code thread} is running this actor's code right now (a wait there would never end). */
    boolean isRunningIn(Thread thread) {
        return runner == thread;
    }

    @Override
    public boolean runBatch(int limit) {
        if (lifecycle == DEAD) {
            drain(); // a late wake-up after the end: nothing to run, nothing to keep
            return false;
        }
        runner = Thread.currentThread();
        Directory.running(this); // once a batch, never on a send
        try {
            if (supervision != null && supervision.backingOff() && !supervision.resume(this)) {
                return false;
            }
            for (int handled = 0; handled < limit; ) {
                if (!started) {
                    if (!runOnStart()) {
                        break;
                    }
                    continue; // a failed onStart may have put in a fresh instance, whose onStart is next
                }
                Envelope envelope = inbox.poll();
                if (envelope == null || !handle(envelope)) {
                    break;
                }
                handled++;
            }
        } finally {
            Directory.running(null);
            runner = null;
        }
        if (lifecycle == DEAD || supervision != null && supervision.backingOff()) {
            return false; // ended, or backing off: the backoff's end owes the next schedule()
        }
        return inbox.goIdle();
    }

    /** Runs onStart on the current instance; {@code false} if the batch must end. */
    private boolean runOnStart() {
        started = true;
        if (logger().isLoggable(DEBUG)) {
            log(DEBUG, "Starting " + ref, null);
        }
        try {
            actor.onStart();
            return true;
        } catch (Throwable failure) {
            log(ERROR, "Unhandled exception in onStart of " + ref, failure);
            return failed(failure, null);
        }
    }

    /** Handles one envelope; {@code false} if the batch must end (the actor stopped or backs off). */
    private boolean handle(Envelope envelope) {
        if (envelope instanceof Envelope.Stop stop) {
            terminate(Termination.STOPPED, null, stop.reply());
            return false;
        } else if (envelope instanceof Envelope.Restart) {
            retireInstance(null);
            return supervision.restartNow(this);
        }
        Promise<Object> reply = envelope.reply();
        Object result;
        try {
            result = envelope.deliver(this, actor);
        } catch (Throwable failure) {
            if (reply != null) {
                log(INFO, "Exception returned from " + ref + " to caller", failure);
                reply.fail(failure);
                return true;
            }
            log(ERROR, "Unhandled exception in " + ref, failure);
            return failed(failure, envelope.letter());
        }
        if (reply != null) {
            reply.complete(result);
        }
        return true;
    }

    /**
     * A failure nobody waits on: the failed message becomes a dead letter, then the actor ends or its
     * policy restarts it. {@code true} if a fresh instance took over at once and the batch goes on.
     */
    private boolean failed(Throwable failure, Object letter) {
        if (letter != null) {
            DeadLetters.publish(new DeadLetter(letter, ref, DeadLetter.Reason.FAILED));
        }
        if (supervision != null) {
            return supervision.failed(this, failure);
        }
        terminate(Termination.failed(failure), failure, null);
        return false;
    }

    // ---- what a restart does to the loop (see Supervision), in the actor's thread ----

    /** Ends the actor; {@code failure}, if any, goes to onFailure first. */
    void endWith(Termination how, Throwable failure) {
        terminate(how, failure, null);
    }

    /** Lets the instance go: onFailure (for a failure) or onStop on it, its timers cancelled. */
    void retireInstance(Throwable failure) {
        runEndHook(failure);
        if (timers != null) {
            timers.cancelAll();
        }
        actor = null;
    }

    /** A fresh instance takes over; its onStart runs next. */
    void installInstance(Actor fresh) {
        actor = fresh;
        started = false;
    }

    /** Runs the loop again after a backoff (from the timer thread, or a stop request). */
    void wakeLoop() {
        inbox.wake();
    }

    /** Runs onFailure for a failure, else onStop (if an instance is there); an exception there is logged. */
    private void runEndHook(Throwable failure) {
        try {
            if (failure != null) {
                actor.onFailure(failure);
            } else if (actor != null) {
                actor.onStop();
            }
        } catch (Throwable t) {
            log(ERROR, "Unhandled exception in " + (failure != null ? "onFailure" : "onStop") + " of " + ref, t);
        }
    }

    /**
     * The end, in the actor's own thread: refuse new messages, leave the directory, run onStop (for a
     * stop, if an instance is there) or onFailure (for {@code failure}), cancel timers, then mark DEAD,
     * let go of the instance, fail or complete what is left, and tell the watchers and the scope.
     */
    private void terminate(Termination how, Throwable failure, Promise<Object> stopReply) {
        LIFECYCLE.setVolatile(this, STOPPING);
        Directory.remove(this);
        runEndHook(failure);
        if (timers != null) {
            timers.cancelAll();
        }
        end = how;
        // DEAD before the drain: a sender that enqueues after it sees DEAD and drains itself.
        LIFECYCLE.setVolatile(this, DEAD);
        actor = null;
        inbox.detach(); // the runtime's scheduler (a thread, say) is let go with the instance
        drain();
        DeathWatch.ended(this);
        if (scope != null) {
            scope.leave(ref);
        }
        if (logger().isLoggable(DEBUG)) {
            log(DEBUG, "Stopped " + ref, null);
        }
        termination.complete(how);
        if (stopReply != null) {
            stopReply.complete(Boolean.TRUE);
        }
    }

    /**
     * Fails every waiting ask of a dead actor, completes its stop requests, and makes its tells and
     * defers dead letters; timer messages and notices are dropped. Safe from any thread.
     */
    private void drain() {
        for (Envelope envelope; (envelope = inbox.poll()) != null; ) {
            envelope.drop(this);
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
        inbox.put(envelope);
        if (lifecycle == DEAD) {
            drain(); // raced with the actor's last drain: whatever it missed, we fail ourselves
        } else {
            inbox.wakeIfIdle();
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
            if (supervision != null && supervision.endBackoffEarly()) {
                inbox.wake(); // backing off: nobody else would run the loop until the backoff ends
            }
            return (ActorFuture<Boolean>) (ActorFuture<?>) reply;
        }
        if (lifecycle == DEAD) {
            Promise<Boolean> dead = new Promise<>(this);
            dead.complete(Boolean.FALSE);
            return dead;
        }
        return termination.map(done -> Boolean.TRUE); // already being stopped by an earlier request
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
        return termination.map(how -> null);
    }

    ActorFuture<Termination> termination() {
        return termination;
    }

    // ---- scopes, timers, death watch and restarts ----

    /** The loop running in the calling thread, or {@code null}. */
    static Mailbox current() {
        return (Mailbox) Directory.running(); // only loops mark threads
    }

    ActorScope scope() {
        return scope;
    }

    /** How this actor ended; only for whoever has seen it dead. */
    Termination end() {
        return end;
    }

    ActorRuntime runtime() { // the runtime every instance must share
        return runtime;
    }

    @Override
    public ActorStatus status() {
        ActorStatus.State state = lifecycle != RUNNING ? ActorStatus.State.STOPPING
                : supervision != null && supervision.backingOff() ? ActorStatus.State.BACKING_OFF
                : actor == null || !started ? ActorStatus.State.RESTARTING // racy, benign: a snapshot
                : ActorStatus.State.RUNNING;
        return new ActorStatus(state, supervision == null ? 0 : supervision.restarts(), supervision != null);
    }

    @Override
    public long place() {
        return place;
    }

    @Override
    public boolean restart() {
        return supervision != null && offer(new Envelope.Restart());
    }

    int size() {
        return inbox.size();
    }

    private System.Logger logger() {
        return Actor.logger(ref.actorClass());
    }

    /** Logs, whatever the exception's getMessage and toString do: the loop must finish all the same. */
    void log(System.Logger.Level level, String message, Throwable thrown) {
        Logging.log(logger(), level, message, thrown);
    }
}
