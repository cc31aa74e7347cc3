/**
 * What the test plugins share with each other and with the tests: the {@link
 * org.jykka.itests.api.Counter} and {@link org.jykka.itests.api.Restartable} service interfaces and the
 * {@link org.jykka.itests.api.Events} sink.
 */
@Export
@Version("0.1.0")
package org.jykka.itests.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
