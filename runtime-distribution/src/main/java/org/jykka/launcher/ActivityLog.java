package org.jykka.launcher;

import java.io.PrintStream;
import java.nio.file.Path;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;

/**
 * Tells the user, one plain line at a time, what the container does with bundles: those deployed
 * from {@code deploy/}, and framework errors. Plugin actors starting and stopping are the Jykka
 * extender's own lines, which {@link ConsoleLogHandler} prints as they are.
 */
final class ActivityLog implements BundleListener, FrameworkListener {

    private final PrintStream out;
    private final String deployLocation;

    ActivityLog(PrintStream out, Path deploy) {
        this.out = out;
        // As FileInstall spells a bundle's location: File.toURI ("file:/..."), not Path.toUri ("file:///...").
        this.deployLocation = deploy.toFile().toURI().normalize().toString();
    }

    /** Starts listening; call before the framework starts, so that nothing is missed. */
    void attach(BundleContext context) {
        context.addBundleListener(this);
        context.addFrameworkListener(this);
    }

    /** Prints a line, whole, even when several threads report at once. */
    void println(String line) {
        synchronized (out) {
            out.println(line);
        }
    }

    /** {@code symbolic-name version [id]}. */
    static String describe(Bundle bundle) {
        return bundle.getSymbolicName() + " " + bundle.getVersion() + " [" + bundle.getBundleId() + "]";
    }

    /** {@code deploy/<file>} for a bundle FileInstall installed, else the bundle's location. */
    String fileOf(Bundle bundle) {
        String location = bundle.getLocation();
        return location.startsWith(deployLocation) ? "deploy/" + location.substring(deployLocation.length()) : location;
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        Bundle bundle = event.getBundle();
        String location = bundle.getLocation();
        if (!location.startsWith(deployLocation)) {
            return;
        }
        String file = fileOf(bundle);
        String what;
        switch (event.getType()) {
            case BundleEvent.INSTALLED: what = "installed"; break;
            case BundleEvent.UPDATED: what = "updated from the new jar"; break;
            case BundleEvent.STARTED: what = "started"; break;
            case BundleEvent.STOPPED: what = "stopped"; break;
            case BundleEvent.UNINSTALLED: what = "uninstalled"; break;
            default: return;
        }
        println(file + ": bundle " + describe(bundle) + " " + what);
    }

    @Override
    public void frameworkEvent(FrameworkEvent event) {
        if (event.getType() != FrameworkEvent.ERROR && event.getType() != FrameworkEvent.WARNING) {
            return;
        }
        String level = event.getType() == FrameworkEvent.ERROR ? "ERROR" : "WARN";
        Throwable failure = event.getThrowable();
        println("[" + level + "] " + (event.getBundle() == null ? "framework" : describe(event.getBundle()))
                + ": " + (failure == null ? "(no details)" : failure.toString().replaceAll("\\s*\\R\\s*", " ")));
    }
}
