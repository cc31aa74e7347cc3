package org.jykka.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jykka.Actor;
import org.jykka.ActorDeadException;
import org.jykka.ActorException;
import org.jykka.ActorFuture;
import org.jykka.ActorRef;
import org.jykka.testkit.EachRuntimeTestSupport;
import org.jykka.testkit.Runtimes;
import org.junit.jupiter.api.Test;

class TypedProxyTest extends EachRuntimeTestSupport {
    TypedProxyTest(Runtimes runtime) {
        super(runtime);
    }


    public interface CalculatorProxy {
        ActorFuture<Integer> add(int a, int b);

        void add(int a);

        int sub(int a, int b);

        CompletionStage<Integer> sub(int a);

        ActorFuture<Integer> lastResult();

        int fail(String message);

        ActorFuture<Integer> failChecked();

        void failSilently(String message);

        ActorFuture<Void> reset();

        Thread currentThread();

        String urn();

        default int addTwice(int a) {
            add(a);
            add(a);
            return lastResult().get(TIMEOUT);
        }
    }

    interface CompletableCalculator {
        CompletableFuture<Integer> add(int a, int b);

        Future<Integer> sub(int a, int b);

        Integer memory();

        long widen(long value);

        Number add(int a);
    }

    private final ActorRef<Calculator> ref = Actor.start(new Calculator(runtime));
    private final CalculatorProxy calculator = ActorProxy.of(ref, CalculatorProxy.class);

    @Test
    void actorFutureReturnIsAnAsynchronousCall() {
        ActorFuture<Integer> sum = calculator.add(1, 3);

        assertEquals(4, sum.get(TIMEOUT));
    }

    @Test
    void completionStageReturnIsAnAsynchronousCall() throws Exception {
        calculator.add(1, 3);

        assertEquals(1, calculator.sub(3).toCompletableFuture().get(10, TimeUnit.SECONDS));
    }

    @Test
    void completableFutureReturnIsAnAsynchronousCall() throws Exception {
        CompletableCalculator completable = ActorProxy.of(ref, CompletableCalculator.class);

        assertEquals(5, completable.add(2, 3).get(10, TimeUnit.SECONDS));
    }

    @Test
    void futureReturnIsAnAsynchronousCall() throws Exception {
        CompletableCalculator completable = ActorProxy.of(ref, CompletableCalculator.class);

        assertEquals(-1, completable.sub(2, 3).get(10, TimeUnit.SECONDS));
    }

    @Test
    void otherReturnTypesBlockForTheValue() {
        assertEquals(6, calculator.sub(8, 2));
    }

    @Test
    void valueTypeMayBeWiderThanTheActorsReturnType() {
        CompletableCalculator completable = ActorProxy.of(ref, CompletableCalculator.class);
        completable.add(0); // lastResult stays 0: add(int) returns the int boxed as a Number

        assertEquals(0, completable.add(0));
    }

    @Test
    void boxedResultMayBeNullForAReferenceReturnType() {
        CompletableCalculator completable = ActorProxy.of(ref, CompletableCalculator.class);

        assertNull(completable.memory());
    }

    @Test
    void primitiveArgumentsAndResultsPassThrough() {
        CompletableCalculator completable = ActorProxy.of(ref, CompletableCalculator.class);

        assertEquals(10_000_000_000L, completable.widen(5_000_000_000L));
    }

    @Test
    void voidCallsAreFireAndForgetInMailboxOrder() {
        calculator.add(1, 2);
        calculator.add(10);
        calculator.add(100);

        assertEquals(113, calculator.lastResult().get(TIMEOUT));
    }

    @Test
    void voidActorMethodCanBeAwaitedThroughActorFutureOfVoid() {
        calculator.add(5, 5);

        assertNull(calculator.reset().get(TIMEOUT));
        assertEquals(0, calculator.lastResult().get(TIMEOUT));
    }

    @Test
    void blockingCallRethrowsTheActorsRuntimeExceptionAsTheSameInstance() {
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> calculator.fail("boom"));

        assertSame(ref.call(actor -> actor.lastThrown).get(TIMEOUT), thrown);
        assertEquals(1, thrown.getSuppressed().length, "the waiting caller's stack is added");
    }

    @Test
    void blockingCallFailureLeavesTheActorRunning() {
        assertThrows(IllegalStateException.class, () -> calculator.fail("boom"));

        assertEquals(3, calculator.sub(5, 2));
    }

    @Test
    void checkedExceptionOfABlockingCallIsWrappedInActorException() {
        interface Checked {
            int failChecked() throws IOException;
        }
        Checked checked = ActorProxy.of(ref, Checked.class);

        ActorException thrown = assertThrows(ActorException.class, checked::failChecked);

        assertInstanceOf(IOException.class, thrown.getCause());
    }

    @Test
    void asynchronousCallFailsItsFutureWithTheActorsException() {
        ActorException thrown = assertThrows(ActorException.class, () -> calculator.failChecked().get(TIMEOUT));

        assertEquals("disk full", thrown.getCause().getMessage());
    }

    @Test
    void completableFutureFailsWithTheActorsException() {
        interface Failing {
            CompletableFuture<Integer> fail(String message);
        }

        ExecutionException thrown = assertThrows(ExecutionException.class,
                () -> ActorProxy.of(ref, Failing.class).fail("late").get(10, TimeUnit.SECONDS));

        assertInstanceOf(IllegalStateException.class, thrown.getCause());
    }

    @Test
    void failingVoidCallStopsTheActorAsDeferDoes() {
        calculator.failSilently("nobody listens");

        ref.whenStopped().get(TIMEOUT);
        assertFalse(ref.isAlive());
    }

    @Test
    void callsRunInTheActorsThread() {
        Thread actorThread = calculator.currentThread();

        assertNotSame(Thread.currentThread(), actorThread);
        if (runtime.ownThread) { // a runtime without a thread per actor promises only "never the caller's"
            assertSame(ref.call(actor -> actor.startThread).get(TIMEOUT), actorThread);
        }
    }

    @Test
    void publicMethodsInheritedFromActorAreReachable() {
        assertEquals(ref.urn(), calculator.urn());
    }

    @Test
    void defaultMethodWithoutAMatchRunsOnTheProxy() {
        assertEquals(6, calculator.addTwice(3));
    }

    @Test
    void asynchronousCallToAStoppedActorFailsWithActorDeadException() {
        ref.stop(TIMEOUT);

        assertThrows(ActorDeadException.class, () -> calculator.add(1, 2).get(TIMEOUT));
    }

    @Test
    void voidCallToAStoppedActorThrowsActorDeadException() {
        ref.stop(TIMEOUT);

        assertThrows(ActorDeadException.class, () -> calculator.add(1));
    }

    @Test
    void blockingCallToAStoppedActorThrowsActorDeadException() {
        ref.stop(TIMEOUT);

        assertThrows(ActorDeadException.class, () -> calculator.sub(1, 2));
    }

    interface Adding {
        int add(int a, int b);
    }

    interface AddingAndMore extends Adding {
        static AddingAndMore of(ActorRef<?> ref) {
            return ActorProxy.of(ref, AddingAndMore.class);
        }

        String describe(int value);

        String unit();
    }

    @Test
    void methodsOfSuperinterfacesAreMapped() {
        assertEquals(7, AddingAndMore.of(ref).add(3, 4));
    }

    @Test
    void staticInterfaceMethodsAreNotMapped() {
        AddingAndMore proxy = AddingAndMore.of(ref); // of(ActorRef) is no actor method, and needs none

        assertTrue(proxy instanceof Adding);
    }

    @Test
    void publicStaticActorMembersAreReachable() {
        AddingAndMore proxy = AddingAndMore.of(ref);

        assertEquals("value 3", proxy.describe(3));
        assertEquals("none", proxy.unit());
    }

    @Test
    void proxyIsCreatedInTheInterfacesClassLoader() {
        assertSame(CalculatorProxy.class.getClassLoader(), calculator.getClass().getClassLoader());
        assertTrue(calculator instanceof CalculatorProxy);
    }
}
