/**
 * {@link org.jykka.registry.ActorRegistry}: every live actor of this JVM (or OSGi framework), found
 * by class, class name or URN. The actor loop itself lists an actor when it starts and unlists it
 * when it stops, whatever its runtime; user code only looks things up.
 */
@Export
@Version("0.2.0")
package org.jykka.registry;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
