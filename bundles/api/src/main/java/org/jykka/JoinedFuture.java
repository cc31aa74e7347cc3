package org.jykka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.jykka.spi.Completion;

/** The futures of {@link ActorFuture#join}: one deadline for all, values in the order given. */
final class JoinedFuture<T> implements ActorFuture<List<T>> {
    private final List<? extends ActorFuture<? extends T>> futures;

    JoinedFuture(List<? extends ActorFuture<? extends T>> futures) {
        this.futures = futures;
    }

    /** An immutable copy, with a {@code null} list or element named in the exception. */
    static <T> List<ActorFuture<? extends T>> copyOf(Collection<? extends ActorFuture<? extends T>> futures) {
        Objects.requireNonNull(futures, "futures");
        List<ActorFuture<? extends T>> copy = new ArrayList<>(futures.size());
        for (ActorFuture<? extends T> future : futures) {
            if (future == null) {
                throw new NullPointerException("futures[" + copy.size() + "] is null: every element must be a future");
            }
            copy.add(future);
        }
        return List.copyOf(copy);
    }

    @Override
    public List<T> get() {
        List<T> values = new ArrayList<>(futures.size());
        for (ActorFuture<? extends T> future : futures) {
            values.add(future.get());
        }
        return values;
    }

    @Override
    public List<T> get(Duration timeout) {
        long deadline = Completion.deadline(timeout);
        List<T> values = new ArrayList<>(futures.size());
        for (ActorFuture<? extends T> future : futures) {
            values.add(future.get(Completion.remaining(deadline)));
        }
        return values;
    }

    @Override
    public boolean isDone() {
        for (ActorFuture<? extends T> future : futures) {
            if (!future.isDone()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public CompletableFuture<List<T>> toCompletableFuture() {
        List<CompletableFuture<? extends T>> each = new ArrayList<>(futures.size());
        for (ActorFuture<? extends T> future : futures) {
            each.add(future.toCompletableFuture());
        }
        return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<T> values = new ArrayList<>(each.size());
            for (CompletableFuture<? extends T> future : each) {
                values.add(future.join());
            }
            return values;
        });
    }

    @Override
    public String toString() {
        return "ActorFuture.join(" + futures.size() + " futures)";
    }
}
