/**
 * The Jykka extender: a plugin bundle declares its actors ({@link org.jykka.osgi.PluginActor}, or
 * the {@code Jykka-Actors} manifest header by hand), and they run exactly as long as the bundle is
 * active, published as OSGi services.
 */
@Export
@Version("0.1.0")
package org.jykka.osgi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
