package org.jykka.threading;

import org.jykka.Actor;

/**
 * An actor on virtual threads (Java 21+), the lightweight counterpart of {@link ThreadingActor}, as
 * Pykka's gevent actor is of its threading one. Same semantics in every other respect: one message at
 * a time, in order, {@code onStart} first, registered while it runs.
 *
 * <pre>{@code
 * class Greeter extends VirtualThreadActor {
 *     protected Object onReceive(Object message) {
 *         return "Hi " + message;
 *     }
 * }
 * ActorRef<Greeter> greeter = Actor.start(new Greeter());
 * }</pre>
 *
 * <p>What differs, and why it scales:
 * <ul>
 *   <li>An idle actor holds no thread at all (a few hundred bytes of heap): a million of them fit in a
 *       1 GB heap. When it gets work, one of a small crew of virtual threads (about one per core while
 *       nobody blocks) runs it for a batch of up to {@value VirtualThreadRuntime#BATCH} messages, then
 *       moves on to the next busy actor; a crew thread with no work ends. So the thread running an
 *       actor may change between messages, and one thread runs many actors in turn.</li>
 *   <li>Blocking inside the actor ({@code ask(...).get()} to another actor, {@code sleep}, I/O) is safe
 *       and cheap: the virtual thread unmounts, and if the whole crew is blocked a watchdog adds
 *       threads within a millisecond or two, so other actors keep running however many block. (That
 *       millisecond is also the worst delay an actor sees when the actor that woke it with a
 *       {@code tell} then blocks on something other than an {@code ActorFuture}, such as a latch.)</li>
 *   <li>Fair: actors that keep telling each other (ping-pong) run one after the other on the same
 *       thread, but after a few dozen such hand-offs that thread serves the actors waiting for one
 *       first, so they do not starve.</li>
 *   <li>A long computation that never blocks keeps its carrier, as with any virtual thread, and virtual
 *       threads are not preempted. When such handlers hold every carrier and other actors wait, the
 *       watchdog (a platform thread) runs the waiting actors on overflow platform daemon threads, at
 *       most four per core (and at least 16), until a carrier is free again: so an actor's handler
 *       usually runs on a virtual thread, but in that case on a platform thread. More computing
 *       handlers than that make the others wait for one of them to finish.</li>
 *   <li>What a handler leaves on its thread does not reach the next actor run on it: between two
 *       batches the interrupt flag is cleared (an interrupt left set by a handler, for example by an
 *       interrupted {@code get()}, lasts until the actor's batch ends, and is not seen by the actor's
 *       next batch either), and the context class loader (reset to the system class loader), the
 *       thread name and the priority are put back. {@link ThreadLocal}s cannot be reset: a value a
 *       handler sets stays with the thread, is seen by other actors that run on it later, and is
 *       gone when the actor runs on another thread. Keep state in the actor's fields, never in
 *       {@code ThreadLocal}s.</li>
 *   <li>Virtual threads are daemon threads, and so are the watchdog and the overflow threads: a running
 *       {@code VirtualThreadActor} does not keep the JVM alive (there is no {@code useDaemonThread()} to
 *       choose). While no actor has work, no thread of this runtime is alive (the watchdog ends some
 *       20 ms after the last work, an overflow thread 20 ms after its last).</li>
 * </ul>
 *
 * <p>Needs Java 21 or later at run time (the bundle itself runs on Java 17): on an older JVM
 * {@link Actor#start} throws {@link UnsupportedOperationException} saying so, and nothing is started
 * or registered.
 */
public abstract class VirtualThreadActor extends Actor {

    protected VirtualThreadActor() {
        super(VirtualThreadRuntime.INSTANCE);
    }
}
