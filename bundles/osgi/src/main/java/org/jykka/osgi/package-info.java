/**
 * The Jykka extender: a plugin bundle declares its actors ({@link org.jykka.osgi.PluginActor}, or
 * the {@code Jykka-Actors} manifest header by hand), and they run exactly as long as the bundle is
 * active, published as OSGi services.
 *
 * <p>The extender bundle provides the capability
 * {@code osgi.extender;osgi.extender=org.jykka;version:Version=0.1.0} and extends only the plugins
 * whose requirement on it is wired to it. When a plugin becomes ACTIVE (or STARTING, with lazy
 * activation) it loads the declared actor classes through the plugin, starts them in header order and,
 * once each has returned from {@code onStart} (waited for at most the stop timeout below), registers
 * its services through the plugin's own {@code BundleContext}; an actor whose {@code onStart} throws
 * is logged at ERROR, with its cause, and never published. The plugin's actors run in one
 * {@link org.jykka.ActorScope} of its own (named after its symbolic name and version), which every
 * actor they start joins, however deep. When the plugin stops, within its STOPPING event, the services
 * are unregistered first and the scope is then closed: its actors stop newest first, within
 * {@code jykka.stop.timeout} milliseconds in all (a framework or system property; default 10000);
 * those still stopping then are logged and abandoned. An actor declared with a restart policy
 * ({@link org.jykka.osgi.PluginActor#maxRestarts()}) is restarted under the same services; an actor
 * that ends while its plugin runs (it was stopped, failed without a policy, or its policy gave up)
 * is logged in one line and loses its services at once. Stopping the extender stops every actor it
 * started.
 * An actor declared with a factory PID ({@link org.jykka.osgi.PluginActor#factoryPid()}) instead
 * starts once per factory configuration, through Configuration Admin, which the extender imports
 * optionally ({@code org.osgi.service.cm}).
 * Failures are logged through {@link System.Logger} (logger {@code org.jykka.osgi}), naming the
 * bundle and the class, and never affect other actors or plugins.
 */
@Export
@Version("0.2.0")
package org.jykka.osgi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
