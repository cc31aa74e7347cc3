package org.jykka.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jykka.Actor;
import org.jykka.ActorRef;
import org.jykka.DeadLetter;
import org.jykka.DeadLetters;
import org.jykka.threading.ThreadingActor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecentDeadLettersTest {

    /** An actor with no handler of its own: whatever it is sent is an {@code UNHANDLED} dead letter. */
    static final class Deaf extends ThreadingActor { }

    private ActorRef<Deaf> deaf;

    @BeforeEach
    void startTheRecipient() {
        deaf = Actor.start(new Deaf());
    }

    @AfterEach
    void stopTheRecipient() {
        deaf.stop(Duration.ofSeconds(10));
    }

    private DeadLetter letter(Object message) {
        return new DeadLetter(message, deaf, DeadLetter.Reason.STOPPED);
    }

    private static List<String> messages(RecentDeadLetters ring) {
        return ring.recent().stream().map(RecentDeadLetters.Letter::message).toList();
    }

    @Test
    void keepsTheLastLettersOldestFirst() {
        RecentDeadLetters ring = new RecentDeadLetters(3, () -> 0L);
        for (int i = 0; i < 5; i++) {
            ring.accept(letter("message " + i));
        }
        assertEquals(List.of("message 2", "message 3", "message 4"), messages(ring));
        assertEquals(5, ring.seen());
    }

    @Test
    void describesALetterByItsTimeReasonRecipientAndMessage() {
        RecentDeadLetters ring = new RecentDeadLetters(3, () -> 1_234L);
        ring.accept(new DeadLetter(42, deaf, DeadLetter.Reason.FAILED));
        assertEquals(List.of(new RecentDeadLetters.Letter(0, 1_234L, DeadLetter.Reason.FAILED, deaf.urn(), "Deaf", "42")),
                ring.recent());
    }

    @Test
    void messageWhoseToStringThrowsIsDescribedByItsClass() {
        RecentDeadLetters ring = new RecentDeadLetters(3, () -> 0L);
        ring.accept(letter(new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("no text for you");
            }
        }));
        String message = messages(ring).get(0);
        assertTrue(message.startsWith(getClass().getName() + "$") && message.endsWith(
                "(its toString() threw java.lang.IllegalStateException)"), message);
    }

    @Test
    void longMessageIsCutShortToOneLineOfPrintableText() {
        RecentDeadLetters ring = new RecentDeadLetters(3, () -> 0L);
        ring.accept(letter("first line\nsecond\tline \u001b[2J" + "x".repeat(10_000)));
        String message = messages(ring).get(0);
        assertEquals(RecentDeadLetters.MESSAGE_CHARS + "...".length(), message.length(), message);
        assertTrue(message.startsWith("first line second line ?[2Jxxx") && message.endsWith("x..."), message);
    }

    @Test
    void lettersFromManyThreadsAtOnceLeaveExactlyTheLastOnes() throws Exception {
        RecentDeadLetters ring = new RecentDeadLetters(RecentDeadLetters.KEPT, () -> 0L);
        int threads = 8;
        int each = 2_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> senders = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                senders.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < each; i++) {
                        ring.accept(letter("m"));
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> sender : senders) {
                sender.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        long total = (long) threads * each;
        assertEquals(total, ring.seen());
        List<Long> numbers = ring.recent().stream().map(RecentDeadLetters.Letter::number).toList();
        List<Long> last = new ArrayList<>();
        for (long n = total - RecentDeadLetters.KEPT; n < total; n++) {
            last.add(n);
        }
        assertEquals(last, numbers);
    }

    @Test
    void subscribedRingKeepsAnUnhandledTellAndNothingAfterItIsClosed() throws Exception {
        RecentDeadLetters ring = RecentDeadLetters.subscribe();
        try {
            // Listeners run one after another in the thread where the letter died, in the order they
            // subscribed: once this later one has seen a letter, the ring has had its turn.
            CountDownLatch unhandled = new CountDownLatch(1);
            try (DeadLetters.Subscription probe = DeadLetters.subscribe(letter -> {
                if (letter.recipient().equals(deaf) && "before close".equals(letter.message())) {
                    unhandled.countDown();
                }
            })) {
                deaf.tell("before close");
                assertTrue(unhandled.await(10, TimeUnit.SECONDS), "the tell became a dead letter");
            }
            List<RecentDeadLetters.Letter> kept = ring.recent().stream()
                    .filter(letter -> letter.urn().equals(deaf.urn())).toList();
            assertEquals(1, kept.size(), kept.toString());
            assertEquals(DeadLetter.Reason.UNHANDLED, kept.get(0).reason());
            assertEquals("before close", kept.get(0).message());
        } finally {
            ring.close();
        }
        CountDownLatch afterClose = new CountDownLatch(1);
        try (DeadLetters.Subscription probe = DeadLetters.subscribe(letter -> {
            if ("after close".equals(letter.message())) {
                afterClose.countDown();
            }
        })) {
            deaf.tell("after close");
            assertTrue(afterClose.await(10, TimeUnit.SECONDS), "the tell became a dead letter");
        }
        assertTrue(ring.recent().stream().noneMatch(letter -> letter.message().equals("after close")), "closed");
        ring.close(); // a second close does nothing
    }

    @Test
    void ringOfNoLettersIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RecentDeadLetters(0, () -> 0L));
    }
}
