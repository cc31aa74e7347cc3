package org.jykka.launcher;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.resource.Namespace;

/**
 * Says in plain words why a bundle does not resolve: the packages it imports that no bundle exports,
 * or that only bundles which cannot resolve themselves export. It asks the framework (through
 * {@link FrameworkWiring#findProviders}), not the resolver's message text, so Felix and Equinox say
 * the same.
 */
final class ResolutionReport {

    private static final Pattern PACKAGE = Pattern.compile("osgi\\.wiring\\.package=([^)]+)");

    private final FrameworkWiring wiring;

    /** @param system the framework's own context */
    ResolutionReport(BundleContext system) {
        this.wiring = system.getBundle(0).adapt(FrameworkWiring.class);
    }

    /** A start failure on one line: the packages the bundle misses, or else the framework's message. */
    String explain(Bundle bundle, BundleException failure) {
        if (failure.getType() == BundleException.RESOLVE_ERROR) {
            String missing = missingPackages(bundle);
            if (!missing.isEmpty()) {
                return missing;
            }
        }
        return oneLine(failure.getMessage());
    }

    /**
     * {@code it needs package a.b, which no bundle exports}, one clause per missing package; empty if
     * every package it needs is exported by a bundle that resolves (or it cannot be told).
     */
    String missingPackages(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        if (revision == null || wiring == null) {
            return "";
        }
        List<String> missing = new ArrayList<>();
        List<String> unexported = new ArrayList<>();
        for (BundleRequirement requirement : revision.getDeclaredRequirements(PackageNamespace.PACKAGE_NAMESPACE)) {
            String resolution = requirement.getDirectives().get(Namespace.REQUIREMENT_RESOLUTION_DIRECTIVE);
            if (Namespace.RESOLUTION_OPTIONAL.equals(resolution)) {
                continue;
            }
            String filter = requirement.getDirectives().getOrDefault(Namespace.REQUIREMENT_FILTER_DIRECTIVE, "");
            Matcher name = PACKAGE.matcher(filter);
            String what = name.find() ? name.group(1) : filter;
            Collection<BundleCapability> providers = wiring.findProviders(requirement);
            List<String> unresolved = new ArrayList<>();
            boolean resolvable = false;
            for (BundleCapability provider : providers) {
                Bundle exporter = provider.getRevision().getBundle();
                if (exporter.getState() == Bundle.INSTALLED) {
                    unresolved.add(ActivityLog.describe(exporter));
                } else {
                    resolvable = true;
                }
            }
            if (providers.isEmpty()) {
                unexported.add(what);
            } else if (!resolvable) {
                missing.add("package " + what + ", which only " + String.join(", ", unresolved)
                        + " exports, and that does not resolve either");
            }
        }
        if (!unexported.isEmpty()) {
            int shown = Math.min(unexported.size(), 3);
            missing.add(0, (unexported.size() == 1 ? "package " : "packages ")
                    + String.join(", ", unexported.subList(0, shown))
                    + (unexported.size() > shown ? " and " + (unexported.size() - shown) + " more" : "")
                    + ", which no bundle exports (in a version it accepts)");
        }
        return missing.isEmpty() ? "" : "it needs " + String.join("; and ", missing);
    }

    static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
