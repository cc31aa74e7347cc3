/**
 * A three-stage pipeline of actors: a {@link org.jykka.example.pipeline.Producer} splits a batch
 * of numbers over {@link org.jykka.example.pipeline.Worker}s, which square them and send the
 * results to the {@link org.jykka.example.pipeline.Collector}. They find each other through the
 * {@link org.jykka.registry.ActorRegistry}; the producer and the collector are plugin actors, the
 * workers are the producer's children. A private package.
 */
package org.jykka.example.pipeline;
