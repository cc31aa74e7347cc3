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
 *       actor may change between messages: keep state in the actor's fields, not in
 *       {@link ThreadLocal}s.</li>
 *   <li>Blocking inside the actor ({@code ask(...).get()} to another actor, {@code sleep}, I/O) is safe
 *       and cheap: the virtual thread unmounts, and if the whole crew is blocked a watchdog adds
 *       threads within a millisecond or two, so other actors keep running however many block. (That
 *       millisecond is also the worst delay an actor sees when the actor that woke it with a
 *       {@code tell} then blocks on something other than an {@code ActorFuture}, such as a latch.)
 *       A long computation that never blocks does keep its carrier, as with any virtual thread.</li>
 *   <li>Virtual threads are daemon threads: a running {@code VirtualThreadActor} does not keep the JVM
 *       alive (there is no {@code useDaemonThread()} to choose).</li>
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
