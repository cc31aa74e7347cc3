/**
 * The threading runtime, Pykka's {@code ThreadingActor} in Java:
 * {@link org.jykka.threading.ThreadingActor} runs each actor on a platform thread of its own,
 * {@link org.jykka.threading.VirtualThreadActor} on virtual threads (Java 21+), and both answer
 * through {@link org.jykka.threading.ThreadingFuture}. Both register their actors in
 * {@link org.jykka.registry.ActorRegistry} while they run.
 */
@Export
@Version("0.1.0")
package org.jykka.threading;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
