package org.jykka.testremote.api;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A plugin actor's typed service, exported from one container and called from another. */
public interface Counter {
    int add(int a, int b);

    void record(String text);

    List<String> recorded();

    CompletableFuture<Point> move(Point point, int dx);

    /** Fails inside the actor with an IllegalStateException saying {@code why}. */
    String fail(String why);

    /** Fails inside the actor, where nobody waits: the actor restarts. */
    void crash();

    /** How many instances of the actor have started in its container. */
    int starts();

    String describe(Object value);

    /** Cannot cross: a CompletionStage result is not serialisable. */
    CompletionStage<Integer> later(int value);
}
