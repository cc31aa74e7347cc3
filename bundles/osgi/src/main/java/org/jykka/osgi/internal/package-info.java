/**
 * The extender's implementation, not exported: {@link org.jykka.osgi.internal.Extender} tracks
 * bundles, {@link org.jykka.osgi.internal.PluginActors} owns what was started for one plugin (each
 * actor a {@link org.jykka.osgi.internal.PublishedActor}), and
 * {@link org.jykka.osgi.internal.ActorDeclaration} reads the {@code Jykka-Actors} header.
 * {@link org.jykka.osgi.internal.ActorConstructor} picks an actor's constructor;
 * {@link org.jykka.osgi.internal.ConfiguredActors} (the only user of {@code org.osgi.service.cm})
 * starts one instance per factory configuration, whose properties
 * {@link org.jykka.osgi.internal.PropertyView} and {@link org.jykka.osgi.internal.PropertyValues}
 * turn into what the constructor takes.
 */
package org.jykka.osgi.internal;
