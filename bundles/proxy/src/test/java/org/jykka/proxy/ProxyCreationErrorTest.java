package org.jykka.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jykka.Actor;
import org.jykka.ActorDeadException;
import org.jykka.ActorFuture;
import org.jykka.ActorRef;
import org.jykka.testkit.EachRuntimeTestSupport;
import org.jykka.testkit.Runtimes;
import org.junit.jupiter.api.Test;

class ProxyCreationErrorTest extends EachRuntimeTestSupport {
    ProxyCreationErrorTest(Runtimes runtime) {
        super(runtime);
    }


    private final ActorRef<Calculator> ref = Actor.start(new Calculator(runtime));

    private static String unmappable(ActorRef<?> ref, Class<?> type) {
        return assertThrows(IllegalArgumentException.class, () -> ActorProxy.of(ref, type)).getMessage();
    }

    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "expected «" + part + "» in:\n" + message);
        }
    }

    @Test
    void classInsteadOfAnInterfaceIsIllegalArgument() {
        String message = unmappable(ref, Calculator.class);

        assertContains(message, Calculator.class.getName(), "is not an interface");
    }

    @Test
    void annotationTypeIsIllegalArgument() {
        assertContains(unmappable(ref, Traversable.class), "is not an interface");
    }

    @Test
    void everyUnmappableMethodIsNamed() {
        interface ThreeWrong {
            int multiply(int a, int b);

            void divide(int a);

            int add(int a, int b);

            String square(double x);
        }

        String message = unmappable(ref, ThreeWrong.class);

        assertContains(message, "3 methods cannot", "ThreeWrong.multiply(int, int)", "ThreeWrong.divide(int)",
                "ThreeWrong.square(double)", "Calculator has no public method multiply(int, int)");
        assertTrue(!message.contains("add("), message);
    }

    @Test
    void parametersMustMatchExactly() {
        interface WrongParameters {
            int add(long a, long b);
        }

        assertContains(unmappable(ref, WrongParameters.class), "no public method add(long, long)");
    }

    @Test
    void returnTypeThatDoesNotFitIsNamed() {
        interface WrongReturn {
            ActorFuture<String> add(int a, int b);
        }

        assertContains(unmappable(ref, WrongReturn.class), "add(int, int) returns int, which does not fit ActorFuture<String>");
    }

    @Test
    void primitiveReturnForABoxedResultIsUnmappable() {
        interface Unboxing {
            int memory();
        }

        assertContains(unmappable(ref, Unboxing.class), "memory()", "returns Integer");
    }

    @Test
    void fieldReadOfTheWrongTypeIsNamed() {
        interface WrongRead {
            ActorFuture<Integer> label();
        }

        assertContains(unmappable(ref, WrongRead.class), "reads the field Calculator.label (String)");
    }

    @Test
    void fieldReadReturningVoidIsUnmappable() {
        interface VoidRead {
            void label();
        }

        assertContains(unmappable(ref, VoidRead.class), "must return the value or a future of it, not void");
    }

    @Test
    void fieldWriteOfTheWrongTypeIsNamed() {
        interface WrongWrite {
            void setLabel(int label);
        }

        assertContains(unmappable(ref, WrongWrite.class), "writes the field Calculator.label (String), which cannot take int");
    }

    @Test
    void fieldWriteReturningAValueIsUnmappable() {
        interface BlockingWrite {
            int lastResult(int value);
        }

        assertContains(unmappable(ref, BlockingWrite.class), "must return void (fire and forget) or a future of Void");
    }

    @Test
    void finalFieldCannotBeWritten() {
        interface FinalWrite {
            void id(int value);
        }

        assertContains(unmappable(ref, FinalWrite.class), "Calculator.id (int), which is final");
    }

    @Test
    void nonPublicMethodsAreNeverReachable() {
        interface Hidden {
            int packagePrivateMethod();

            int privateMethod();
        }

        assertContains(unmappable(ref, Hidden.class), "Calculator.packagePrivateMethod() is not public",
                "Calculator.privateMethod() is not public");
    }

    @Test
    void nonPublicFieldsAreNeverReachable() {
        interface Hidden {
            int packagePrivateField();

            void setPrivateField(int value);
        }

        assertContains(unmappable(ref, Hidden.class), "Calculator.packagePrivateField is not public",
                "Calculator.privateField is not public");
    }

    @Test
    void protectedActorHooksAreNeverReachable() {
        interface Hooks {
            Object onReceive(Object message);
        }

        assertContains(unmappable(ref, Hooks.class), "Actor.onReceive(Object) is not public");
    }

    @Test
    void traversableMemberMustReturnAnInterface() {
        interface Leaky {
            Player.Playback playback();

            ActorFuture<List<String>> queue();
        }
        ActorRef<Player> player = Actor.start(new Player(runtime));

        String message = unmappable(player, Leaky.class);

        assertContains(message, "Player.playback is @Traversable, so it must return an interface for the nested proxy,"
                + " not Player$Playback", "Player.queue is @Traversable", "not ActorFuture<List<String>>");
    }

    @Test
    void unmappableMethodOfANestedInterfaceIsNamedWithItsPath() {
        interface Inner {
            VolumeKnob volume();
        }
        interface Outer {
            Inner playback();
        }
        ActorRef<Player> player = Actor.start(new Player(runtime));

        String message = unmappable(player, Outer.class);

        assertContains(message, "Outer.playback() → Inner.volume() → VolumeKnob.turn(int): Volume has no public method turn(int)");
    }

    interface VolumeKnob {
        void turn(int steps);
    }

    @Test
    void failedMappingFailsEveryCreationWithAFreshException() {
        interface Wrong {
            void nothingLikeThis();
        }

        IllegalArgumentException first = assertThrows(IllegalArgumentException.class, () -> ActorProxy.of(ref, Wrong.class));
        IllegalArgumentException second = assertThrows(IllegalArgumentException.class, () -> ActorProxy.of(ref, Wrong.class));

        assertNotSame(first, second);
        assertEquals(first.getMessage(), second.getMessage());
    }

    @Test
    void typedProxyOfADeadActorIsActorDeadException() {
        ref.stop(TIMEOUT);

        assertThrows(ActorDeadException.class, () -> ActorProxy.of(ref, TypedProxyTest.CalculatorProxy.class));
    }

    @Test
    void dynamicProxyOfADeadActorIsActorDeadException() {
        ref.stop(TIMEOUT);

        assertThrows(ActorDeadException.class, () -> ActorProxy.of(ref));
    }

    @Test
    void nullReferenceIsNullPointerException() {
        assertThrows(NullPointerException.class, () -> ActorProxy.of(null, TypedProxyTest.CalculatorProxy.class));
        assertThrows(NullPointerException.class, () -> ActorProxy.of(null));
    }

    @Test
    void nullTypeIsNullPointerException() {
        assertThrows(NullPointerException.class, () -> ActorProxy.of(ref, null));
    }
}
