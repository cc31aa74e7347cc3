package org.jykka.example.calculator.client;

import org.jykka.example.calculator.Calculator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * A Declarative Services component that uses the calculator actor as an ordinary service: it knows
 * nothing of actors. Service Component Runtime activates it once a {@link Calculator} is published
 * (deploy {@code calculator.jar}), and deactivates it when that service goes away.
 */
@Component(immediate = true)
public class CalculatorClient {

    @Reference
    private Calculator calculator;

    @Activate
    void activate() {
        System.out.println("calculator-client: 2 + 3 = " + calculator.add(2, 3));
        System.out.println("calculator-client: 7 - 10 = " + calculator.subtract(7, 10));
        // The asynchronous call returns at once; the actor answers in its own thread.
        calculator.multiply(6, 7).thenAccept(product ->
                System.out.println("calculator-client: 6 * 7 = " + product));
    }

    @Deactivate
    void deactivate() {
        System.out.println("calculator-client: the calculator is gone, so am I");
    }
}
