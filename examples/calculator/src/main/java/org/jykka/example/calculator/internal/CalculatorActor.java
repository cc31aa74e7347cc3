package org.jykka.example.calculator.internal;

import org.jykka.example.calculator.Calculator;
import org.jykka.osgi.PluginActor;
import org.jykka.threading.ThreadingActor;

/**
 * Pykka's calculator as a plugin actor, published as a {@link Calculator} service. It does not
 * implement the interface: the typed proxy maps each interface method to the public method of the
 * same name and parameters, and runs it inside this actor, so the counter needs no lock.
 */
@PluginActor(name = "calculator", services = Calculator.class)
public class CalculatorActor extends ThreadingActor {

    private int calculations;

    public int add(int a, int b) {
        calculations++;
        return a + b;
    }

    public int subtract(int a, int b) {
        calculations++;
        return a - b;
    }

    public int multiply(int a, int b) {
        calculations++;
        return a * b;
    }

    public int calculations() {
        return calculations;
    }

    /** Answers a shell {@code ask} such as {@code "2 + 3"}; anything else is explained, not failed. */
    @Override
    protected Object onReceive(Object message) {
        String[] parts = message.toString().trim().split("\\s+");
        if (parts.length == 3) {
            try {
                int a = Integer.parseInt(parts[0]);
                int b = Integer.parseInt(parts[2]);
                switch (parts[1]) {
                    case "+": return add(a, b);
                    case "-": return subtract(a, b);
                    case "*": return multiply(a, b);
                    default: break;
                }
            } catch (NumberFormatException e) {
                // fall through to the explanation below
            }
        }
        return "send \"<int> <+|-|*> <int>\", e.g. \"2 + 3\"";
    }
}
