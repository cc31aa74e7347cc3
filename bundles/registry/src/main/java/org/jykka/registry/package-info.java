/**
 * {@link org.jykka.registry.ActorRegistry}: every live actor of this JVM (or OSGi framework), found
 * by class, class name or URN. Runtimes register an actor when it starts and unregister it when it
 * stops; user code only looks things up.
 */
@Export
@Version("0.1.0")
package org.jykka.registry;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
