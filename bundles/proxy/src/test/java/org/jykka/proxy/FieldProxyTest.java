package org.jykka.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.jykka.Actor;
import org.jykka.ActorFuture;
import org.jykka.ActorRef;
import org.jykka.testkit.EachRuntimeTestSupport;
import org.jykka.testkit.Runtimes;
import org.junit.jupiter.api.Test;

class FieldProxyTest extends EachRuntimeTestSupport {
    FieldProxyTest(Runtimes runtime) {
        super(runtime);
    }


    interface Fields {
        int lastResult();

        ActorFuture<String> getLabel();

        void setLabel(String label);

        void lastResult(int value);

        ActorFuture<Void> memory(Integer value);

        Integer memory();

        int id();

        int twice();

        void add(int a);
    }

    private final ActorRef<Calculator> ref = Actor.start(new Calculator(runtime));
    private final Fields fields = ActorProxy.of(ref, Fields.class);

    @Test
    void noArgumentMethodNamedAfterAFieldReadsIt() {
        ref.call(actor -> actor.lastResult = 42).get(TIMEOUT);

        assertEquals(42, fields.lastResult());
    }

    @Test
    void getterReadsTheFieldItNames() {
        assertEquals("calculator", fields.getLabel().get(TIMEOUT));
    }

    @Test
    void finalFieldsCanBeRead() {
        assertEquals(7, fields.id());
    }

    @Test
    void setterWritesTheFieldItNames() {
        fields.setLabel("abacus");

        assertEquals("abacus", ref.call(actor -> actor.label).get(TIMEOUT));
    }

    @Test
    void oneArgumentMethodNamedAfterAFieldWritesIt() {
        fields.lastResult(17);

        assertEquals(17, ref.call(actor -> actor.lastResult).get(TIMEOUT));
    }

    @Test
    void voidWriteThenReadSeesTheWrittenValue() {
        fields.lastResult(17);
        fields.add(3);

        assertEquals(20, fields.lastResult());
    }

    @Test
    void writeReturningActorFutureOfVoidCompletesOnceWritten() {
        assertNull(ref.call(actor -> actor.memory).get(TIMEOUT));

        fields.memory(9).get(TIMEOUT);

        assertEquals(9, ref.call(actor -> actor.memory).get(TIMEOUT));
    }

    @Test
    void methodOfTheAccessorsNameWinsOverTheField() {
        ref.call(actor -> actor.twice = 5).get(TIMEOUT);

        assertEquals(10, fields.twice());
    }
}
