/**
 * A supervised plugin actor: {@link org.jykka.example.heartbeat.Heartbeat} beats on a timer and is
 * restarted, under the same services, when it crashes. A private package, started by the Jykka
 * extender.
 */
package org.jykka.example.heartbeat;
