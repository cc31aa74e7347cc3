/**
 * The launcher of Jykka's runtime distribution: a plain Java program (not a bundle) that boots
 * Apache Felix or Eclipse Equinox from the distribution's folders, starts the bundles in
 * {@code bundle/}, lets Felix FileInstall deploy {@code deploy/}, and tells the user in plain words
 * what runs.
 *
 * <p>Two class loaders: {@link org.jykka.launcher.Main} runs on the class path and only chooses the
 * framework; everything that touches the OSGi API ({@link org.jykka.launcher.Container} and what it
 * uses) is loaded again, together with that one framework's jar, by a class loader of its own. Felix
 * and Equinox both embed {@code org.apache.felix.resolver} (and Equinox is signed), so they must
 * never share one.
 */
package org.jykka.launcher;
