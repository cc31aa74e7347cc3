package org.jykka.itests.jpms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Every Jykka jar is a bundle and a module that agree with each other: the module is named after the
 * Bundle-SymbolicName, exports exactly the packages the manifest exports (no internal one), requires
 * exactly the modules whose packages the manifest imports, shares no package with another module,
 * and is Java 17 bytecode (the generated module-info.class excepted, see below).
 */
class ModuleDescriptorsTest {
    private static final Path BUNDLES = Path.of(System.getProperty("itest.bundles", "target/bundles"));
    private static final String[] JARS = {"jykka-api", "jykka-registry", "jykka-threading", "jykka-proxy", "jykka-osgi"};

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "jykka-api       | org.jykka           | org.jykka org.jykka.spi | java.base",
        "jykka-registry  | org.jykka.registry  | org.jykka.registry      | java.base org.jykka",
        "jykka-threading | org.jykka.threading | org.jykka.threading     | java.base org.jykka",
        "jykka-proxy     | org.jykka.proxy     | org.jykka.proxy         | java.base org.jykka",
        "jykka-osgi      | org.jykka.osgi      | org.jykka.osgi          | java.base org.jykka org.jykka.proxy osgi.core",
    })
    void moduleAndBundleAgree(String jar, String name, String exports, String requiredModules) throws IOException {
        Path file = BUNDLES.resolve(jar + ".jar");
        ModuleDescriptor module = descriptor(file);
        String bsn;
        String exportedByManifest;
        String importedByManifest;
        try (JarFile jarFile = new JarFile(file.toFile())) {
            bsn = jarFile.getManifest().getMainAttributes().getValue("Bundle-SymbolicName");
            exportedByManifest = jarFile.getManifest().getMainAttributes().getValue("Export-Package");
            importedByManifest = jarFile.getManifest().getMainAttributes().getValue("Import-Package");
        }

        assertEquals(name, module.name());
        assertEquals(name, bsn);
        assertFalse(module.isAutomatic(), "a real module-info.class, not an automatic module");
        assertFalse(module.isOpen(), "internals are not opened to everyone");
        Set<String> exported = module.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(Arrays.asList(exports.split(" "))), exported);
        for (String pkg : exported) {
            assertTrue(exportedByManifest.contains(pkg + ";version="), pkg + " exported by the manifest too");
            assertFalse(pkg.contains("internal"), pkg);
        }
        Set<String> requires = module.requires().stream().map(ModuleDescriptor.Requires::name)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(Arrays.asList(requiredModules.split(" "))), requires);
        assertEquals(modulesOf(importedByManifest, name), requires, "the modules of the packages the manifest imports");
    }

    /**
     * The modules a bundle's imports come from, as a module must require them: java.base always, the
     * Jykka module exporting each imported org.jykka package (its own excepted), osgi.core for
     * org.osgi.* (the OSGi core API's module name).
     */
    private static Set<String> modulesOf(String importPackage, String self) {
        Map<String, String> exporters = new HashMap<>();
        for (String jar : JARS) {
            ModuleDescriptor module = descriptor(BUNDLES.resolve(jar + ".jar"));
            module.exports().forEach(export -> exporters.put(export.source(), module.name()));
        }
        Set<String> modules = new TreeSet<>(Set.of("java.base"));
        if (importPackage == null) {
            return modules; // imports nothing (the api bundle needs java.base only)
        }
        // Header clauses are "package;attributes", separated by commas outside quoted attribute values.
        for (String clause : importPackage.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
            String pkg = clause.substring(0, clause.indexOf(';') < 0 ? clause.length() : clause.indexOf(';')).trim();
            modules.add(pkg.startsWith("org.osgi.") ? "osgi.core"
                    : Objects.requireNonNull(exporters.get(pkg), pkg + " is exported by no Jykka module"));
        }
        modules.remove(self);
        return modules;
    }

    @Test
    void noPackageIsSplitAcrossModules() throws IOException {
        Map<String, String> owner = new HashMap<>();
        for (String jar : JARS) {
            ModuleDescriptor module = descriptor(BUNDLES.resolve(jar + ".jar"));
            for (String pkg : module.packages()) {
                String before = owner.putIfAbsent(pkg, module.name());
                assertEquals(null, before, pkg + " is in both " + before + " and " + module.name());
            }
        }
    }

    @Test
    void theCoreModulesResolveOnTheModulePathWithoutCycles() {
        ModuleFinder finder = ModuleFinder.of(
                BUNDLES.resolve("jykka-api.jar"), BUNDLES.resolve("jykka-registry.jar"),
                BUNDLES.resolve("jykka-threading.jar"), BUNDLES.resolve("jykka-proxy.jar"));
        Configuration configuration = ModuleLayer.boot().configuration()
                .resolve(finder, ModuleFinder.of(), Set.of("org.jykka.threading", "org.jykka.registry", "org.jykka.proxy"));
        assertEquals(Set.of("org.jykka", "org.jykka.registry", "org.jykka.threading", "org.jykka.proxy"),
                configuration.modules().stream().map(m -> m.name()).collect(Collectors.toSet()));
    }

    @Test
    void everyClassIsJava17Bytecode() throws IOException {
        for (String jar : JARS) {
            try (JarFile jarFile = new JarFile(BUNDLES.resolve(jar + ".jar").toFile())) {
                var entries = jarFile.stream().filter(e -> e.getName().endsWith(".class")).toList();
                assertFalse(entries.isEmpty(), jar);
                for (var entry : entries) {
                    try (InputStream in = jarFile.getInputStream(entry)) {
                        DataInputStream data = new DataInputStream(in);
                        assertEquals(0xCAFEBABE, data.readInt());
                        data.readUnsignedShort(); // minor
                        int major = data.readUnsignedShort();
                        if (entry.getName().equals("module-info.class")) {
                            // bnd writes the descriptor it generates as Java 9 bytecode: any JPMS JVM reads it
                            assertTrue(major >= 53 && major <= 61, jar + "!module-info.class is " + major);
                        } else {
                            assertEquals(61, major, jar + "!" + entry.getName());
                        }
                    }
                }
            }
        }
    }

    private static ModuleDescriptor descriptor(Path jar) {
        Set<ModuleReference> found = ModuleFinder.of(jar).findAll();
        assertEquals(1, found.size(), jar.toString());
        return found.iterator().next().descriptor();
    }
}
