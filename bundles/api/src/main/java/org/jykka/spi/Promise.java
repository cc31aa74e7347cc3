package org.jykka.spi;

import org.jykka.ActorFuture;

/**
 * A future that its maker completes: what an {@link ActorRuntime} hands the loop for each answer.
 * It completes once; completing it again is an {@link IllegalStateException}.
 */
public interface Promise<T> extends ActorFuture<T> {

    /** Completes the future with a value. */
    void set(T value);

    /** Completes the future with a failure, which {@link ActorFuture#get()} rethrows. */
    void setException(Throwable failure);
}
