package org.jykka.itests.malformed;

import org.jykka.threading.ThreadingActor;

/** A perfectly good actor behind a header nobody can read. */
public class Fine extends ThreadingActor {}
