/**
 * Actor proxies: a running actor that looks like an ordinary object.
 *
 * <p>{@link org.jykka.proxy.ActorProxy#of(org.jykka.ActorRef, Class)} gives a typed proxy over an
 * interface, {@link org.jykka.proxy.ActorProxy#of(org.jykka.ActorRef)} the untyped, Pykka-style
 * {@link org.jykka.proxy.ActorProxy.Dynamic} proxy. Every call is an invocation in the actor's
 * mailbox, never a call from the caller's thread. {@link org.jykka.proxy.Traversable} marks members
 * that a proxy reaches into instead of returning them.
 *
 * <p>On the module path, the module holding the actor class must {@code opens} its package to
 * {@code org.jykka.proxy} (or, for public members of public classes, {@code exports} it).
 */
@Export
@Version("0.1.0")
package org.jykka.proxy;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
