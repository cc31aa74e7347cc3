/**
 * The threading runtime, Pykka's {@code ThreadingActor} in Java:
 * {@link org.jykka.threading.ThreadingActor} runs each actor on a platform thread of its own,
 * {@link org.jykka.threading.VirtualThreadActor} on virtual threads (Java 21+);
 * {@link org.jykka.threading.ThreadingRuntimes} hands out both runtimes for actor classes that take
 * their runtime as a constructor argument; {@link org.jykka.threading.ThreadingFuture} is a future its
 * maker completes.
 */
@Export
@Version("0.2.0")
package org.jykka.threading;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
