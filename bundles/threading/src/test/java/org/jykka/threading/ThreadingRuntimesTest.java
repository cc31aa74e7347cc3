package org.jykka.threading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.jykka.Actor;
import org.jykka.ActorRef;
import org.jykka.spi.ActorRuntime;
import org.jykka.testkit.ActorTestSupport;
import org.junit.jupiter.api.Test;

/** One actor class, either runtime, chosen without inheritance. */
class ThreadingRuntimesTest extends ActorTestSupport {

    /** Extends Actor itself and takes its runtime as an argument. */
    static final class Plain extends Actor {
        Plain(ActorRuntime runtime) {
            super(runtime);
        }

        @Override
        protected Object onReceive(Object message) {
            return Thread.currentThread();
        }
    }

    @Test
    void anActorClassRunsOnPlatformThreadsPickedByArgument() {
        ActorRef<Plain> ref = Actor.start(new Plain(ThreadingRuntimes.platformThreads()));
        Thread thread = (Thread) ref.ask("thread?").get(TIMEOUT);
        assertTrue(thread.getName().startsWith("Plain-"), thread.getName());
    }

    @Test
    void theSameActorClassRunsOnVirtualThreadsPickedByArgument() throws Exception {
        assumeTrue(ThreadingRuntimes.hasVirtualThreads(), "virtual threads need Java 21+");
        ActorRef<Plain> ref = Actor.start(new Plain(ThreadingRuntimes.virtualThreads()));
        Thread thread = (Thread) ref.ask("thread?").get(TIMEOUT);
        assertEquals(true, Thread.class.getMethod("isVirtual").invoke(thread));
    }

    @Test
    void virtualThreadsBeforeJava21RefuseTheStart() {
        assumeTrue(!ThreadingRuntimes.hasVirtualThreads(), "this JVM has virtual threads");
        assertThrows(UnsupportedOperationException.class, () -> Actor.start(new Plain(ThreadingRuntimes.virtualThreads())));
    }
}
