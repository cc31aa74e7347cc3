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
 * is logged at ERROR and never published. When the plugin stops,
 * within its STOPPING event, the services are unregistered first and the actors are then stopped in
 * reverse order; each actor gets at most {@code jykka.stop.timeout} milliseconds (a framework or
 * system property; default 10000) before it is logged and abandoned. An actor that dies while its
 * plugin runs loses its services at once. Stopping the extender stops every actor it started.
 * An actor declared with a factory PID ({@link org.jykka.osgi.PluginActor#factoryPid()}) instead
 * starts once per factory configuration, through Configuration Admin, which the extender imports
 * optionally ({@code org.osgi.service.cm}).
 * Failures are logged through {@link System.Logger} (logger {@code org.jykka.osgi}), naming the
 * bundle and the class, and never affect other actors or plugins.
 */
@Export
@Version("0.1.0")
package org.jykka.osgi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
