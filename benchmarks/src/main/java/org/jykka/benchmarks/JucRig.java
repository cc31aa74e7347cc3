package org.jykka.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The raw baseline: what a thread-per-actor design costs without any framework. Each "actor" is a
 * dedicated platform thread taking from its own {@link LinkedBlockingQueue}.
 */
final class JucRig implements Rig {
    private static final Object STOP = new Object();

    private final List<ConsumerThread> consumers = new ArrayList<>();

    /** A thread that hands every message from its queue to a handler until it takes {@link #STOP}. */
    static final class ConsumerThread extends Thread {
        final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
        private final Consumer<Object> handler;
        private final Runnable stopped;

        ConsumerThread(Consumer<Object> handler, Runnable stopped) {
            super("juc-consumer");
            this.handler = handler;
            this.stopped = stopped;
            setDaemon(true);
        }

        @Override
        public void run() {
            try {
                for (Object message; (message = queue.take()) != STOP; ) {
                    handler.accept(message);
                }
            } catch (InterruptedException e) {
                // closing
            }
            stopped.run();
        }
    }

    private ConsumerThread startConsumer(Consumer<Object> handler) {
        ConsumerThread consumer = new ConsumerThread(handler, () -> {});
        consumer.start();
        consumers.add(consumer);
        return consumer;
    }

    @Override
    public Sink sink() {
        ConsumerThread consumer = startConsumer(message -> {
            if (message instanceof CountDownLatch latch) {
                latch.countDown();
            }
        });
        return consumer.queue::add;
    }

    record Request(Object message, CompletableFuture<Object> reply) {}

    @Override
    public Echo echo() {
        ConsumerThread consumer = startConsumer(message -> {
            Request request = (Request) message;
            request.reply().complete(request.message());
        });
        return message -> {
            CompletableFuture<Object> reply = new CompletableFuture<>();
            consumer.queue.add(new Request(message, reply));
            return reply.get(30, TimeUnit.SECONDS);
        };
    }

    @Override
    public PingPong pingPong() {
        ConsumerThread[] pair = new ConsumerThread[2];
        CountDownLatch[] done = new CountDownLatch[1];
        for (int i = 0; i < 2; i++) {
            int partner = 1 - i;
            pair[i] = startConsumer(message -> {
                int left = (Integer) message;
                if (left == 0) {
                    done[0].countDown();
                } else {
                    pair[partner].queue.add(left - 1);
                }
            });
        }
        return roundTrips -> {
            CountDownLatch latch = new CountDownLatch(1);
            done[0] = latch; // published to the consumers by the queue hand-off below
            pair[0].queue.add(roundTrips * 2);
            JykkaRig.await(latch);
        };
    }

    @Override
    public void startAndStop(int count) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(count);
        for (int i = 0; i < count; i++) {
            ConsumerThread consumer = new ConsumerThread(message -> {}, stopped::countDown);
            consumer.start();
            consumer.queue.add(STOP);
        }
        JykkaRig.await(stopped);
    }

    @Override
    public void startStopOne() throws InterruptedException {
        ConsumerThread consumer = new ConsumerThread(message -> {}, () -> {});
        consumer.start();
        consumer.queue.add(STOP);
        consumer.join(JykkaRig.TIMEOUT.toMillis());
        if (consumer.isAlive()) {
            throw new IllegalStateException("Not stopped within " + JykkaRig.TIMEOUT);
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (ConsumerThread consumer : consumers) {
            consumer.queue.add(STOP);
        }
        for (ConsumerThread consumer : consumers) {
            consumer.join(10_000);
        }
        consumers.clear();
    }
}
