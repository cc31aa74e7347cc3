package org.jykka.example.calculator;

import java.util.concurrent.CompletionStage;

/**
 * A calculator service. The calculator bundle publishes its actor under this interface through a
 * typed proxy, so every call runs inside the actor, one at a time, in the order made.
 *
 * <p>The return type chooses how a call behaves: a plain value blocks until the actor has answered
 * (and rethrows its exception); a {@link CompletionStage} returns at once.
 */
public interface Calculator {

    /** {@code a + b}; blocks until the actor answers. */
    int add(int a, int b);

    /** {@code a - b}; blocks until the actor answers. */
    int subtract(int a, int b);

    /** {@code a * b}, answered asynchronously by the actor. */
    CompletionStage<Integer> multiply(int a, int b);

    /** How many calculations the actor has done since it started; blocks until it answers. */
    int calculations();
}
