/**
 * OSGi Remote Services for plugin actors, on Apache Aries RSA and its fastbin provider:
 * {@link org.jykka.remote.RemoteActivator} turns them on from framework properties
 * ({@link org.jykka.remote.RemoteSettings}), on the loopback interface unless told otherwise; each
 * framework serves its endpoints ({@link org.jykka.remote.EndpointDirectory}) and imports its
 * peers' ({@link org.jykka.remote.EndpointPoller}), withdrawing them when a peer stops answering;
 * and {@link org.jykka.remote.SerialFilter} lets only the value types of the exported and imported
 * interfaces ({@link org.jykka.remote.RemoteTypes}) be deserialised from the wire. A private package:
 * users only set properties and mark services exported.
 */
package org.jykka.remote;
