/** Pykka's Greeter as a plugin actor; a private package, started by the Jykka extender. */
package org.jykka.example.greeter;
