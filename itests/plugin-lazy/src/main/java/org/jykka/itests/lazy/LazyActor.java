package org.jykka.itests.lazy;

import org.jykka.osgi.PluginActor;
import org.jykka.threading.ThreadingActor;

/** The actor of a lazily activated plugin. */
@PluginActor
public class LazyActor extends ThreadingActor {}
