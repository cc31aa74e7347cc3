package org.jykka.itests.configured;

import org.jykka.threading.ThreadingActor;

/** Started by a configured SettingsActor and never stopped by it: a thread of its own that only the scope ends. */
public class SettingsHelper extends ThreadingActor {}
