package org.jykka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Publishing dead letters: counted, handed to every listener, a throwing listener harms nothing. */
class DeadLettersTest {

    /** A letter only names its recipient: one actor on one thread of its own is all it takes. */
    private static final ExecutorService THREAD = Executors.newSingleThreadExecutor();
    private static final ActorRef<?> RECIPIENT = Actor.start(new Actor(loop -> () -> THREAD.execute(() -> {
        while (loop.runBatch(Integer.MAX_VALUE)) {
            // more work: run again
        }
    })) {});

    @AfterAll
    static void stopRecipient() {
        assertTrue(RECIPIENT.stop(Duration.ofSeconds(10)));
        THREAD.shutdown();
    }

    private static ActorRef<?> someActor() {
        return RECIPIENT;
    }

    @Test
    void aPublishedLetterIsCountedAndReachesEveryListener() {
        List<DeadLetter> first = new ArrayList<>();
        List<DeadLetter> second = new ArrayList<>();
        DeadLetter letter = new DeadLetter("hello", someActor(), DeadLetter.Reason.UNHANDLED);
        long before = DeadLetters.count();
        try (DeadLetters.Subscription a = DeadLetters.subscribe(first::add);
                DeadLetters.Subscription b = DeadLetters.subscribe(second::add)) {
            DeadLetters.publish(letter);
        }
        assertEquals(List.of(letter), first);
        assertEquals(List.of(letter), second);
        assertEquals(before + 1, DeadLetters.count());
    }

    @Test
    void aClosedSubscriptionHearsNothingAndClosingTwiceIsHarmless() {
        List<DeadLetter> heard = new ArrayList<>();
        DeadLetters.Subscription subscription = DeadLetters.subscribe(heard::add);
        subscription.close();
        subscription.close();
        DeadLetters.publish(new DeadLetter("late", someActor(), DeadLetter.Reason.STOPPED));
        assertEquals(List.of(), heard);
    }

    @Test
    void aThrowingListenerStaysSubscribedAndOthersStillHear() {
        List<DeadLetter> heard = new ArrayList<>();
        try (DeadLetters.Subscription thrower = DeadLetters.subscribe(letter -> {
                    throw new AssertionError("listener broken") {
                        @Override
                        public String getMessage() {
                            throw new IllegalStateException("and so is its message");
                        }
                    };
                });
                DeadLetters.Subscription listener = DeadLetters.subscribe(heard::add)) {
            DeadLetters.publish(new DeadLetter("one", someActor(), DeadLetter.Reason.FAILED));
            DeadLetters.publish(new DeadLetter("two", someActor(), DeadLetter.Reason.FAILED));
        }
        assertEquals(2, heard.size());
    }

    @Test
    void theSummarySaysHowManyCameAtMostOnceAMinute() {
        AtomicLong clock = new AtomicLong();
        DeadLetters.Summary summary = new DeadLetters.Summary(clock::get);
        assertEquals(0, summary.more());
        assertEquals(0, summary.more());
        clock.addAndGet(TimeUnit.MINUTES.toNanos(1));
        assertEquals(3, summary.more());
        assertEquals(0, summary.more());
        clock.addAndGet(TimeUnit.SECONDS.toNanos(59));
        assertEquals(0, summary.more());
        clock.addAndGet(TimeUnit.SECONDS.toNanos(1));
        assertEquals(3, summary.more());
    }

    @Test
    void aLetterNeedsItsParts() {
        assertThrows(NullPointerException.class, () -> new DeadLetter(null, someActor(), DeadLetter.Reason.FAILED));
        assertThrows(NullPointerException.class, () -> new DeadLetter("m", null, DeadLetter.Reason.FAILED));
        assertThrows(NullPointerException.class, () -> new DeadLetter("m", someActor(), null));
        assertThrows(NullPointerException.class, () -> DeadLetters.subscribe(null));
    }
}
