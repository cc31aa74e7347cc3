package org.jykka.shell;

import java.util.Dictionary;
import java.util.Hashtable;
import org.osgi.annotation.bundle.Header;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;

/**
 * Publishes the {@code jykka} commands while the bundle is active, and keeps the recent dead letters
 * for {@code jykka:deadletters} meanwhile (subscribed at start, unsubscribed at stop, so a stopped or
 * updated shell bundle leaves no listener behind).
 */
@Header(name = Constants.BUNDLE_ACTIVATOR, value = "${@class}")
public final class ShellActivator implements BundleActivator {

    /** The Gogo service properties that turn a service's public methods into shell commands. */
    static final String COMMAND_SCOPE = "osgi.command.scope";
    static final String COMMAND_FUNCTION = "osgi.command.function";

    private ServiceRegistration<?> registration;
    private RecentDeadLetters deadLetters;

    @Override
    public void start(BundleContext context) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(COMMAND_SCOPE, ActorCommands.SCOPE);
        properties.put(COMMAND_FUNCTION, ActorCommands.FUNCTIONS.clone());
        deadLetters = RecentDeadLetters.subscribe();
        try {
            registration = context.registerService(ActorCommands.class,
                    new ActorCommands(new ActorDirectory(context), deadLetters), properties);
        } catch (RuntimeException e) {
            deadLetters.close(); // the framework calls no stop after a failed start
            throw e;
        }
    }

    @Override
    public void stop(BundleContext context) {
        // The framework unregisters it anyway; doing it here keeps start and stop symmetrical.
        try {
            registration.unregister();
        } finally {
            registration = null;
            deadLetters.close();
            deadLetters = null;
        }
    }
}
