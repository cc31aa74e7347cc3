package org.jykka.threading;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jykka.spi.ActorLoop;
import org.jykka.spi.ActorRuntime;
import org.jykka.spi.Scheduler;

/**
 * Actors on virtual threads, with no thread while idle: a small, elastic crew of virtual "runner"
 * threads takes busy actors from a ready queue and runs each for a bounded batch; a runner that finds
 * no work ends. Nothing is tied to an actor but a 16-byte {@link Activation}.
 *
 * <p>Why runners, and not a new virtual thread per activation (the first version): starting a
 * virtual thread costs 0.4 to 0.7 µs on the benchmark machine, a queue hand-off some 50 ns, and
 * ping-pong and fan-out pay it on nearly every message (docs/benchmarks.md has the numbers).
 *
 * <p>Four paths, fastest first:
 * <ol>
 *   <li><b>Successor.</b> A runner whose actor wakes another actor with a {@code tell} keeps it as its
 *       successor and runs it right after the current batch, in the same thread, on the same carrier
 *       (ping-pong, a pipeline): no queue, no wake-up. Not when the actor has just made a promise (an
 *       {@code ask}, a {@code call}, a stop; see {@link #replyMayBeAwaited}): it may block on the answer at
 *       once, so the woken actor goes to the ready queue and runs in parallel. Fair: after
 *       {@value Runner#HAND_OFFS_BEFORE_READY} hand-offs in a row the runner puts its successor at the
 *       back of the ready queue if anything waits there, so actors that keep telling each other
 *       cannot keep a ready actor waiting for more than a few such rounds.</li>
 *   <li><b>Ready queue.</b> Anything else goes to a shared lock-free queue; while fewer runners live
 *       than there are cores, waking an actor starts one more.</li>
 *   <li><b>Rescue.</b> A runner may block inside a handler (an ask().get(), sleep, I/O). It then only
 *       unmounts from its carrier, but the work it holds or that waits for a runner must not wait for
 *       it: the {@link Watchdog}, a daemon platform thread alive only while work waits, looks every
 *       {@value Watchdog#TICK_MICROS} µs. It moves a successor whose runner has not finished a batch in
 *       a whole tick to the ready queue, and when the ready queue's head has waited a whole tick
 *       (nothing taken from it), it doubles the crew (so a thousand blocked handlers are covered in
 *       about ten ticks).</li>
 *   <li><b>Overflow.</b> Virtual threads are not preempted: handlers that compute without blocking
 *       hold every carrier, and runners started for waiting work never get one. When the watchdog
 *       (a platform thread, so the OS still runs it) sees the ready queue stalled while runners it
 *       started have waited a whole tick for a carrier, it starts an overflow runner: a daemon platform
 *       thread (at most {@value Watchdog#OVERFLOW_LIMIT_MIN}, or four per core if more) that the OS
 *       time-slices with the carriers. It hands its work back to the crew as soon as a carrier is
 *       free again (the runner that waited for one got it), and ends when it has found no work for
 *       20 ms. So actors run on virtual threads whenever they can.</li>
 * </ol>
 *
 * <p>Runners are shared, so what a handler leaves on its thread is reset before the runner runs
 * another batch ({@link Runner}): the interrupt flag is cleared, and the context class loader (the
 * system class loader), the name and the priority are put back. {@link ThreadLocal}s cannot be reset:
 * an actor must not rely on them across messages.
 *
 * <p>The Java 21 API ({@code Thread.ofVirtual()}) is reached through {@link MethodHandles} once, when
 * the class loads, so the bundle still compiles and loads with {@code --release 17}; on Java 17
 * {@link #attach} refuses, and {@link org.jykka.Actor#start} throws.
 */
final class VirtualThreadRuntime implements ActorRuntime {
    static final VirtualThreadRuntime INSTANCE = new VirtualThreadRuntime();

    /**
     * Messages per batch. Large enough that a busy actor rarely goes back to the queue, small enough
     * that one flooded actor cannot keep a runner from the others for long (Pekko's {@code throughput}
     * plays the same role, default 5).
     */
    static final int BATCH = 64;

    /** Unnamed virtual threads, or {@code null} when this JVM has none (Java 17 to 20). */
    static final ThreadFactory VIRTUAL_THREADS = virtualThreadFactory();

    static final int PARALLELISM = Runtime.getRuntime().availableProcessors();

    /** What every runner's context class loader is reset to: never a plugin's, so none is kept alive. */
    static final ClassLoader CONTEXT_LOADER = ClassLoader.getSystemClassLoader();

    // Static, not per instance: there is one runtime, and an Activation then needs no field for it.
    static final ConcurrentLinkedQueue<Activation> READY = new ConcurrentLinkedQueue<>();
    // Virtual runners alive, counting those started and not yet running.
    static final AtomicInteger LIVE_RUNNERS = new AtomicInteger();
    // Virtual runners started that have not run yet: while it stays above 0, no carrier is free.
    static final AtomicInteger STARTING_RUNNERS = new AtomicInteger();
    static final AtomicInteger OVERFLOW_RUNNERS = new AtomicInteger();
    // Activations taken from the ready queue: the watchdog's sign that the queue moves.
    static final AtomicLong TAKEN = new AtomicLong();

    private VirtualThreadRuntime() {}

    /** Whether this JVM has virtual threads (Java 21 or later). */
    static boolean isSupported() {
        return VIRTUAL_THREADS != null;
    }

    @Override
    public Scheduler attach(ActorLoop loop) {
        if (VIRTUAL_THREADS == null) {
            throw new UnsupportedOperationException(loop.ref() + " is a VirtualThreadActor, which needs"
                    + " Java 21 or later (virtual threads), but this JVM is Java " + Runtime.version().feature()
                    + ": run on Java 21+, or extend ThreadingActor instead");
        }
        return new Activation(loop);
    }

    /** One actor's scheduler: all an idle actor costs this runtime. */
    static final class Activation implements Scheduler {
        final ActorLoop loop;

        Activation(ActorLoop loop) {
            this.loop = loop;
        }

        @Override
        public void schedule() {
            // Safe: the loop calls this once per idle-to-busy transition, so the activation is in at
            // most one place (a successor slot, the ready queue, or a runner's hands) at a time.
            Runner runner = Runner.current();
            if (runner != null && !runner.replyAwaited && runner.offerSuccessor(this)) {
                return; // run right after the sender's batch, in its thread
            }
            if (runner != null) {
                runner.replyAwaited = false;
            }
            enqueue(this);
        }
    }

    @Override
    public void replyMayBeAwaited() {
        Runner runner = Runner.current();
        if (runner != null) {
            runner.replyAwaited = true;
        }
    }

    /** Puts {@code activation} on the ready queue and makes sure a runner, or the watchdog, will see it. */
    static void enqueue(Activation activation) {
        READY.offer(activation);
        for (int live; (live = LIVE_RUNNERS.get()) < PARALLELISM; ) {
            if (LIVE_RUNNERS.compareAndSet(live, live + 1)) {
                startRunnerCounted();
                return;
            }
        }
        // Every runner is busy (or blocked): one of them takes it when done, or the watchdog steps in.
        Watchdog.arm();
    }

    /** The next activation from the ready queue, counted for the watchdog; {@code null} if none. */
    static Activation takeReady() {
        Activation next = READY.poll();
        if (next != null) {
            TAKEN.incrementAndGet();
        }
        return next;
    }

    /**
     * Starts a virtual runner already counted in {@link #LIVE_RUNNERS}. Never throws: the activation
     * that called for it is queued already, and if no thread can be started now (out of memory), the
     * watchdog tries again while it waits; a failure here would make the loop think its wake-up lost.
     */
    static void startRunnerCounted() {
        STARTING_RUNNERS.incrementAndGet();
        try {
            Thread thread = VIRTUAL_THREADS.newThread(new Runner(false));
            thread.setContextClassLoader(CONTEXT_LOADER); // not the starter's, which may be a plugin's (the factory's
            // no-inheritance gives the system class loader already; said here so as not to depend on it)
            thread.start();
        } catch (Throwable noThread) {
            STARTING_RUNNERS.decrementAndGet();
            LIVE_RUNNERS.decrementAndGet();
            Watchdog.arm();
        }
    }

    private static ThreadFactory virtualThreadFactory() {
        try {
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            Class<?> builderType = Class.forName("java.lang.Thread$Builder");
            Class<?> ofVirtualType = Class.forName("java.lang.Thread$Builder$OfVirtual");
            MethodHandle ofVirtual = lookup.findStatic(Thread.class, "ofVirtual", MethodType.methodType(ofVirtualType));
            MethodHandle noInheritance = lookup.findVirtual(builderType, "inheritInheritableThreadLocals",
                    MethodType.methodType(builderType, boolean.class));
            MethodHandle factory = lookup.findVirtual(builderType, "factory", MethodType.methodType(ThreadFactory.class));
            // A runner serves every actor: it must not inherit the InheritableThreadLocals of whoever woke it.
            Object builder = noInheritance.invoke(ofVirtual.invoke(), false);
            return (ThreadFactory) factory.invoke(builder);
        } catch (ClassNotFoundException | NoSuchMethodException | IllegalAccessException beforeJava21) {
            return null;
        } catch (Throwable unexpected) {
            throw new ExceptionInInitializerError(unexpected);
        }
    }
}
