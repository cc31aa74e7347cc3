package org.jykka.example.pipeline;

import org.jykka.ActorRef;
import org.jykka.registry.ActorRegistry;
import org.jykka.threading.ThreadingActor;

/** Squares the numbers the producer sends and passes each result on to the collector. */
public class Worker extends ThreadingActor {

    private final String name;

    Worker(String name) {
        this.name = name;
    }

    @Override
    protected Object onReceive(Object message) throws Exception {
        if (message instanceof PipelineMessage.Job job) {
            long square = (long) job.number() * job.number();
            // A collector that is gone (its bundle stopping) simply misses this result.
            for (ActorRef<Collector> collector : ActorRegistry.getByClass(Collector.class)) {
                collector.tell(new PipelineMessage.Result(job.batch(), square, name));
            }
            return square;
        }
        return super.onReceive(message);
    }
}
