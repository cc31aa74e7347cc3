package org.jykka.example.pipeline;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jykka.osgi.PluginActor;
import org.jykka.threading.ThreadingActor;

/**
 * Adds up the workers' results per batch and prints each batch when it is complete. Ask it anything
 * ({@code jykka:ask collector total}) and it answers with the last completed batch.
 */
@PluginActor(name = "collector")
public class Collector extends ThreadingActor {

    /** What the collector knows of one batch; only this actor touches it. */
    private static final class Progress {
        int expected = -1;
        int received;
        long sum;
        final Set<String> workers = new TreeSet<>();

        boolean complete() {
            return received == expected;
        }
    }

    private final Map<Integer, Progress> batches = new HashMap<>();
    private String lastCompleted = "no batch has completed yet";

    @Override
    protected Object onReceive(Object message) {
        if (message instanceof PipelineMessage.Batch batch) {
            Progress progress = batches.computeIfAbsent(batch.batch(), b -> new Progress());
            progress.expected = batch.size();
            finishIfComplete(batch.batch(), progress);
            return null;
        }
        if (message instanceof PipelineMessage.Result result) {
            Progress progress = batches.computeIfAbsent(result.batch(), b -> new Progress());
            progress.received++;
            progress.sum += result.square();
            progress.workers.add(result.worker());
            finishIfComplete(result.batch(), progress);
            return null;
        }
        return lastCompleted;
    }

    private void finishIfComplete(int batch, Progress progress) {
        if (progress.complete()) {
            batches.remove(batch);
            lastCompleted = "batch " + batch + ": the squares of 1.." + progress.expected + " add up to "
                    + progress.sum + " (computed by " + String.join(", ", progress.workers) + ")";
            System.out.println("pipeline: " + lastCompleted);
        }
    }
}
