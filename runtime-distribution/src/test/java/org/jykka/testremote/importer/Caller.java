package org.jykka.testremote.importer;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jykka.testremote.api.Counter;
import org.jykka.testremote.api.Point;
import org.jykka.testremote.api.Secret;
import org.jykka.threading.ThreadingActor;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Calls the imported {@link Counter} when asked from the shell ({@code jykka:ask caller <command>}) and
 * answers {@code RESULT <command> <outcome>}: what the call returned, or the failure it ended with.
 */
public class Caller extends ThreadingActor {
    private static final Duration WAIT = Duration.ofSeconds(25);
    private final ServiceTracker<Counter, Counter> counters;
    private volatile CompletableFuture<Void> gone = new CompletableFuture<>();

    public Caller(BundleContext context) {
        counters = new Counters(context);
        counters.open();
    }

    /** The imported counters; {@code gone} completes when the last one goes. */
    private final class Counters extends ServiceTracker<Counter, Counter> {
        Counters(BundleContext context) {
            super(context, Counter.class, null);
        }

        @Override
        public Counter addingService(ServiceReference<Counter> reference) {
            gone = new CompletableFuture<>();
            return super.addingService(reference);
        }

        @Override
        public void removedService(ServiceReference<Counter> reference, Counter service) {
            super.removedService(reference, service);
            if (size() == 0) {
                gone.complete(null);
            }
        }
    }

    @Override
    protected void onStop() {
        counters.close();
    }

    @Override
    protected Object onReceive(Object message) throws Exception {
        String command = String.valueOf(message);
        try {
            return "RESULT " + command + " " + run(command);
        } catch (Exception | Error e) {
            return "RESULT " + command + " failed: " + describe(e);
        }
    }

    private Object run(String command) throws Exception {
        switch (command) {
            case "await":
                return counters.waitForService(WAIT.toMillis()) == null ? "none" : "imported";
            case "gone":
                if (counters.size() > 0) {
                    gone.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                }
                return "gone";
            default:
                break;
        }
        Counter counter = counters.getService();
        if (counter == null) {
            return "none";
        }
        return switch (command) {
            case "add" -> counter.add(2, 3);
            case "record" -> {
                counter.record("one");
                counter.record("two");
                yield counter.recorded();
            }
            case "move" -> {
                CompletableFuture<Point> moved = counter.move(new Point(1, 2), 10);
                yield (moved.isDone() ? "" : "pending ") + moved.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
            case "fail" -> counter.fail("bad input");
            case "crash" -> {
                counter.crash();
                yield "sent";
            }
            case "starts" -> counter.starts();
            case "secret" -> counter.describe(new Secret());
            case "unsupported" -> counter.describe(new Object());
            case "point" -> counter.describe(new Point(7, 8));
            case "stage" -> counter.later(1).toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            case "bench" -> CallTimes.of(counter, new org.jykka.testremote.exporter.CounterActor());
            default -> "unknown command";
        };
    }

    /** The failure and its causes, in one line. */
    private static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            text.append(text.length() == 0 ? "" : " <- ").append(t.getClass().getName()).append(": ").append(t.getMessage());
        }
        return text.toString().replace('\n', ' ');
    }
}
