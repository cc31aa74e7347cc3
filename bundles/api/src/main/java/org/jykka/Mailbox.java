package org.jykka;

import static java.lang.System.Logger.Level.DEBUG;
import static java.lang.System.Logger.Level.ERROR;
import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
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
 *
 * <p>A supervised actor ({@link Supervision}) swaps a failed instance for a fresh one instead of
 * ending; during a restart's backoff the loop keeps {@code scheduling} SCHEDULED and returns, so no
 * sender wakes it: the backoff's end (or a stop) owes the next schedule(). Timers ({@link ActorTimers})
 * and death watch ({@link DeathWatch}) send their notices through the same inbox.
 */
final class Mailbox implements ActorLoop, Directory.Entry {
    private static final int RUNNING = 0;
    private static final int STOPPING = 1;
    private static final int DEAD = 2;

    private static final int IDLE = 0;
    private static final int SCHEDULED = 1;

    private static final VarHandle LIFECYCLE;
    private static final VarHandle SCHEDULING;
    private static final VarHandle DEATH_WATCH;

    // The loop running in this thread, if any: for a start inside an actor (its scope), for timers()
    // and watch(). Set and cleared once a batch, never read on a sender's path.
    private static final ThreadLocal<Mailbox> CURRENT = new ThreadLocal<>();

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            LIFECYCLE = lookup.findVarHandle(Mailbox.class, "lifecycle", int.class);
            SCHEDULING = lookup.findVarHandle(Mailbox.class, "scheduling", int.class);
            DEATH_WATCH = lookup.findVarHandle(Mailbox.class, "deathWatch", DeathWatch.class);
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
    private final Promise<Termination> termination = new Promise<>(this);
    private final ActorScope scope; // null when the actor belongs to no scope
    private final Supervision supervision; // null unless supervised
    // Made on first use: most actors never watch nor are watched. Any thread (CAS).
    private volatile DeathWatch deathWatch;
    // Made on first use, in the actor's own thread; kept across restarts.
    private ActorTimers timers;
    // How the actor ended; written before lifecycle becomes DEAD, so whoever sees DEAD sees it.
    private Termination end;

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

    Mailbox(Actor actor, ActorRuntime runtime, ActorScope scope, Supervision supervision) {
        this.actor = actor;
        this.scope = scope;
        this.supervision = supervision;
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
            end = Termination.failed(refused);
            LIFECYCLE.setVolatile(this, DEAD);
            actor = null;
            termination.complete(end);
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
        CURRENT.set(this);
        try {
            if (supervision != null && supervision.backingOff() && !resumeAfterBackoff()) {
                return false;
            }
            for (int handled = 0; handled < limit; handled++) {
                if (!started && !runOnStart()) {
                    break;
                }
                Envelope envelope = inbox.poll();
                if (envelope == null || !handle(envelope)) {
                    break;
                }
            }
        } finally {
            CURRENT.set(null);
            runner = null;
        }
        if (lifecycle == DEAD || supervision != null && supervision.backingOff()) {
            return false; // ended, or backing off: the backoff's end owes the next schedule()
        }
        // Go idle, then look once more: a sender that enqueued after our last poll saw SCHEDULED and
        // left the wake-up to us. Whoever wins the CAS back to SCHEDULED owns the next batch.
        SCHEDULING.setVolatile(this, IDLE);
        return !inbox.isEmpty() && SCHEDULING.compareAndSet(this, IDLE, SCHEDULED);
    }

    /**
     * Woken during a backoff: {@code true} if a fresh instance now takes over; {@code false} if the
     * backoff goes on (a stray wake-up) or the actor has ended (a stop came, or the factory failed).
     */
    private boolean resumeAfterBackoff() {
        if (!supervision.backoffOver()) {
            return false;
        }
        supervision.resumed();
        if (lifecycle != RUNNING) {
            terminate(Termination.STOPPED, null, null); // a stop during the backoff: no new instance
            return false;
        }
        return replaceInstance();
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
        }
        Promise<Object> reply = envelope.reply();
        Object letter = null;
        Object result;
        try {
            if (envelope instanceof Envelope.Message message) {
                letter = message.message();
                result = actor.onReceive(letter);
            } else if (envelope instanceof Envelope.Invocation invocation) {
                letter = invocation.origin();
                result = invocation.function().apply(actor);
            } else if (envelope instanceof Envelope.Timer timer) {
                letter = timers == null ? null : timers.accept(timer.entry());
                result = letter == null ? null : actor.onReceive(letter); // null: cancelled meanwhile
            } else {
                Envelope.Terminated notice = (Envelope.Terminated) envelope;
                if (deathWatch.accept(notice.watched(), notice.token())) {
                    actor.onTerminated(notice.watched().ref(), notice.watched().end);
                }
                result = null;
            }
        } catch (Throwable failure) {
            if (reply != null) {
                log(INFO, "Exception returned from " + ref + " to caller", failure);
                reply.fail(failure);
                return true;
            }
            log(ERROR, "Unhandled exception in " + ref, failure);
            return failed(failure, letter);
        }
        if (reply != null) {
            reply.complete(result);
        }
        return true;
    }

    /**
     * A failure nobody waits on: the failed message becomes a dead letter, then the policy decides.
     * {@code true} if a fresh instance took over at once and the batch goes on.
     */
    private boolean failed(Throwable failure, Object letter) {
        if (letter != null) {
            DeadLetters.publish(new DeadLetter(letter, ref, DeadLetter.Reason.FAILED));
        }
        long delay = supervision == null ? -1 : supervision.onFailure();
        if (delay < 0) {
            if (supervision != null) {
                log(ERROR, ref + " gave up after " + supervision.restarts() + " restarts and stops for good", null);
            }
            terminate(Termination.failed(failure), failure, null);
            return false;
        }
        runOnFailure(failure);
        if (timers != null) {
            timers.cancelAll();
        }
        actor = null;
        log(WARNING, "Restarting " + ref + " (restart " + (supervision.restarts() + 1) + ") in "
                + Duration.ofNanos(delay) + " after " + SafeText.brief(failure.getClass().getName()), failure);
        if (delay == 0) {
            return replaceInstance();
        }
        supervision.backOff(delay, this::wake);
        // A stop that came before the backoff was there to end it: end it here ourselves (if the
        // stop's own attempt has not already), so the actor stops without a new instance.
        if (lifecycle != RUNNING && supervision.endBackoffEarly()) {
            supervision.resumed();
            terminate(Termination.STOPPED, null, null);
        }
        return false;
    }

    /** Swaps in the factory's next instance; {@code false} (and the actor ended) if there is none. */
    private boolean replaceInstance() {
        try {
            actor = supervision.nextInstance(this, runtime);
        } catch (Throwable noInstance) {
            log(ERROR, ref + " could not be restarted and stops for good", noInstance);
            terminate(Termination.failed(noInstance), null, null);
            return false;
        }
        started = false;
        return true;
    }

    private void runOnFailure(Throwable failure) {
        try {
            actor.onFailure(failure);
        } catch (Throwable t) {
            log(ERROR, "Unhandled exception in onFailure of " + ref, t);
        }
    }

    /**
     * The end, in the actor's own thread: refuse new messages, leave the directory, run onStop (for a
     * stop, if an instance is there) or onFailure (for {@code failure}), cancel timers, then mark DEAD,
     * let go of the instance, fail or complete what is left, and tell the watchers and the scope.
     */
    private void terminate(Termination how, Throwable failure, Promise<Object> stopReply) {
        LIFECYCLE.setVolatile(this, STOPPING);
        Directory.remove(place, this);
        if (failure != null) {
            runOnFailure(failure);
        } else if (actor != null) {
            try {
                actor.onStop();
            } catch (Throwable t) {
                log(ERROR, "Unhandled exception in onStop of " + ref, t);
            }
        }
        if (timers != null) {
            timers.cancelAll();
        }
        end = how;
        // DEAD before the drain: a sender that enqueues after it sees DEAD and drains itself.
        LIFECYCLE.setVolatile(this, DEAD);
        actor = null;
        drain();
        DeathWatch watch = deathWatch;
        if (watch != null) {
            watch.ended(this);
        }
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
            Promise<Object> reply = envelope.reply();
            if (envelope instanceof Envelope.Stop) {
                reply.complete(Boolean.TRUE);
            } else if (reply != null) {
                reply.fail(new ActorDeadException(ref + " stopped before it handled " + describe(envelope)));
            } else if (envelope instanceof Envelope.Message message) {
                DeadLetters.publish(new DeadLetter(message.message(), ref, DeadLetter.Reason.STOPPED));
            } else if (envelope instanceof Envelope.Invocation invocation) {
                DeadLetters.publish(new DeadLetter(invocation.origin(), ref, DeadLetter.Reason.STOPPED));
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
            if (supervision != null && supervision.endBackoffEarly()) {
                wake(); // backing off: nobody else would run the loop until the backoff ends
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

    // ---- timers and death watch ----

    /** The loop running in the calling thread, or {@code null}. */
    static Mailbox current() {
        return CURRENT.get();
    }

    /** The reference of the actor running in the calling thread, or {@code null}. */
    static ActorRef<?> currentRef() {
        Mailbox current = CURRENT.get();
        return current == null ? null : current.ref;
    }

    ActorScope scope() {
        return scope;
    }

    /** This actor's timers, made on first use; only for the actor's own thread. */
    Timers timers() {
        if (timers == null) {
            timers = new ActorTimers(entry -> offer(new Envelope.Timer(entry)), TimerService.SHARED);
        }
        return timers;
    }

    DeathWatch deathWatch() {
        DeathWatch watch = deathWatch;
        if (watch == null) {
            DeathWatch made = new DeathWatch();
            watch = (DeathWatch) DEATH_WATCH.compareAndExchange(this, null, made);
            if (watch == null) {
                watch = made;
            }
        }
        return watch;
    }

    DeathWatch existingDeathWatch() {
        return deathWatch;
    }

    /** Queues the notice that {@code watched} has ended, for the watch of {@code token}. */
    void notifyTerminated(Mailbox watched, Object token) {
        offer(new Envelope.Terminated(watched, token)); // a watcher that is stopping no longer listens
    }

    /** How many times this (supervised) actor has been restarted. */
    int restarts() {
        return supervision == null ? 0 : supervision.restarts();
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

    /** Logs, whatever the exception's getMessage and toString do: the loop must finish all the same. */
    private void log(System.Logger.Level level, String message, Throwable thrown) {
        Logging.log(logger(), level, message, thrown);
    }

    private static String describe(Envelope envelope) {
        if (envelope instanceof Envelope.Message message) {
            return "message " + SafeText.brief(message.message());
        }
        return envelope instanceof Envelope.Stop ? "a stop request" : "a call";
    }
}
