package org.jykka.example.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.jykka.ActorRef;
import org.jykka.osgi.PluginActor;
import org.jykka.registry.ActorRegistry;
import org.jykka.threading.ThreadingActor;

/**
 * Starts the pipeline's workers and feeds them. Tell it a number {@code n} ({@code jykka:tell
 * producer 100}) and it sends the numbers 1..n round-robin to its workers, after announcing the
 * batch to the collector. The workers are this actor's children: they start in {@link #onStart} and
 * stop in {@link #onStop}, so they live exactly as long as the plugin bundle.
 */
@PluginActor(name = "producer")
public class Producer extends ThreadingActor {

    static final int WORKERS = 3;

    private final List<ActorRef<Worker>> workers = new ArrayList<>();
    private int batches;

    @Override
    protected void onStart() {
        for (int i = 1; i <= WORKERS; i++) {
            workers.add(Worker.start(new Worker("worker-" + i)));
        }
    }

    @Override
    protected Object onReceive(Object message) {
        int size;
        try {
            size = Integer.parseInt(message.toString().trim());
        } catch (NumberFormatException e) {
            return "tell me how many numbers to send, e.g. 100 (got: " + message + ")";
        }
        if (size < 1) {
            return "a batch needs at least one number (got: " + size + ")";
        }
        // Looked up on every batch, not cached: the collector is another plugin actor and may have
        // been restarted with its bundle since the last batch.
        ActorRef<Collector> collector = ActorRegistry.getByClass(Collector.class).stream().findFirst()
                .orElse(null);
        if (collector == null) {
            return "no collector is running, so the batch was not sent";
        }
        int batch = ++batches;
        collector.tell(new PipelineMessage.Batch(batch, size));
        for (int number = 1; number <= size; number++) {
            workers.get(number % workers.size()).tell(new PipelineMessage.Job(batch, number));
        }
        String sent = "batch " + batch + ": sent 1.." + size + " to " + workers.size() + " workers";
        System.out.println("pipeline: " + sent);
        return sent;
    }

    @Override
    protected void onStop() {
        for (ActorRef<Worker> worker : workers) {
            worker.stop();
        }
    }
}
