package org.jykka.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.jykka.Actor;
import org.jykka.ActorFuture;
import org.jykka.ActorRef;
import org.jykka.testkit.ActorTestSupport;
import org.jykka.threading.ThreadingActor;
import org.junit.jupiter.api.Test;

/** The README's quick start, as written there: if this fails, the README is wrong. */
class ReadmeExamplesTest extends ActorTestSupport {

    static class Greeter extends ThreadingActor {
        private final String greeting;

        Greeter(String greeting) {
            this.greeting = greeting;
        }

        @Override
        protected Object onReceive(Object message) {
            System.out.println(greeting);
            return "Hi there!";
        }
    }

    public static class Calculator extends ThreadingActor {
        public Integer lastResult;

        public int add(int a, int b) {
            lastResult = a + b;
            return lastResult;
        }

        public int add(int a) {
            lastResult += a;
            return lastResult;
        }

        public int sub(int a) {
            lastResult -= a;
            return lastResult;
        }
    }

    public interface CalculatorProxy {
        ActorFuture<Integer> add(int a, int b);

        void add(int a);

        void sub(int a);

        Integer lastResult();

        void lastResult(Integer value);
    }

    @Test
    void greeterAnswersAndStops() {
        ActorRef<Greeter> greeter = Actor.start(new Greeter("Hi you!"));
        greeter.tell("Hi!");
        Object answer = greeter.ask("Hi?").get();
        Object soon = greeter.ask("Hi?").get(Duration.ofSeconds(3));
        assertEquals("Hi there!", answer);
        assertEquals("Hi there!", soon);
        assertEquals(7, greeter.call(g -> g.greeting.length()).get(TIMEOUT));
        greeter.stop();
    }

    @Test
    void calculatorProxyWorksAsTheReadmeSays() {
        CalculatorProxy calculator = ActorProxy.of(Actor.start(new Calculator()), CalculatorProxy.class);
        assertEquals(4, calculator.add(1, 3).get());
        calculator.sub(5);
        calculator.add(3);
        assertEquals(2, calculator.lastResult());
        calculator.lastResult(17);
        assertEquals(17, calculator.lastResult());
    }
}
