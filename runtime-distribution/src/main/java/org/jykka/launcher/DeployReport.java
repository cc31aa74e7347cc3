package org.jykka.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.logging.LogRecord;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

/**
 * Tells the user, one line naming the file, why a jar in {@code deploy/} does not run: FileInstall
 * ignores a damaged jar and a plain (non-bundle) jar without a word, and reports a bundle that does
 * not resolve in the resolver's own terms.
 *
 * <p>Jars are checked on a thread of its own, once a jar is unchanged over two checks (as
 * FileInstall waits, so a jar still being copied is never judged), and each version of a file
 * is reported once.
 */
final class DeployReport implements AutoCloseable {

    /** FileInstall's logger, as {@code felix.fileinstall.log.default=jul} names it. */
    static final String FILEINSTALL_LOGGER = "fileinstall";

    private final ActivityLog log;
    private final Path deploy;
    private final ResolutionReport resolution;
    private final BundleContext system;
    private final java.util.Set<String> reported = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Map<Path, String> seen = new HashMap<>(); // confined to the checking thread
    private final Map<Path, String> judged = new HashMap<>(); // confined to the checking thread
    private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "jykka-deploy-check");
        thread.setDaemon(true);
        return thread;
    });

    DeployReport(ActivityLog log, Path deploy, BundleContext system) {
        this.log = log;
        this.deploy = deploy;
        this.system = system;
        this.resolution = new ResolutionReport(system);
    }

    /** Checks {@code deploy/} every {@code pollMillis} from now on. */
    void start(long pollMillis) {
        checks.scheduleWithFixedDelay(this::check, 0, pollMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * FileInstall's record of a bundle that could not start, in plain words; the empty string if
     * that was said already about this version of the bundle (FileInstall tries again whenever
     * another bundle comes, and logs again); {@code null} for any other record, printed as it is.
     */
    String rewrite(LogRecord record) {
        if (!FILEINSTALL_LOGGER.equals(record.getLoggerName()) || !(record.getThrown() instanceof BundleException)
                || record.getMessage() == null) {
            return null;
        }
        BundleException failure = (BundleException) record.getThrown();
        int at = record.getMessage().indexOf("file:");
        Bundle bundle = at < 0 ? null : system.getBundle(record.getMessage().substring(at).trim());
        if (bundle == null || failure.getType() != BundleException.RESOLVE_ERROR) {
            return null;
        }
        String line = "[ERROR] " + log.fileOf(bundle) + ": bundle " + ActivityLog.describe(bundle) + " cannot start: "
                + resolution.explain(bundle, failure);
        return reported.add(bundle.getLastModified() + " " + line) ? line : "";
    }

    private void check() {
        try {
            for (Path jar : Layout.jars(deploy)) {
                String version = Files.size(jar) + "@" + Files.getLastModifiedTime(jar).toMillis();
                boolean unchanged = version.equals(seen.put(jar, version));
                if (unchanged && !version.equals(judged.get(jar))) {
                    judged.put(jar, version);
                    String problem = problem(jar);
                    if (problem != null) {
                        log.println("[ERROR] deploy/" + jar.getFileName() + ": " + problem);
                    }
                }
            }
            seen.keySet().removeIf(jar -> !Files.exists(jar));
            judged.keySet().removeIf(jar -> !Files.exists(jar));
        } catch (IOException | RuntimeException e) {
            // The folder changed under the check (a file deleted meanwhile): the next check sees it whole.
        }
    }

    /** What keeps the jar from being deployed, or {@code null} if it is a bundle. */
    static String problem(Path jar) {
        Manifest manifest;
        try (JarFile file = new JarFile(jar.toFile())) {
            manifest = file.getManifest();
        } catch (IOException e) {
            return "not a readable jar (" + ResolutionReport.oneLine(String.valueOf(e.getMessage()))
                    + "): it may be cut short or damaged, so copy it again; it is ignored";
        }
        if (manifest == null || manifest.getMainAttributes().getValue("Bundle-SymbolicName") == null) {
            return "a plain jar, not an OSGi bundle (its manifest has no Bundle-SymbolicName); it is ignored."
                    + " Build it as a bundle with bnd (the bnd-maven-plugin, see docs/plugins.md), or put"
                    + " its classes inside the plugin bundle that uses them";
        }
        return null;
    }

    @Override
    public void close() {
        checks.shutdownNow();
    }
}
