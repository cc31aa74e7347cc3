package org.jykka.threading;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ThreadFactory;
import org.jykka.spi.ActorLoop;
import org.jykka.spi.Scheduler;

/**
 * Virtual threads on demand: an idle actor holds no thread at all; each time it gets work, a new
 * virtual thread runs it until its inbox is empty, a bounded batch at a time, and then ends.
 *
 * <p>Why a fresh virtual thread per activation and not a shared pool of runners: a virtual thread
 * that blocks (an {@code ask(...).get()} to another actor, {@code sleep}, I/O) only unmounts from its
 * carrier, so no actor can starve another or deadlock the runtime however many of them block, and no
 * bookkeeping of who is blocked is needed. Starting one costs about a microsecond, paid once per
 * idle-to-busy transition, not per message: a busy actor keeps its thread for as long as its inbox has
 * work. See docs/benchmarks.md for the numbers behind this choice.
 *
 * <p>The Java 21 API ({@code Thread.ofVirtual()}) is reached through {@link MethodHandles} once, when
 * the class loads, so the bundle still compiles and loads with {@code --release 17}; on Java 17
 * {@link #dispatch} refuses, and {@link org.jykka.Actor#start} throws.
 */
final class VirtualThreadRuntime extends ThreadRuntime {
    static final VirtualThreadRuntime INSTANCE = new VirtualThreadRuntime();

    /**
     * Messages per batch before the thread yields its carrier to other virtual threads. Large enough
     * that a busy actor pays the yield rarely, small enough that one flooded actor cannot keep its
     * carrier from the others for long (Pekko's {@code throughput} plays the same role).
     */
    static final int BATCH = 64;

    /** Unnamed virtual threads, or {@code null} when this JVM has none (Java 17 to 20). */
    private static final ThreadFactory VIRTUAL_THREADS = virtualThreadFactory();

    private VirtualThreadRuntime() {}

    /** Whether this JVM has virtual threads (Java 21 or later). */
    static boolean isSupported() {
        return VIRTUAL_THREADS != null;
    }

    @Override
    Scheduler dispatch(ActorLoop loop) {
        if (VIRTUAL_THREADS == null) {
            throw new UnsupportedOperationException(loop.actor() + " is a VirtualThreadActor, which needs"
                    + " Java 21 or later (virtual threads), but this JVM is Java " + Runtime.version().feature()
                    + ": run on Java 21+, or extend ThreadingActor instead");
        }
        return new Activation(loop);
    }

    /**
     * The scheduler of one actor and the task of its virtual threads. One small object per actor, no
     * thread: a schedule() starts a virtual thread that runs the actor while it has work.
     */
    private static final class Activation implements Scheduler, Runnable {
        private final ActorLoop loop;

        Activation(ActorLoop loop) {
            this.loop = loop;
        }

        @Override
        public void schedule() {
            // Safe: the loop calls schedule() once per idle-to-busy transition, so at most one thread
            // runs this actor at a time. Fast: no name, no registration, nothing allocated but the thread.
            VIRTUAL_THREADS.newThread(this).start();
        }

        @Override
        public void run() {
            while (loop.runBatch(BATCH)) {
                // More work after a full batch: let other virtual threads on this carrier run first,
                // then carry on in the same thread (cheaper than a new one, and the order is kept).
                Thread.yield();
            }
        }
    }

    private static ThreadFactory virtualThreadFactory() {
        try {
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            Class<?> builderType = Class.forName("java.lang.Thread$Builder");
            Class<?> ofVirtualType = Class.forName("java.lang.Thread$Builder$OfVirtual");
            MethodHandle ofVirtual = lookup.findStatic(Thread.class, "ofVirtual", MethodType.methodType(ofVirtualType));
            MethodHandle factory = lookup.findVirtual(builderType, "factory", MethodType.methodType(ThreadFactory.class));
            return (ThreadFactory) factory.invoke(ofVirtual.invoke());
        } catch (ClassNotFoundException | NoSuchMethodException | IllegalAccessException beforeJava21) {
            return null;
        } catch (Throwable unexpected) {
            throw new ExceptionInInitializerError(unexpected);
        }
    }
}
