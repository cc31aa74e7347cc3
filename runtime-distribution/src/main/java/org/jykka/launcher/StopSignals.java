package org.jykka.launcher;

import java.util.function.Consumer;
import sun.misc.Signal;

/**
 * Turns Ctrl-C (SIGINT) and SIGTERM into a clean stop. Handling the signals, rather than only
 * adding a shutdown hook, lets the launcher stop the framework, wait for it, and exit with status 0:
 * a JVM killed by a signal exits with 128 + the signal's number, whatever its hooks do.
 */
final class StopSignals {

    private StopSignals() {
    }

    /** Calls {@code stop} with the signal's name ({@code SIGINT}, {@code SIGTERM}) when one arrives. */
    static void install(Consumer<String> stop) {
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), signal -> stop.accept("SIG" + signal.getName()));
            } catch (IllegalArgumentException e) {
                // Not a signal on this platform (or reserved by the JVM's options): the shutdown hook
                // still stops the framework, only the exit status is then the JVM's.
            }
        }
    }
}
