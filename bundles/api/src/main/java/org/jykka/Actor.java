package org.jykka;

import static java.lang.System.Logger.Level.WARNING;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.concurrent.ThreadLocalRandom;
import org.jykka.internal.SafeText;
import org.jykka.spi.ActorRuntime;

/**
 * An actor: an object with its own state, run by its own execution context, that other code reaches
 * only through its {@link ActorRef}.
 *
 * <p>Extend a runtime's actor class, such as {@code org.jykka.threading.ThreadingActor}, override
 * {@link #onReceive} (or give the actor public methods and talk to it with {@link ActorRef#call} or
 * a proxy), and {@linkplain #start start} it:
 *
 * <pre>{@code
 * class Greeter extends ThreadingActor {
 *     protected Object onReceive(Object message) {
 *         System.out.println("Hi there!");
 *         return null;
 *     }
 * }
 *
 * ActorRef<Greeter> greeter = Actor.start(new Greeter());
 * greeter.tell("Hi!");
 * greeter.stop();
 * }</pre>
 *
 * <p>The constructor runs in the caller's thread; every hook and handler runs in the actor's, one at
 * a time. The hooks: {@link #onStart()} before the first message, {@link #onStop()} when stopped
 * normally, {@link #onFailure(Throwable)} when an exception nobody waits for escapes.
 *
 * <p>Logging goes to {@link System.Logger}, named after the actor's class: start and stop at DEBUG,
 * an unexpected message at WARNING, an exception handed back to an asking caller at INFO, and an
 * exception nobody waits on (tell, defer, {@code onStart}, {@code onStop}, {@code onFailure}) at
 * ERROR, with the exception attached.
 */
public abstract class Actor {
    private static final VarHandle MAILBOX;
    private static final ClassValue<System.Logger> LOGGERS = new ClassValue<>() {
        @Override
        protected System.Logger computeValue(Class<?> type) {
            return System.getLogger(type.getName());
        }
    };

    static {
        try {
            MAILBOX = MethodHandles.lookup().findVarHandle(Actor.class, "mailbox", Mailbox.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final ActorRuntime runtime;
    private final String urn;
    private volatile Mailbox mailbox; // set once, by start

    /**
     * Creates an actor that runs in {@code runtime}. Actor classes normally extend a runtime's base
     * class (e.g. {@code ThreadingActor}), which passes its runtime here.
     */
    protected Actor(ActorRuntime runtime) {
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.urn = randomUrn();
    }

    /**
     * Starts {@code actor} and returns its reference at once. The actor is listed among the live actors
     * ({@code ActorRegistry}, whatever its runtime; before {@link #onStart()} runs, so {@code onStart}
     * can find it and others) and started in the execution context its class provides; from then on
     * everything it does runs there.
     *
     * @throws NullPointerException if {@code actor} is {@code null}
     * @throws IllegalStateException if this instance was started before (a stopped actor never
     *     restarts: create a new instance)
     * @throws UnsupportedOperationException if the actor's runtime cannot run on this JVM
     */
    public static <A extends Actor> ActorRef<A> start(A actor) {
        return startIn(currentScope(), actor);
    }

    /**
     * Starts a supervised actor: {@code factory.get()}, replaced by a fresh instance from the factory
     * when a failure would stop it (an exception nobody waits on, or one from {@code onStart}) and
     * {@code policy} allows. {@code onFailure} runs on the old instance, then, after the policy's
     * backoff, {@code onStart} on the new one. The actor keeps its {@link ActorRef}, URN, registry
     * entry, watchers and services; messages queued meanwhile are kept, in order, for the new
     * instance; the message that failed is a {@link DeadLetter} ({@code FAILED}). An {@code ask} that
     * fails only fails its caller and restarts nothing. While restarting or backing off the actor is
     * alive. When the policy gives up, or the factory throws, returns {@code null} or an instance that
     * was started before, the actor stops for good ({@link Termination.Reason#FAILED}, with the last
     * cause). Each restart is logged at WARNING, giving up at ERROR. Every instance must run in the
     * first one's runtime. Started inside another actor, it joins that actor's {@link ActorScope}.
     *
     * @throws NullPointerException if {@code factory} or {@code policy} is {@code null}
     * @throws IllegalStateException if the factory throws (the cause), returns {@code null} or an
     *     instance that was started before, for the first instance; nothing is then started
     * @throws UnsupportedOperationException if the actor's runtime cannot run on this JVM
     */
    public static <A extends Actor> ActorRef<A> start(Supplier<? extends A> factory, Restart policy) {
        return startIn(currentScope(), factory, policy);
    }

    /** {@link #start(Actor)} into {@code scope} (none if {@code null}). */
    static <A extends Actor> ActorRef<A> startIn(ActorScope scope, A actor) {
        Objects.requireNonNull(actor, "actor");
        return launch(scope, actor, null);
    }

    /** {@link #start(Supplier, Restart)} into {@code scope} (none if {@code null}). */
    static <A extends Actor> ActorRef<A> startIn(ActorScope scope, Supplier<? extends A> factory, Restart policy) {
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(policy, "policy");
        A first;
        try {
            first = factory.get();
        } catch (Throwable failure) {
            throw new IllegalStateException("The factory failed to make the first instance: nothing started", failure);
        }
        if (first == null) {
            throw new IllegalStateException("The factory returned null for the first instance: nothing started");
        }
        return launch(scope, first, policy.restarts() ? new Supervision(factory, policy) : null);
    }

    private static <A extends Actor> ActorRef<A> launch(ActorScope scope, A actor, Supervision supervision) {
        Mailbox mailbox = new Mailbox(actor, ((Actor) actor).runtime, scope, supervision);
        if (scope != null) {
            scope.join(mailbox.ref()); // refused once the scope is closing: then nothing is started
        }
        try {
            if (!bind(actor, mailbox)) {
                throw new IllegalStateException(describe(actor) + " was started before; an actor instance starts"
                        + " once (create a new instance to start another)");
            }
            mailbox.start();
        } catch (RuntimeException | Error notStarted) {
            if (scope != null) {
                scope.leave(mailbox.ref());
            }
            throw notStarted;
        }
        @SuppressWarnings("unchecked")
        ActorRef<A> ref = (ActorRef<A>) mailbox.ref();
        return ref;
    }

    /** Makes {@code mailbox} the instance's own; {@code false} if the instance was started before. */
    static boolean bind(Actor actor, Mailbox mailbox) {
        return MAILBOX.compareAndSet(actor, null, mailbox);
    }

    ActorRuntime runtime() {
        return runtime;
    }

    private static ActorScope currentScope() {
        Mailbox starter = Mailbox.current();
        return starter == null ? null : starter.scope();
    }

    /**
     * Runs first, in the actor, before any message. An exception here is logged, goes to
     * {@link #onFailure(Throwable)}, and stops the actor (without {@link #onStop()}).
     */
    protected void onStart() throws Exception {}

    /**
     * Runs once, in the actor, when it is stopped by a stop request, after the messages sent before
     * it. The actor is already unlisted and accepts no more messages. An exception here is logged;
     * the actor stops all the same.
     */
    protected void onStop() throws Exception {}

    /**
     * Runs in the actor when an exception escapes the handling of a message that nobody waits on
     * ({@code tell}, {@code defer}, a {@code void} proxy call) or escapes {@link #onStart()}. The failure
     * is already logged; after this hook the actor stops, unregistered, without {@link #onStop()}. An
     * exception raised here is logged as well.
     */
    protected void onFailure(Throwable cause) {}

    /**
     * Handles a plain message sent with {@code tell} or {@code ask}; the return value answers
     * {@code ask} (and is ignored for {@code tell}). By default logs a warning "unexpected message" and
     * returns {@code null}. The warning quotes the message's {@code toString} cut to 200 characters.
     */
    protected Object onReceive(Object message) throws Exception {
        logger(getClass()).log(WARNING, () -> "Unexpected message to " + describe(this) + ": " + SafeText.brief(message));
        Mailbox current = mailbox;
        if (current != null && message != null) {
            DeadLetters.publish(new DeadLetter(message, current.ref(), DeadLetter.Reason.UNHANDLED));
        }
        return null;
    }

    /**
     * Runs in this actor, in mailbox order, when an actor it {@linkplain #watch watches} has ended:
     * exactly once per watch, never after {@link #unwatch} has returned. By default does nothing. An
     * exception here is a failure like a {@code tell}'s.
     *
     * @param other the actor that ended
     * @param termination how it ended
     */
    protected void onTerminated(ActorRef<?> other, Termination termination) throws Exception {}

    /**
     * Watches {@code other}: when it ends, for whatever reason, {@link #onTerminated} runs here, once
     * (at once, queued, if it has already ended). Watching the same actor twice is one watch. A watch
     * belongs to the actor, not the instance: it survives restarts, both ways. A watcher that stops
     * stops watching.
     *
     * @throws NullPointerException if {@code other} is {@code null}
     * @throws IllegalStateException if not called in this actor's own thread (a handler, {@code onStart})
     * @throws IllegalArgumentException if {@code other} is this actor, or not a local actor's reference
     */
    protected final void watch(ActorRef<?> other) {
        Mailbox self = ownMailbox("watch");
        DeathWatch.watch(self, mailboxOf(self, other));
    }

    /**
     * Stops watching {@code other}: from the moment this returns, {@link #onTerminated} never runs for
     * it, even if its notice is already in the inbox. Harmless if not watching.
     *
     * @throws NullPointerException if {@code other} is {@code null}
     * @throws IllegalStateException if not called in this actor's own thread
     */
    protected final void unwatch(ActorRef<?> other) {
        Mailbox self = ownMailbox("unwatch");
        DeathWatch.unwatch(self, mailboxOf(self, other));
    }

    /**
     * This actor's {@link Timers}: messages it sends itself later, by key.
     *
     * @throws IllegalStateException if not called in this actor's own thread (a handler, {@code onStart})
     */
    protected final Timers timers() {
        return ActorTimers.of(ownMailbox("timers()"));
    }

    private Mailbox ownMailbox(String what) {
        Mailbox current = mailbox;
        if (current == null || Mailbox.current() != current) {
            throw new IllegalStateException(what + " is for " + describe(this) + "'s own thread (its handlers"
                    + " and onStart), and it must have been started");
        }
        return current;
    }

    private static Mailbox mailboxOf(Mailbox self, ActorRef<?> other) {
        Objects.requireNonNull(other, "other");
        if (!(other instanceof LocalActorRef<?> local)) {
            throw new IllegalArgumentException(other + " is not the reference of an actor in this JVM");
        }
        if (local.mailbox() == self) {
            throw new IllegalArgumentException(self.ref() + " cannot watch itself");
        }
        return local.mailbox();
    }

    /**
     * This actor's own reference, to hand to others or to {@code tell} itself.
     *
     * @throws IllegalStateException if the actor has not been started
     */
    protected final ActorRef<? extends Actor> actorRef() {
        Mailbox current = mailbox;
        if (current == null) {
            throw new IllegalStateException(describe(this) + " has not been started: Actor.start(actor) first");
        }
        return current.ref();
    }

    /**
     * This actor's URN, {@code urn:uuid:<random UUID>}, fixed when the instance is created; once
     * started as a restarted instance of a supervised actor, the actor's URN.
     */
    public final String urn() {
        Mailbox current = mailbox;
        return current == null ? urn : current.ref().urn();
    }

    /**
     * Queues a stop behind the messages already in the inbox and returns at once; from now on the
     * actor accepts no new messages.
     *
     * @throws IllegalStateException if the actor has not been started
     */
    protected final void stop() {
        Mailbox current = mailbox;
        if (current == null) {
            throw new IllegalStateException(describe(this) + " has not been started: Actor.start(actor) first");
        }
        current.requestStop(false);
    }

    /** {@code SimpleClassName (urn:uuid:…)}. */
    @Override
    public String toString() {
        return describe(this);
    }

    /** How logs and references name an actor, whatever its class does to {@code toString}. */
    static String describe(Actor actor) {
        return describe(actor.getClass(), actor.urn());
    }

    /** As {@link #describe(Actor)}, from the class and URN alone (a reference outlives its instance). */
    static String describe(Class<?> actorClass, String urn) {
        return displayName(actorClass) + " (" + urn + ")";
    }

    static System.Logger logger(Class<?> actorClass) {
        return LOGGERS.get(actorClass);
    }

    private static String displayName(Class<?> type) {
        String simple = type.getSimpleName();
        if (!simple.isEmpty()) {
            return simple;
        }
        String name = type.getName(); // anonymous and hidden classes have no simple name
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /**
     * A random (version 4) UUID URN. {@link ThreadLocalRandom} instead of {@link UUID#randomUUID()}:
     * a URN must be unique, not unguessable, and SecureRandom would make starting an actor slow and
     * contended.
     */
    private static String randomUrn() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48); // IETF variant
        return "urn:uuid:" + new UUID(high, low);
    }
}
