package org.jykka.itests.osgi;

import org.jykka.osgi.PluginActor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * One real OSGi framework for one test: whichever of Felix or Equinox the surefire execution put on
 * the class path (the other is excluded), with a fresh storage folder. Installs the bundles the
 * reactor built, from {@code target/bundles}. Jykka's classes live only inside the framework, so the
 * test talks to actors through {@code java.*} types and reflection.
 */
final class OsgiFramework implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(20);
    static final String ACTOR_REF = "org.jykka.ActorRef";
    static final String COUNTER = "org.jykka.itests.api.Counter";
    static final List<String> CORE = List.of("jykka-api", "jykka-registry", "jykka-threading", "jykka-proxy");
    static final String EXTENDER = "jykka-osgi";

    private static final Path BUNDLES = Path.of(System.getProperty("itest.bundles", "target/bundles"));

    private final Framework framework;
    private final List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();

    OsgiFramework(Path storage, Map<String, String> extraProperties) throws BundleException {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.jykka.Actor"),
                "Jykka must not be on the test class path, only inside the framework");
        Map<String, String> properties = new java.util.HashMap<>();
        properties.put("org.osgi.framework.storage", storage.toString());
        properties.put("org.osgi.framework.storage.clean", "onFirstInit");
        properties.put("org.osgi.framework.bsnversion", "multiple"); // lets a test run two copies of the extender
        properties.put("jykka.stop.timeout", "5000");
        properties.put("eclipse.log.enabled", "false");
        properties.putAll(extraProperties);
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new AssertionError("no OSGi framework on the test class path"));
        framework = factory.newFramework(properties);
        framework.start();
        assertEquals(System.getProperty("itest.framework"), framework.getSymbolicName(),
                "this surefire execution runs on another framework than it says");
        Dictionary<String, Object> sink = new Hashtable<>(Map.of("itest.events", "true"));
        context().registerService(Consumer.class, (Consumer<String>) events::add, sink);
    }

    OsgiFramework(Path storage) throws BundleException {
        this(storage, Map.of());
    }

    BundleContext context() {
        return framework.getBundleContext();
    }

    Framework framework() {
        return framework;
    }

    /** What the test actors reported (see org.jykka.itests.api.Events), in order. */
    List<String> events() {
        return events;
    }

    /** Installs a bundle from target/bundles, by artifact id. */
    Bundle install(String artifactId) throws BundleException, IOException {
        Path jar = BUNDLES.resolve(artifactId + ".jar");
        try (InputStream in = Files.newInputStream(jar)) {
            return context().installBundle(jar.toUri() + "#" + System.nanoTime(), in);
        }
    }

    Bundle start(String artifactId) throws BundleException, IOException {
        Bundle bundle = install(artifactId);
        bundle.start();
        return bundle;
    }

    /** Installs and starts the core bundles and the extender; returns the extender. */
    Bundle startJykka() throws BundleException, IOException {
        for (String core : CORE) {
            start(core);
        }
        return start(EXTENDER);
    }

    /** Felix SCR and what it needs. */
    void startScr() throws BundleException, IOException {
        start("org.osgi.util.function");
        start("org.osgi.util.promise");
        start("org.osgi.service.component");
        start("org.apache.felix.scr");
    }

    /** Felix ConfigAdmin (it exports org.osgi.service.cm itself). */
    Bundle startConfigAdmin() throws BundleException, IOException {
        return start("org.apache.felix.configadmin");
    }

    Bundle bundle(String symbolicName) {
        return Arrays.stream(context().getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName()))
                .reduce((a, b) -> { throw new AssertionError("two bundles named " + symbolicName); })
                .orElseThrow(() -> new AssertionError("no bundle named " + symbolicName));
    }

    /** Every service registered under {@code type} whose properties match {@code filter} (may be null). */
    List<ServiceReference<?>> services(String type, String filter) {
        try {
            ServiceReference<?>[] found = context().getAllServiceReferences(type, filter);
            return found == null ? List.of() : List.of(found);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    List<ServiceReference<?>> actorServices(String filter) {
        return services(ACTOR_REF, filter);
    }

    /** The names ({@code jykka.actor.name}) of every ActorRef service, sorted. */
    List<String> actorNames() {
        List<String> names = new ArrayList<>();
        for (ServiceReference<?> reference : actorServices(null)) {
            names.add((String) reference.getProperty(PluginActor.NAME_PROPERTY));
        }
        names.sort(null);
        return names;
    }

    /** A class of the Jykka API or the test API, as the bundle exporting it has it. */
    Class<?> exported(String className) throws ClassNotFoundException {
        String exporter = className.startsWith("org.jykka.itests.api.") ? "org.jykka.itests.api" : "org.jykka";
        return bundle(exporter).loadClass(className);
    }

    /** Calls {@code method} of the service, through the exported interface {@code type}. */
    Object call(ServiceReference<?> reference, String type, String method, Object... arguments) throws Exception {
        Object service = context().getService(reference);
        try {
            Class<?> interfaceType = exported(type);
            Method found = Arrays.stream(interfaceType.getMethods())
                    .filter(m -> m.getName().equals(method) && m.getParameterCount() == arguments.length)
                    .findFirst().orElseThrow(() -> new AssertionError(type + " has no method " + method));
            return found.invoke(service, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            context().ungetService(reference);
        }
    }

    /** {@code ref.ask(message).get(WAIT)} on an ActorRef service. */
    Object ask(ServiceReference<?> actorRef, Object message) throws Exception {
        Object future = call(actorRef, ACTOR_REF, "ask", message);
        Method get = exported("org.jykka.ActorFuture").getMethod("get", Duration.class);
        try {
            return get.invoke(future, WAIT);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** The URNs of the actors in org.jykka.registry.ActorRegistry. */
    List<String> registryUrns() throws Exception {
        List<?> refs = (List<?>) bundle("org.jykka.registry").loadClass("org.jykka.registry.ActorRegistry")
                .getMethod("getAll").invoke(null);
        Method urn = exported(ACTOR_REF).getMethod("urn");
        List<String> urns = new ArrayList<>();
        for (Object ref : refs) {
            urns.add((String) urn.invoke(ref));
        }
        return urns;
    }

    /** Refreshes {@code bundles} (all pending removals if none) and waits until the framework is done. */
    void refresh(Bundle... bundles) throws Exception {
        CompletableFuture<FrameworkEvent> done = new CompletableFuture<>();
        framework.adapt(FrameworkWiring.class).refreshBundles(bundles.length == 0 ? null : List.of(bundles), done::complete);
        FrameworkEvent event = done.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertEquals(FrameworkEvent.PACKAGES_REFRESHED, event.getType(), "refresh failed: " + event.getThrowable());
    }

    /** Stops the framework and waits (bounded) until it has stopped. */
    @Override
    public void close() throws Exception {
        framework.stop();
        FrameworkEvent stopped = framework.waitForStop(WAIT.toMillis());
        assertTrue(stopped.getType() == FrameworkEvent.STOPPED, "the framework did not stop in time: " + stopped);
    }
}
