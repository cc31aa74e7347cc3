package org.jykka.itests.unwired;

import org.jykka.threading.ThreadingActor;

/** Declared, but its bundle does not ask for the extender. */
public class Unwired extends ThreadingActor {}
