/**
 * The seam between the actor loop and a runtime, for those who write runtimes, not actors.
 *
 * <p>The loop lives in {@code org.jykka}; a runtime only decides how the loop gets a thread. An
 * actor class names its runtime by passing an {@link org.jykka.spi.ActorRuntime} to
 * {@link org.jykka.Actor}'s constructor ({@code ThreadingActor} does this for its users). When the
 * actor starts, the runtime {@linkplain org.jykka.spi.ActorRuntime#attach attaches} the actor's
 * {@link org.jykka.spi.ActorLoop} and hands back a {@link org.jykka.spi.Scheduler}; the loop calls
 * {@link org.jykka.spi.Scheduler#schedule()} whenever an idle actor gets work, and the runtime
 * then calls {@link org.jykka.spi.ActorLoop#runBatch(int)} from a thread of its choosing until it
 * answers {@code false}. That is the whole contract: a dedicated thread, a virtual thread per
 * activation, or a shared pool are each one small class.
 */
@Export
@Version("0.1.0")
package org.jykka.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
