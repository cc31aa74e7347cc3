package org.jykka.proxy;

import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jykka.Actor;
import org.jykka.testkit.Runtimes;

/** An actor of variable arity methods and of overloads that only conversions tell apart. */
public class Tally extends Actor implements Supplier<String> {
    public Tally(Runtimes runtime) {
        super(runtime.runtime);
    }

    public int sum(int... values) {
        return Arrays.stream(values).sum();
    }

    public String join(String... parts) {
        return String.join(",", parts);
    }

    public int count(Object... items) {
        return items.length;
    }

    public String label(String prefix, long... values) {
        return prefix + Arrays.stream(values).mapToObj(Long::toString).collect(Collectors.joining("+"));
    }

    /** Supplier's get: javac adds a bridge {@code Object get()} beside it. */
    @Override
    public String get() {
        return "supplied";
    }

    public String widen(long value) {
        return "long " + value;
    }

    public String widen(double value) {
        return "double " + value;
    }

    public String box(long value) {
        return "long";
    }

    public String box(Integer value) {
        return "Integer";
    }

    public String number(Object value) {
        return "Object";
    }

    public String number(Number value) {
        return "Number";
    }

    public String arity(int value) {
        return "fixed";
    }

    public String arity(int... values) {
        return "varargs";
    }

    public String pick(Object value) {
        return "Object";
    }

    public String pick(String value) {
        return "String";
    }

    public String pair(long a, double b) {
        return "long, double";
    }

    public String pair(double a, long b) {
        return "double, long";
    }
}
