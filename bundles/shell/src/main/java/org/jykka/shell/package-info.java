/**
 * Gogo shell commands in scope {@code jykka}: {@code actors}, {@code actor}, {@code tell}, {@code ask} and
 * {@code stopactor}. The bundle registers them as a service with the {@code osgi.command.scope} and
 * {@code osgi.command.function} properties; any Gogo runtime in the framework picks them up, and
 * nothing here depends on Gogo. A private package: the bundle exports nothing.
 */
package org.jykka.shell;
