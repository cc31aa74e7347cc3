/**
 * The Jykka actor API: {@link org.jykka.Actor}, {@link org.jykka.ActorRef},
 * {@link org.jykka.ActorFuture} and the exceptions they raise.
 *
 * <p>An actor is an object with its own state and its own execution context. Other code talks to
 * it only through its {@link org.jykka.ActorRef}: {@code tell} sends a message and returns at once,
 * {@code ask} sends one and answers through an {@link org.jykka.ActorFuture}, {@code call} runs a
 * function on the actor instance inside the actor. An actor handles one message at a time, in the
 * order they arrived, so its state needs no locks.
 *
 * <p>This package needs {@code java.base} only. A runtime (for example {@code org.jykka.threading})
 * decides how an actor gets a thread, through the small seam in {@link org.jykka.spi}.
 */
@Export
@Version("0.2.0")
package org.jykka;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
