package org.jykka.testremote.exporter;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jykka.testremote.api.Point;
import org.jykka.threading.ThreadingActor;

/** The exported actor: {@code services=Counter}, {@code exported=true}, restarted up to 3 times in 10 s. */
public class CounterActor extends ThreadingActor {
    private static final AtomicInteger STARTS = new AtomicInteger();
    private final List<String> recorded = new ArrayList<>();

    @Override
    protected void onStart() {
        STARTS.incrementAndGet();
    }

    public int add(int a, int b) {
        return a + b;
    }

    public void record(String text) {
        recorded.add(text);
    }

    public List<String> recorded() {
        return List.copyOf(recorded);
    }

    /** Published as {@code CompletableFuture<Point> move(Point, int)}: the proxy makes it asynchronous. */
    public Point move(Point point, int dx) {
        return new Point(point.x() + dx, point.y());
    }

    public String fail(String why) {
        throw new IllegalStateException(why);
    }

    public void crash() {
        throw new IllegalStateException("crashed on purpose");
    }

    public int starts() {
        return STARTS.get();
    }

    public int later(int value) {
        return value;
    }

    public String describe(Object value) {
        return "got " + value;
    }
}
