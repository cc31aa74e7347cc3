package org.jykka.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.tools.ToolProvider;
import org.jykka.Actor;
import org.jykka.ActorRef;
import org.jykka.testkit.ActorTestSupport;
import org.jykka.testkit.Runtimes;
import org.jykka.threading.ThreadingActor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Actors whose classes live in named modules, built here as a module layer: what a module must
 * declare for proxies to reach its actors, and the message naming the missing clause when it does
 * not. (These tests run with org.jykka.proxy on the class path, so they check unqualified
 * {@code opens}/{@code exports}; the module-path itest checks the qualified clauses.)
 */
class ModuleAccessTest extends ActorTestSupport {

    /** Module name → (module-info body, whether the counter class is public). */
    private static final Map<String, String> MODULES = Map.of(
            "com.example.closed", "",
            "com.example.open", "opens com.example.open;",
            "com.example.exported", "exports com.example.exported;",
            "com.example.hidden", "exports com.example.hidden;");

    private static ModuleLayer layer;

    public interface CounterProxy {
        int increment();

        int count();
    }

    @BeforeAll
    static void buildModuleLayer(@TempDir Path directory) throws IOException, URISyntaxException {
        Path sources = directory.resolve("src");
        Path classes = directory.resolve("classes");
        for (Map.Entry<String, String> module : MODULES.entrySet()) {
            String name = module.getKey();
            Path root = Files.createDirectories(sources.resolve(name).resolve(name.replace('.', '/')));
            Files.writeString(sources.resolve(name).resolve("module-info.java"), "module " + name + " { "
                    + module.getValue() + " provides java.util.function.Supplier with " + name + ".Factory; }");
            // The hidden module's actor class is package-private: exporting its package is not enough.
            String visibility = name.endsWith("hidden") ? "" : "public ";
            Files.writeString(root.resolve("Counter.java"), "package " + name + ";\n"
                    + visibility + "class Counter extends org.jykka.threading.ThreadingActor {\n"
                    + "    public int count;\n"
                    + "    public int increment() { return ++count; }\n"
                    + "}\n");
            // Package-private, with a default method: reached through a lookup into the package.
            Files.writeString(root.resolve("Greeting.java"), "package " + name + ";\n"
                    + "interface Greeting {\n"
                    + "    default String greet() { return \"hello from " + name + "\"; }\n"
                    + "}\n");
            // Providers need no export: the only way in from outside for a closed module.
            Files.writeString(root.resolve("Factory.java"), "package " + name + ";\n"
                    + "public class Factory implements java.util.function.Supplier<Object> {\n"
                    + "    public Object get() { return org.jykka.Actor.start(new Counter()); }\n"
                    + "}\n");
        }
        String classPath = String.join(File.pathSeparator, location(Actor.class), location(ThreadingActor.class));
        List<String> arguments = new java.util.ArrayList<>(List.of("-d", classes.toString(), "--release", "17",
                "-cp", classPath, "--module-source-path", sources.toString()));
        for (String name : MODULES.keySet()) {
            arguments.addAll(List.of("--add-reads", name + "=ALL-UNNAMED"));
        }
        try (var files = Files.walk(sources)) {
            files.filter(file -> file.toString().endsWith(".java")).map(Path::toString).forEach(arguments::add);
        }
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, arguments.toArray(String[]::new)),
                "test modules compile");

        Configuration configuration = ModuleLayer.boot().configuration()
                .resolve(ModuleFinder.of(classes), ModuleFinder.of(), MODULES.keySet());
        ModuleLayer.Controller controller = ModuleLayer.defineModulesWithOneLoader(
                configuration, List.of(ModuleLayer.boot()), ModuleAccessTest.class.getClassLoader());
        // The modules extend ThreadingActor, which is on the class path here: let them read it.
        for (String name : MODULES.keySet()) {
            controller.addReads(controller.layer().findModule(name).orElseThrow(), Actor.class.getModule());
        }
        layer = controller.layer();
    }

    private static String location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    /** Starts the counter actor of {@code module} through its service provider. */
    private static ActorRef<?> startCounter(String module) {
        List<Supplier<?>> factories = ServiceLoader.load(layer, Supplier.class).stream()
                .filter(provider -> provider.type().getModule().getName().equals(module))
                .<Supplier<?>>map(ServiceLoader.Provider::get)
                .collect(Collectors.toList());
        assertEquals(1, factories.size(), "one factory in " + module);
        return (ActorRef<?>) factories.get(0).get();
    }

    @Test
    void actorInAModuleThatOpensItsPackageIsReachable() {
        CounterProxy counter = ActorProxy.of(startCounter("com.example.open"), CounterProxy.class);

        assertEquals(1, counter.increment());
        assertEquals(1, counter.count());
    }

    @Test
    void publicActorClassInAnExportedPackageIsReachable() {
        CounterProxy counter = ActorProxy.of(startCounter("com.example.exported"), CounterProxy.class);

        assertEquals(1, counter.increment());
    }

    @Test
    void dynamicProxyReachesAnActorInAModuleThatOpensItsPackage() {
        ActorProxy.Dynamic counter = ActorProxy.of(startCounter("com.example.open"));

        assertEquals(1, counter.call("increment").get(TIMEOUT));
    }

    @Test
    void closedModuleFailsCreationNamingTheOpensClause() {
        ActorRef<?> ref = startCounter("com.example.closed");

        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> ActorProxy.of(ref, CounterProxy.class));

        assertTrue(thrown.getMessage().contains("opens com.example.closed to org.jykka.proxy;"), thrown.getMessage());
        assertTrue(thrown.getMessage().contains("com.example.closed.Counter"), thrown.getMessage());
    }

    @Test
    void closedModuleFailsDynamicProxyCreationNamingTheOpensClause() {
        ActorRef<?> ref = startCounter("com.example.closed");

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> ActorProxy.of(ref));

        assertTrue(thrown.getMessage().contains("opens com.example.closed to org.jykka.proxy;"), thrown.getMessage());
    }

    @Test
    void nonPublicActorClassInAnExportedPackageNeedsOpens() {
        ActorRef<?> ref = startCounter("com.example.hidden");

        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> ActorProxy.of(ref, CounterProxy.class));

        assertTrue(thrown.getMessage().contains("opens com.example.hidden to org.jykka.proxy;"), thrown.getMessage());
    }

    private static Class<?> greeting(String module) throws ClassNotFoundException {
        return layer.findLoader(module).loadClass(module + ".Greeting");
    }

    @Test
    void defaultMethodOfAPackagePrivateInterfaceInAnOpenPackageRuns() throws Exception {
        Class<?> type = greeting("com.example.open");
        Object proxy = ActorProxy.of(Actor.start(new Calculator(Runtimes.THREADING)), type);

        java.lang.reflect.Method greet = type.getMethod("greet");
        greet.setAccessible(true); // this test class may not call a method of a package-private interface
        assertEquals("hello from com.example.open", greet.invoke(proxy));
    }

    @Test
    void defaultMethodOfAPackagePrivateInterfaceInAnExportedPackageNeedsOpens() throws Exception {
        Class<?> type = greeting("com.example.exported");
        ActorRef<Calculator> ref = Actor.start(new Calculator(Runtimes.THREADING));

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> ActorProxy.of(ref, type));

        assertTrue(thrown.getMessage().contains("opens com.example.exported to org.jykka.proxy;"), thrown.getMessage());
    }

    @Test
    void classesInUnnamedModulesNeedNoClause() {
        assertNull(MemberAccess.missingClause(Calculator.class));
    }
}
