package org.jykka.launcher;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The launcher's side of its contract with the console bundle ({@code org.jykka.console}): framework
 * properties that say which console to open, and two services typed by {@code java.base} interfaces,
 * the only types the launcher and a bundle both see.
 *
 * <ul>
 *   <li>The launcher's {@link IntConsumer} ({@value #ROLE}={@value #CONSOLE_ENDED}): the console's
 *       input has ended or its script is done, with status 0, or 1 if a command failed.
 *   <li>The console's {@link BooleanSupplier} ({@value #ROLE}={@value #CANCEL_COMMAND}): cancel the
 *       command it runs; {@code false} if there is none.
 * </ul>
 */
final class ConsoleLink {

    /** {@code terminal}, {@code script} or {@code none}. */
    static final String CONSOLE = "jykka.console";
    /** The script file, for {@code jykka.console=script}. */
    static final String SCRIPT = "jykka.console.script";
    /** {@code true}: failures with stack traces. */
    static final String VERBOSE = "jykka.verbose";
    /** The remote shell's port on the loopback interface, or {@code off} (conf/framework.properties). */
    static final String REMOTE_PORT = "jykka.remote.port";

    static final String ROLE = "jykka.role";
    static final String CONSOLE_ENDED = "console-ended";
    static final String CANCEL_COMMAND = "cancel-command";

    private final BundleContext context;

    /** Registers {@code ended} as the launcher's {@value #CONSOLE_ENDED} service. */
    ConsoleLink(BundleContext context, IntConsumer ended) {
        this.context = context;
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(ROLE, CONSOLE_ENDED);
        context.registerService(IntConsumer.class, ended, properties);
    }

    /** Asks the console to cancel the command it runs; whether there was one. */
    boolean cancelCommand() {
        try {
            for (ServiceReference<BooleanSupplier> reference
                    : context.getServiceReferences(BooleanSupplier.class, "(" + ROLE + "=" + CANCEL_COMMAND + ")")) {
                BooleanSupplier cancel = context.getService(reference);
                if (cancel != null) {
                    try {
                        return cancel.getAsBoolean();
                    } finally {
                        context.ungetService(reference);
                    }
                }
            }
            return false;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        } catch (IllegalStateException e) {
            return false; // the framework is stopping
        }
    }
}
