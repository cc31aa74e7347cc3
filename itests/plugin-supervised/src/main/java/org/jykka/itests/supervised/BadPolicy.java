package org.jykka.itests.supervised;

import org.jykka.osgi.PluginActor;
import org.jykka.threading.ThreadingActor;

/** Its restart window is not a duration: the extender must refuse to start it, and only it. */
@PluginActor(name = "bad-policy", maxRestarts = 2, within = "soon")
public class BadPolicy extends ThreadingActor {}
