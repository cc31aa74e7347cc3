package org.jykka.example.pipeline;

/** The messages the pipeline's actors send each other. */
sealed interface PipelineMessage {

    /** Producer to collector: batch {@code batch} will have {@code size} results. */
    record Batch(int batch, int size) implements PipelineMessage { }

    /** Producer to a worker: square {@code number}, which belongs to batch {@code batch}. */
    record Job(int batch, int number) implements PipelineMessage { }

    /** Worker to collector: one squared number of batch {@code batch}, computed by {@code worker}. */
    record Result(int batch, long square, String worker) implements PipelineMessage { }
}
