package org.jykka.shell;

import java.util.Dictionary;
import java.util.Hashtable;
import org.osgi.annotation.bundle.Header;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;

/** Publishes the {@code jykka} commands while the bundle is active. */
@Header(name = Constants.BUNDLE_ACTIVATOR, value = "${@class}")
public final class ShellActivator implements BundleActivator {

    /** The Gogo service properties that turn a service's public methods into shell commands. */
    static final String COMMAND_SCOPE = "osgi.command.scope";
    static final String COMMAND_FUNCTION = "osgi.command.function";

    private ServiceRegistration<?> registration;

    @Override
    public void start(BundleContext context) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(COMMAND_SCOPE, ActorCommands.SCOPE);
        properties.put(COMMAND_FUNCTION, ActorCommands.FUNCTIONS.clone());
        registration = context.registerService(ActorCommands.class,
                new ActorCommands(new ActorDirectory(context)), properties);
    }

    @Override
    public void stop(BundleContext context) {
        // The framework unregisters it anyway; doing it here keeps start and stop symmetrical.
        registration.unregister();
        registration = null;
    }
}
