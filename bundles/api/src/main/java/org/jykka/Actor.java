package org.jykka;

import static java.lang.System.Logger.Level.WARNING;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.UUID;
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
        Objects.requireNonNull(actor, "actor");
        Mailbox mailbox = new Mailbox(actor, ((Actor) actor).runtime);
        if (!MAILBOX.compareAndSet(actor, null, mailbox)) {
            throw new IllegalStateException(describe(actor) + " was started before; an actor instance starts once"
                    + " (create a new instance to start another)");
        }
        mailbox.start();
        @SuppressWarnings("unchecked")
        ActorRef<A> ref = (ActorRef<A>) mailbox.ref();
        return ref;
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
        return null;
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

    /** This actor's URN, {@code urn:uuid:<random UUID>}, fixed when the instance is created. */
    public final String urn() {
        return urn;
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
        return displayName(actor.getClass()) + " (" + actor.urn + ")";
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
