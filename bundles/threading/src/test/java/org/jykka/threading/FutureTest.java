package org.jykka.threading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jykka.Actor;
import org.jykka.ActorException;
import org.jykka.ActorFuture;
import org.jykka.ActorRef;
import org.jykka.ActorTimeoutException;
import org.jykka.testkit.ActorTestSupport;
import org.jykka.testkit.EachRuntime;
import org.jykka.testkit.Runtimes;
import org.jykka.testkit.TestActor;
import org.junit.jupiter.api.Test;

class FutureTest extends ActorTestSupport {

    private static <T> ThreadingFuture<T> done(T value) {
        ThreadingFuture<T> future = new ThreadingFuture<>();
        future.set(value);
        return future;
    }

    @Test
    void getReturnsTheValueAndKeepsIt() {
        ThreadingFuture<String> future = new ThreadingFuture<>();
        assertFalse(future.isDone());
        future.set("value");
        assertTrue(future.isDone());
        assertEquals("value", future.get());
        assertEquals("value", future.get(Duration.ZERO));
        assertEquals("value", future.get(Duration.ofSeconds(1)));
    }

    @Test
    void getWithTimeoutThrowsActorTimeoutException() {
        ThreadingFuture<String> future = new ThreadingFuture<>();
        assertThrows(ActorTimeoutException.class, () -> future.get(Duration.ofMillis(20)));
    }

    @Test
    void zeroTimeoutTakesOnlyAValueAlreadyThere() {
        ThreadingFuture<String> future = new ThreadingFuture<>();
        assertThrows(ActorTimeoutException.class, () -> future.get(Duration.ZERO));
    }

    @Test
    void negativeTimeoutIsAnIllegalArgumentException() {
        ThreadingFuture<String> future = done("x");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> future.get(Duration.ofMillis(-1)));
        assertTrue(e.getMessage().contains("negative"), e.getMessage());
    }

    @Test
    void hugeTimeoutWaitsAsLongAsItTakes() {
        assertEquals("x", done("x").get(Duration.ofSeconds(Long.MAX_VALUE)));
    }

    @Test
    void interruptedWaitRestoresTheFlagAndThrowsUnchecked() {
        ThreadingFuture<String> future = new ThreadingFuture<>();
        Thread.currentThread().interrupt();
        try {
            ActorException e = assertThrows(ActorException.class, () -> future.get(Duration.ofSeconds(10)));
            assertInstanceOf(InterruptedException.class, e.getCause());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void runtimeExceptionIsRethrownAsTheSameInstanceWithTheCallersStackSuppressed() {
        ThreadingFuture<String> future = new ThreadingFuture<>();
        IllegalStateException failure = new IllegalStateException("in the actor");
        future.setException(failure);
        IllegalStateException thrown = assertThrows(IllegalStateException.class, future::get);
        assertSame(failure, thrown);
        StackTraceElement[] waited = thrown.getSuppressed()[0].getStackTrace();
        assertTrue(List.of(waited).stream().anyMatch(e -> e.getClassName().equals(FutureTest.class.getName())),
                "the suppressed exception carries the waiting caller's stack");
    }

    @Test
    void errorIsRethrownAsTheSameInstance() {
        ThreadingFuture<String> future = new ThreadingFuture<>();
        OutOfMemoryError error = new OutOfMemoryError("pretend");
        future.setException(error);
        assertSame(error, assertThrows(OutOfMemoryError.class, () -> future.get(Duration.ofSeconds(1))));
    }

    @Test
    void checkedExceptionIsWrappedInActorException() {
        ThreadingFuture<String> future = new ThreadingFuture<>();
        IOException failure = new IOException("io");
        future.setException(failure);
        assertSame(failure, assertThrows(ActorException.class, future::get).getCause());
    }

    @Test
    void completingTwiceIsAnIllegalStateException() {
        ThreadingFuture<String> future = done("once");
        assertThrows(IllegalStateException.class, () -> future.set("twice"));
        assertThrows(IllegalStateException.class, () -> future.setException(new RuntimeException()));
        assertEquals("once", future.get());
    }

    @Test
    void mapAppliesTheFunctionOnceAndKeepsTheResult() {
        AtomicInteger calls = new AtomicInteger();
        ActorFuture<Integer> mapped = done(20).map(v -> {
            calls.incrementAndGet();
            return v + 1;
        });
        assertEquals(21, mapped.get());
        assertEquals(21, mapped.get(Duration.ZERO));
        assertEquals(1, calls.get());
    }

    @Test
    void mapIsLazyAndKeepsTheSourcesTimeoutBehaviour() {
        ThreadingFuture<Integer> source = new ThreadingFuture<>();
        AtomicInteger calls = new AtomicInteger();
        ActorFuture<Integer> mapped = source.map(v -> calls.incrementAndGet() + v);
        assertFalse(mapped.isDone());
        assertThrows(ActorTimeoutException.class, () -> mapped.get(Duration.ofMillis(10)));
        assertEquals(0, calls.get());
        source.set(10);
        assertTrue(mapped.isDone());
        assertEquals(11, mapped.get(Duration.ofMillis(10)));
    }

    @Test
    void mapFunctionFailureIsKeptAndRethrown() {
        AtomicInteger calls = new AtomicInteger();
        ActorFuture<Object> mapped = done(1).map(v -> {
            calls.incrementAndGet();
            throw new IllegalArgumentException("bad");
        });
        IllegalArgumentException first = assertThrows(IllegalArgumentException.class, mapped::get);
        assertSame(first, assertThrows(IllegalArgumentException.class, mapped::get));
        assertEquals(1, calls.get());
    }

    @Test
    void mapOfAFailedFuturePassesTheFailureOn() {
        ThreadingFuture<Integer> source = new ThreadingFuture<>();
        IllegalStateException failure = new IllegalStateException("source");
        source.setException(failure);
        assertSame(failure, assertThrows(IllegalStateException.class, () -> source.map(v -> v + 1).get()));
    }

    @Test
    void filterKeepsMatchingElementsInOrder() {
        ActorFuture<List<Integer>> evens = done(List.of(1, 2, 3, 4, 5, 6)).filter((Integer v) -> v % 2 == 0);
        assertEquals(List.of(2, 4, 6), evens.get());
    }

    @Test
    void filterOfANonIterableFailsNamingItsType() {
        ActorFuture<List<Object>> filtered = done(42).filter(v -> true);
        IllegalStateException e = assertThrows(IllegalStateException.class, filtered::get);
        assertTrue(e.getMessage().contains("java.lang.Integer"), e.getMessage());
    }

    @Test
    void reduceCombinesFromFirstToLast() {
        ActorFuture<String> joined = done(List.of("a", "b", "c")).reduce((String x, String y) -> x + y);
        assertEquals("abc", joined.get());
        assertEquals(7, done(List.of(7)).<Integer>reduce(Integer::sum).get());
    }

    @Test
    void reduceOfAnEmptyIterableWithoutInitialIsNoSuchElement() {
        ActorFuture<Integer> sum = done(List.<Integer>of()).reduce(Integer::sum);
        assertThrows(NoSuchElementException.class, sum::get);
    }

    @Test
    void theTypedFilterAndReducesTakeOnlyFuturesOfIterablesAndWorkAsTheirUntypedForms() {
        ActorFuture<List<Integer>> numbers = done(List.of(1, 2, 3, 4));
        // ActorFuture.filter(done(42), ...) does not compile: the element type is checked.
        assertEquals(List.of(2, 4), ActorFuture.filter(numbers, n -> n % 2 == 0).get());
        assertEquals(10, ActorFuture.reduce(numbers, Integer::sum).get());
        assertEquals(">1234", ActorFuture.reduce(numbers, (String acc, Integer n) -> acc + n, ">").get());
        assertThrows(NoSuchElementException.class, () -> ActorFuture.reduce(done(List.<Integer>of()), Integer::sum).get());
        assertEquals("init", ActorFuture.reduce(done(List.<Integer>of()), (String acc, Integer n) -> acc + n, "init").get());
    }

    @Test
    void theTypedFormsNameTheirNullArguments() {
        ActorFuture<List<Integer>> numbers = done(List.of(1));
        assertEquals("future", assertThrows(NullPointerException.class,
                () -> ActorFuture.filter((ActorFuture<List<Integer>>) null, n -> true)).getMessage());
        assertEquals("predicate", assertThrows(NullPointerException.class,
                () -> ActorFuture.filter(numbers, null)).getMessage());
        assertEquals("function", assertThrows(NullPointerException.class,
                () -> ActorFuture.reduce(numbers, (java.util.function.BinaryOperator<Integer>) null)).getMessage());
    }

    @Test
    void reduceWithInitialFoldsInPykkasArgumentOrder() {
        ActorFuture<String> folded = done(List.of(1, 2, 3)).reduce((String acc, Integer v) -> acc + v, ">");
        assertEquals(">123", folded.get());
        assertEquals("init", done(List.of()).reduce((String acc, Object v) -> acc + v, "init").get());
    }

    @Test
    void reduceOfANonIterableFails() {
        assertThrows(IllegalStateException.class, () -> done("text").reduce((String a, String b) -> a + b).get());
    }

    @Test
    void joinGivesTheValuesInOrder() {
        ThreadingFuture<Integer> later = new ThreadingFuture<>();
        ActorFuture<List<Integer>> joined = ActorFuture.join(List.of(done(1), later, done(3)));
        assertFalse(joined.isDone());
        assertThrows(ActorTimeoutException.class, () -> joined.get(Duration.ofMillis(10)));
        later.set(2);
        assertTrue(joined.isDone());
        assertEquals(List.of(1, 2, 3), joined.get(Duration.ofSeconds(1)));
    }

    @Test
    void joinOfAFailedFutureFails() {
        ThreadingFuture<Integer> failed = new ThreadingFuture<>();
        failed.setException(new IllegalStateException("one failed"));
        assertThrows(IllegalStateException.class, () -> ActorFuture.join(List.of(done(1), failed)).get());
    }

    @Test
    void joinedFuturesCanBeReduced() {
        ActorFuture<Integer> sum = ActorFuture.join(List.of(done(1), done(2), done(3))).reduce(Integer::sum);
        assertEquals(6, sum.get());
    }

    @Test
    void joinAndGetAllNameTheirNullArguments() {
        List<ActorFuture<String>> withNull = java.util.Arrays.asList(done("a"), null);
        assertEquals("futures", assertThrows(NullPointerException.class, () -> ActorFuture.join(null)).getMessage());
        assertEquals("futures", assertThrows(NullPointerException.class, () -> ActorFuture.getAll(null, TIMEOUT)).getMessage());
        assertEquals("timeout", assertThrows(NullPointerException.class,
                () -> ActorFuture.getAll(List.of(done("a")), null)).getMessage());
        assertTrue(assertThrows(NullPointerException.class, () -> ActorFuture.join(withNull)).getMessage()
                .startsWith("futures[1] is null"));
        assertTrue(assertThrows(NullPointerException.class, () -> ActorFuture.getAll(withNull, TIMEOUT)).getMessage()
                .startsWith("futures[1] is null"));
    }

    @Test
    void aFailureWhoseToStringThrowsIsRethrownAsItselfOnEveryJdk() {
        RuntimeException unprintable = new RuntimeException() {
            @Override
            public String toString() {
                throw new AssertionError("toString of a hostile exception");
            }
        };
        ThreadingFuture<String> future = new ThreadingFuture<>();
        future.setException(unprintable);
        assertSame(unprintable, assertThrows(RuntimeException.class, future::get));
        assertSame(unprintable, assertThrows(RuntimeException.class, () -> future.get(TIMEOUT)));
    }

    @Test
    void getAllReturnsTheValuesInOrder() {
        assertEquals(List.of("a", "b"), ActorFuture.getAll(List.of(done("a"), done("b")), Duration.ofSeconds(1)));
    }

    @Test
    void getAllGivesEachFutureOnlyWhatIsLeftOfOneTimeout() {
        List<Duration> asked = new java.util.ArrayList<>();
        List<ActorFuture<String>> futures = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            futures.add(new TimeoutRecorder(asked));
        }
        assertEquals(java.util.Collections.nCopies(5, "value"), ActorFuture.getAll(futures, Duration.ofSeconds(30)));
        assertEquals(5, asked.size());
        for (int i = 0; i < asked.size(); i++) {
            assertTrue(asked.get(i).compareTo(Duration.ofSeconds(30)) <= 0, "never more than the whole timeout");
            if (i > 0) {
                // each future took at least 2 ms to answer, so what is left shrank by at least that much
                assertTrue(asked.get(i).compareTo(asked.get(i - 1).minusMillis(2)) <= 0, "what is left shrinks: " + asked);
            }
        }
    }

    @Test
    void getAllThrowsActorTimeoutExceptionWhenAFutureIsNotDoneInTime() {
        ThreadingFuture<String> never = new ThreadingFuture<>();
        assertThrows(ActorTimeoutException.class,
                () -> ActorFuture.getAll(List.of(done("a"), never), Duration.ofMillis(20)));
    }

    /** A future that records how long each caller offered to wait, and answers 2 ms later. */
    private static final class TimeoutRecorder implements ActorFuture<String> {
        private final List<Duration> asked;

        TimeoutRecorder(List<Duration> asked) {
            this.asked = asked;
        }

        @Override
        public String get() {
            throw new AssertionError("getAll must pass what is left of its timeout");
        }

        @Override
        public String get(Duration timeout) {
            asked.add(timeout);
            // Answers after 2 ms, like a future that was nearly ready: time that getAll must count.
            long answered = System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(2);
            while (System.nanoTime() - answered < 0) {
                Thread.onSpinWait();
            }
            return "value";
        }

        @Override
        public boolean isDone() {
            return true;
        }

        @Override
        public CompletableFuture<String> toCompletableFuture() {
            return CompletableFuture.completedFuture("value");
        }
    }

    @Test
    void toCompletableFutureCompletesWithTheValueOrFailure() throws Exception {
        ThreadingFuture<String> source = new ThreadingFuture<>();
        CompletableFuture<String> completable = source.toCompletableFuture();
        CompletableFuture<Integer> mapped = source.map(String::length).toCompletableFuture();
        assertFalse(completable.isDone());
        completable.complete("ignored by the source");
        source.set("value");
        assertEquals("value", source.get());
        assertEquals(5, mapped.get(1, TimeUnit.SECONDS));

        ThreadingFuture<String> failing = new ThreadingFuture<>();
        CompletableFuture<String> failed = failing.toCompletableFuture();
        failing.setException(new IllegalStateException("no"));
        ExecutionException e = assertThrows(ExecutionException.class, () -> failed.get(1, TimeUnit.SECONDS));
        assertInstanceOf(IllegalStateException.class, e.getCause());
    }

    @Test
    void joinToCompletableFutureCompletesWithAllValues() throws Exception {
        ThreadingFuture<Integer> later = new ThreadingFuture<>();
        CompletableFuture<List<Integer>> all = ActorFuture.join(List.of(done(1), later)).toCompletableFuture();
        assertFalse(all.isDone());
        later.set(2);
        assertEquals(List.of(1, 2), all.get(1, TimeUnit.SECONDS));
    }

    static class Slow extends TestActor {
        final CountDownLatch release = new CountDownLatch(1);

        Slow(Runtimes runtime) {
            super(runtime);
        }

        @Override
        protected Object onReceive(Object message) throws InterruptedException {
            if (!release.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
            return message;
        }
    }

    @EachRuntime
    void askWithTimeoutThrowsWhenTheActorIsTooSlowThenStillAnswers(Runtimes runtime) {
        Slow slow = new Slow(runtime);
        ActorRef<Slow> ref = Actor.start(slow);
        ActorFuture<Object> answer = ref.ask("late");
        assertThrows(ActorTimeoutException.class, () -> answer.get(Duration.ofMillis(50)));
        slow.release.countDown();
        assertEquals("late", answer.get(TIMEOUT));
    }

    @EachRuntime
    void futuresOfManyActorsCanBeJoined(Runtimes runtime) {
        AtomicReference<ActorRef<?>> any = new AtomicReference<>();
        List<ActorFuture<Object>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ActorRef<MessagingTest.Worker> ref = Actor.start(new MessagingTest.Worker(runtime));
            any.set(ref);
            answers.add(ref.ask(i));
        }
        assertEquals(List.of("got 0", "got 1", "got 2", "got 3", "got 4"), ActorFuture.join(answers).get(TIMEOUT));
    }
}
