package org.jykka.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jykka.Actor;
import org.jykka.ActorDeadException;
import org.jykka.ActorException;
import org.jykka.ActorFuture;
import org.jykka.ActorRef;
import org.jykka.testkit.EachRuntimeTestSupport;
import org.jykka.testkit.Runtimes;
import org.junit.jupiter.api.Test;

class DynamicProxyTest extends EachRuntimeTestSupport {
    DynamicProxyTest(Runtimes runtime) {
        super(runtime);
    }


    private final ActorRef<Calculator> ref = Actor.start(new Calculator(runtime));
    private final ActorProxy.Dynamic calculator = ActorProxy.of(ref);

    /** The failure of {@code future}, which must fail with {@code type}. */
    private static <T extends Throwable> T failure(Class<T> type, ActorFuture<?> future) {
        return assertThrows(type, () -> future.get(TIMEOUT));
    }

    private static void assertContains(String message, String part) {
        assertTrue(message.contains(part), () -> "expected «" + part + "» in: " + message);
    }

    @Test
    void callReturnsAFutureOfTheResult() {
        assertEquals(4, calculator.call("add", 1, 3).get(TIMEOUT));
    }

    @Test
    void callPicksTheOverloadThatTakesTheArguments() {
        calculator.call("add", 1, 3);

        assertEquals(9, calculator.call("add", 5).get(TIMEOUT));
    }

    @Test
    void callWidensPrimitiveArgumentsAsReflectionDoes() {
        assertEquals(8L, calculator.call("widen", 4).get(TIMEOUT));
    }

    @Test
    void callOfAVoidMethodGivesNull() {
        assertNull(calculator.call("reset").get(TIMEOUT));
    }

    @Test
    void callsRunInTheActorsThread() {
        Object thread = calculator.call("currentThread").get(TIMEOUT);

        assertNotSame(Thread.currentThread(), thread);
        if (runtime.ownThread) { // a runtime without a thread per actor promises only "never the caller's"
            assertSame(ref.call(actor -> actor.startThread).get(TIMEOUT), thread);
        }
    }

    @Test
    void getReadsAPublicField() {
        assertEquals("calculator", calculator.get("label").get(TIMEOUT));
    }

    @Test
    void setThenGetSeesTheWrittenValue() {
        calculator.set("lastResult", 17);

        assertEquals(17, calculator.get("lastResult").get(TIMEOUT));
    }

    @Test
    void setCompletesOnceWritten() {
        calculator.set("label", "abacus").get(TIMEOUT);

        assertEquals("abacus", ref.call(actor -> actor.label).get(TIMEOUT));
    }

    @Test
    void traverseReachesMembersTwoLevelsDeep() {
        ActorRef<Player> player = Actor.start(new Player(runtime));
        ActorProxy.Dynamic volume = ActorProxy.of(player).traverse("playback").traverse("volume");

        assertEquals(6, volume.call("up").get(TIMEOUT));
        assertEquals(6, volume.get("level").get(TIMEOUT));
    }

    @Test
    void traverseReachesATraversableMethodsResult() {
        ActorRef<Player> player = Actor.start(new Player(runtime));

        assertEquals(3, ActorProxy.of(player).traverse("mixer").call("addChannel").get(TIMEOUT));
    }

    @Test
    void actorsRuntimeExceptionFailsTheFutureAsTheSameInstance() {
        IllegalStateException thrown = failure(IllegalStateException.class, calculator.call("fail", "boom"));

        assertSame(ref.call(actor -> actor.lastThrown).get(TIMEOUT), thrown);
    }

    @Test
    void actorsCheckedExceptionIsWrappedAsGetDoes() {
        ActorException thrown = failure(ActorException.class, calculator.call("failChecked"));

        assertEquals("disk full", thrown.getCause().getMessage());
    }

    @Test
    void unknownMethodFailsTheFuture() {
        assertContains(failure(IllegalArgumentException.class, calculator.call("multiply", 2, 3)).getMessage(),
                "Calculator has no public method multiply");
    }

    @Test
    void argumentsThatFitNoOverloadFailTheFuture() {
        String message = failure(IllegalArgumentException.class, calculator.call("add", "one", "two")).getMessage();

        assertContains(message, "takes the arguments (String, String)");
        assertContains(message, "add(int, int)");
    }

    @Test
    void nullArgumentForAPrimitiveParameterFailsTheFuture() {
        failure(IllegalArgumentException.class, calculator.call("add", (Object) null));
    }

    @Test
    void nonPublicMethodIsNeverReachable() {
        failure(IllegalArgumentException.class, calculator.call("packagePrivateMethod"));
    }

    @Test
    void protectedActorHookIsNeverReachable() {
        failure(IllegalArgumentException.class, calculator.call("onReceive", "message"));
    }

    @Test
    void unknownFieldFailsTheFuture() {
        assertContains(failure(IllegalArgumentException.class, calculator.get("privateField")).getMessage(),
                "Calculator has no public field privateField");
    }

    @Test
    void settingAValueOfTheWrongTypeFailsTheFuture() {
        assertContains(failure(IllegalArgumentException.class, calculator.set("lastResult", "many")).getMessage(),
                "Calculator.lastResult is int and cannot take a String");
    }

    @Test
    void settingAFinalFieldFailsTheFuture() {
        assertContains(failure(IllegalArgumentException.class, calculator.set("id", 8)).getMessage(), "is final");
    }

    @Test
    void traversingAMemberThatIsNotTraversableFailsTheFuture() {
        assertContains(failure(IllegalArgumentException.class, calculator.traverse("label").get("length")).getMessage(),
                "Calculator.label is not @Traversable");
    }

    @Test
    void gettingATraversableMemberFailsTheFuture() {
        ActorRef<Player> player = Actor.start(new Player(runtime));

        assertContains(failure(IllegalArgumentException.class, ActorProxy.of(player).get("playback")).getMessage(),
                "use traverse(\"playback\")");
    }

    @Test
    void traversingAMemberHoldingNullFailsTheFuture() {
        ActorRef<Player> player = Actor.start(new Player(runtime));

        assertEquals("The traversable member nothing of " + player + " is null: there is no object to call",
                failure(IllegalStateException.class, ActorProxy.of(player).traverse("nothing").call("play")).getMessage());
    }

    @Test
    void errorsInsideTheActorLeaveItRunning() {
        failure(IllegalArgumentException.class, calculator.call("multiply", 2, 3));

        assertEquals(5, calculator.call("add", 2, 3).get(TIMEOUT));
    }

    @Test
    void callToAStoppedActorFailsWithActorDeadException() {
        ref.stop(TIMEOUT);

        failure(ActorDeadException.class, calculator.call("add", 1, 2));
    }

    @Test
    void nullNamesAreNullPointerExceptions() {
        assertThrows(NullPointerException.class, () -> calculator.call(null));
        assertThrows(NullPointerException.class, () -> calculator.get(null));
        assertThrows(NullPointerException.class, () -> calculator.set(null, 1));
        assertThrows(NullPointerException.class, () -> calculator.traverse(null));
    }

    @Test
    void nullArgumentArrayIsANullPointerException() {
        assertThrows(NullPointerException.class, () -> calculator.call("add", (Object[]) null));
    }

    @Test
    void traverseReturnsAtOnceWithoutAskingTheActor() {
        ActorProxy.Dynamic nested = calculator.traverse("anything");

        assertInstanceOf(ActorProxy.Dynamic.class, nested);
        assertEquals(0, ref.inboxSize());
    }
}
