package org.jykka.remote;

import static java.lang.System.Logger.Level.ERROR;
import static java.lang.System.Logger.Level.INFO;

import java.io.IOException;
import java.util.Optional;
import org.osgi.annotation.bundle.Capability;
import org.osgi.annotation.bundle.Header;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Turns remote services on when the framework properties say so ({@link RemoteSettings}): installs
 * the deserialisation filter ({@link SerialFilter}, fed by {@link RemoteTypes}), configures Aries
 * RSA's fastbin provider through Configuration Admin, serves this framework's endpoints
 * ({@link EndpointDirectory}) and imports the peers' ({@link EndpointPoller}). Start it after
 * Configuration Admin and before the fastbin provider, so the provider's first listening socket is
 * already the configured one (the Jykka runtime does). Without {@value RemoteSettings#PORT} it only
 * installs the filter. Stopping it undoes the rest.
 */
@Header(name = Constants.BUNDLE_ACTIVATOR, value = "${@class}")
// The discovery the topology manager requires: EndpointDirectory and EndpointPoller.
@Capability(namespace = "osgi.remoteserviceadmin.discovery", attribute = "protocols:List<String>=jykka.directory",
        version = "1.1.0")
public final class RemoteActivator implements BundleActivator {
    private static final System.Logger LOG = System.getLogger("org.jykka.remote");

    private RemoteTypes types;
    private Configuration fastbin;
    private EndpointDirectory directory;
    private EndpointPoller poller;

    /** For the framework. */
    public RemoteActivator() {
    }

    @Override
    public void start(BundleContext context) throws Exception {
        types = new RemoteTypes(context);
        types.open(true);
        boolean filtered = SerialFilter.use(new SerialFilter(types::allows));
        Optional<RemoteSettings> settings;
        try {
            settings = RemoteSettings.from(context::getProperty);
        } catch (IllegalArgumentException e) {
            LOG.log(ERROR, "Remote services stay off: " + e.getMessage());
            return;
        }
        if (settings.isEmpty()) {
            return;
        }
        if (!filtered) {
            LOG.log(ERROR, "Remote services stay off: the deserialisation filter cannot be installed (this JVM"
                    + " already has another serial filter factory, or made an ObjectInputStream before"
                    + " org.jykka.remote started; start org.jykka.remote first)");
            return;
        }
        RemoteSettings remote = settings.get();
        ServiceReference<ConfigurationAdmin> admin = context.getServiceReference(ConfigurationAdmin.class);
        if (admin == null) {
            LOG.log(ERROR, "Remote services stay off: Configuration Admin is not running, so the fastbin provider"
                    + " cannot be configured (start org.apache.felix.configadmin before org.jykka.remote)");
            return;
        }
        try {
            fastbin = context.getService(admin).getConfiguration(RemoteSettings.FASTBIN_PID, "?");
            fastbin.update(remote.fastbin());
            directory = new EndpointDirectory(context, remote.host(), remote.directoryPort());
        } catch (IOException | RuntimeException e) {
            LOG.log(ERROR, "Remote services stay off: " + e, e);
            stop(context);
            return;
        } finally {
            context.ungetService(admin);
        }
        poller = new EndpointPoller(context, remote.peers(), remote.pollMillis());
        LOG.log(INFO, "Remote services on tcp://" + remote.host() + ":" + remote.port() + ", endpoint directory on "
                + remote.host() + ":" + remote.directoryPort() + (remote.peers().isEmpty() ? ", importing from no peer"
                : ", importing from " + String.join(", ", remote.peers())));
    }

    @Override
    public void stop(BundleContext context) {
        if (poller != null) {
            poller.close();
            poller = null;
        }
        if (directory != null) {
            directory.close();
            directory = null;
        }
        if (fastbin != null) {
            try {
                fastbin.delete();
            } catch (IOException | IllegalStateException e) {
                // Configuration Admin is going with the framework: nothing is left to undo
            }
            fastbin = null;
        }
        SerialFilter.use(null); // refuse every class in remote streams from now on
        types.close();
    }
}
