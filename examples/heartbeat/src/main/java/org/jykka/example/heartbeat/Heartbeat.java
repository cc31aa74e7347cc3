package org.jykka.example.heartbeat;

import java.time.Duration;
import org.jykka.osgi.PluginActor;
import org.jykka.threading.ThreadingActor;

/**
 * A small worker that beats every few seconds on its own timer, and that the extender restarts when
 * it fails: at most 3 times a minute, waiting 1 s before the first restart in a row, then 2 s, 4 s, up
 * to 10 s. Each restart is a fresh instance (its count starts again at zero) under the same reference
 * and the same services; its timer goes with the failed instance and the new one starts its own.
 *
 * <p>Copy the bundle into the container's {@code deploy/} folder: it prints {@code heartbeat #1},
 * {@code #2}, ... {@code jykka:ask heartbeat beats} answers how many beats this instance has made;
 * {@code jykka:tell heartbeat crash} makes it fail (the log shows the restart, and the beats start
 * again from 1); a fourth crash within a minute and it stops for good, and its services go.
 */
@PluginActor(name = "heartbeat", maxRestarts = 3, within = "PT1M", backoffMin = "PT1S", backoffMax = "PT10S")
public class Heartbeat extends ThreadingActor {
    /** How often it beats when the extender starts it. */
    static final Duration PERIOD = Duration.ofSeconds(5);

    private final Duration period;
    private int beats;

    /** The constructor the extender uses. */
    public Heartbeat() {
        this(PERIOD);
    }

    /** A heartbeat with another period (tests beat faster). */
    Heartbeat(Duration period) {
        this.period = period;
    }

    /** The timer's message: a type of its own, so no one can fake a beat by telling a string. */
    private enum Beat { BEAT }

    @Override
    protected void onStart() {
        timers().startFixedRate(Beat.BEAT, Beat.BEAT, period, period);
    }

    @Override
    protected Object onReceive(Object message) throws Exception {
        if (message == Beat.BEAT) {
            beats++;
            System.out.println("heartbeat #" + beats);
            return null;
        }
        if ("beats".equals(message)) {
            return beats;
        }
        if ("crash".equals(message)) {
            throw new IllegalStateException("heartbeat was told to crash after " + beats + " beats");
        }
        return super.onReceive(message);
    }
}
