/**
 * The runtime's consoles over the Gogo shell: the container's own terminal, a {@code --script} run,
 * and the remote shell that {@code bin/jykka client} reaches (SSH on the loopback interface, with a
 * per-installation password in a file only its owner can read). Every console runs Gogo statements
 * the same way ({@link org.jykka.console.CommandRunner}): a failed command is one line, never a stack
 * trace, and makes a script or a remote command end with status 1. A private package.
 */
package org.jykka.console;
