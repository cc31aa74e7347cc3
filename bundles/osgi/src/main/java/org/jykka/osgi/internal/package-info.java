/**
 * The extender's implementation, not exported: {@link org.jykka.osgi.internal.Extender} tracks
 * bundles, {@link org.jykka.osgi.internal.PluginActors} owns what was started for one plugin, and
 * {@link org.jykka.osgi.internal.ActorDeclaration} reads the {@code Jykka-Actors} header.
 */
package org.jykka.osgi.internal;
