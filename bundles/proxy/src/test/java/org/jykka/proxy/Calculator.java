package org.jykka.proxy;

import java.io.IOException;
import org.jykka.Actor;
import org.jykka.testkit.Runtimes;

/** Pykka's calculator, with a few more members for the error cases. */
public class Calculator extends Actor {
    public Calculator(Runtimes runtime) {
        super(runtime.runtime);
    }

    public int lastResult;
    public Integer memory;
    public String label = "calculator";
    public final int id = 7;
    public volatile Thread startThread;
    public volatile RuntimeException lastThrown;
    int packagePrivateField;
    private int privateField;

    @Override
    protected void onStart() {
        startThread = Thread.currentThread();
    }

    public int add(int a, int b) {
        return lastResult = a + b;
    }

    public int add(int a) {
        return lastResult += a;
    }

    public int sub(int a, int b) {
        return lastResult = a - b;
    }

    public int sub(int a) {
        return lastResult -= a;
    }

    public long widen(long value) {
        return value * 2;
    }

    public int twice;
    public static String unit = "none";

    public static String describe(int value) {
        return "value " + value;
    }

    public int twice() {
        return twice * 2;
    }

    public Integer memory() {
        return memory;
    }

    public void reset() {
        lastResult = 0;
    }

    public Thread currentThread() {
        return Thread.currentThread();
    }

    public int fail(String message) {
        lastThrown = new IllegalStateException(message);
        throw lastThrown;
    }

    public void failSilently(String message) {
        throw new IllegalStateException(message);
    }

    public int failChecked() throws IOException {
        throw new IOException("disk full");
    }

    public CharSequence text() {
        return "plain text";
    }

    int packagePrivateMethod() {
        return privateField;
    }

    private int privateMethod() {
        return privateField;
    }
}
