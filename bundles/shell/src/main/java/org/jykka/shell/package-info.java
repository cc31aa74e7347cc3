/**
 * Gogo shell commands in scope {@code jykka}: {@code actors}, {@code actor}, {@code tell}, {@code ask},
 * {@code stopactor}, {@code restart} and {@code deadletters}. The bundle registers them as a service
 * with the {@code osgi.command.scope} and {@code osgi.command.function} properties; any Gogo runtime in
 * the framework picks them up. Gogo's {@code @Descriptor} annotations describe them for
 * {@code help}; the import of their package is optional, so the bundle resolves without Gogo. A private package: the bundle exports nothing.
 */
package org.jykka.shell;
