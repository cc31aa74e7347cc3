/**
 * The calculator service interface: the one package a consumer imports. The actor behind it stays
 * private to the calculator bundle.
 */
@Export
@Version("0.1.0")
package org.jykka.example.calculator;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
