package org.jykka.benchmarks;

/**
 * One contender's actors, as every benchmark case needs them: a sink (counts nothing, answers a
 * {@link java.util.concurrent.CountDownLatch} marker by counting it down), an echo (answers a blocking
 * round trip), a ping-pong pair, and churn (start and stop). Opened once per JMH trial; closing it
 * stops everything it started.
 */
interface Rig extends AutoCloseable {

    /** Fire and forget into one actor's inbox. */
    interface Sink {
        void tell(Object message);
    }

    /** A blocking request-reply round trip with one actor. */
    interface Echo {
        Object ask(Object message) throws Exception;
    }

    /** Two actors that bounce one message between them. */
    interface PingPong {
        /** Bounces one message {@code roundTrips} times there and back, and returns when done. */
        void play(int roundTrips) throws Exception;
    }

    /** A fresh sink actor: a {@link java.util.concurrent.CountDownLatch} message is counted down. */
    Sink sink();

    /** A fresh echo actor. */
    Echo echo();

    /** A fresh pair of ping-pong actors. */
    PingPong pingPong();

    /**
     * Starts {@code count} actors one after another, asking each to stop right after its start, and
     * returns once every one of them has stopped.
     */
    void startAndStop(int count) throws Exception;

    /**
     * Starts one actor, asks it to stop, and returns once it has stopped (its stop hook ran and the
     * runtime says so): the serial latency a caller that waits sees.
     */
    void startStopOne() throws Exception;

    /** Stops everything this rig started and waits for it. */
    @Override
    void close() throws Exception;
}
