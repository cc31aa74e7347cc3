/** The calculator actor; private to the bundle, reached only through the Calculator service. */
package org.jykka.example.calculator.internal;
