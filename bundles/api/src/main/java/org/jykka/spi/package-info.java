/**
 * The seam between the actor loop and a runtime, for those who write runtimes, not actors.
 *
 * <p>The loop lives in {@code org.jykka}: it handles the messages, makes every future its callers
 * wait on, runs the hooks and keeps the directory of live actors ({@link org.jykka.spi.ActorDirectory},
 * which {@code org.jykka.registry} reads). A runtime only decides how the loop gets a thread. An
 * actor class names its runtime by passing an {@link org.jykka.spi.ActorRuntime} to
 * {@link org.jykka.Actor}'s constructor ({@code ThreadingActor} does this for its users). When the
 * actor starts, the runtime {@linkplain org.jykka.spi.ActorRuntime#attach attaches} the actor's
 * {@link org.jykka.spi.ActorLoop} and hands back a {@link org.jykka.spi.Scheduler}; the loop calls
 * {@link org.jykka.spi.Scheduler#schedule()} whenever an idle actor gets work, and the runtime then
 * calls {@link org.jykka.spi.ActorLoop#runBatch(int)} from a thread of its choosing until it answers
 * {@code false}. That is the whole contract (plus one optional hint,
 * {@link org.jykka.spi.ActorRuntime#replyMayBeAwaited()}): a dedicated thread, a crew of virtual
 * threads, or a shared pool are each one small class. {@link org.jykka.spi.Completion} holds the
 * waiting rules of {@link org.jykka.ActorFuture#get}, for futures built on {@code CompletableFuture}.
 */
@Export
@Version("0.2.0")
package org.jykka.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
