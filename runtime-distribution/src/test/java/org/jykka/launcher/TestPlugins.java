package org.jykka.launcher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Plugin jars made by the tests from actor classes of {@code org.jykka.testplugin}, with the
 * manifest {@code @PluginActor} would give them, and jars that are broken on purpose.
 */
final class TestPlugins {

    private TestPlugins() {
    }

    /**
     * A plugin bundle {@code bsn} whose actors are {@code actors}, each named by its simple name in
     * lower case; the jar holds their classes and the classes nested in them.
     */
    static byte[] plugin(String bsn, Class<?>... actors) throws IOException {
        Manifest manifest = bundleManifest(bsn);
        List<String> declared = new ArrayList<>();
        for (Class<?> actor : actors) {
            declared.add(actor.getName() + ";name=" + actor.getSimpleName().toLowerCase(java.util.Locale.ROOT));
        }
        Attributes main = manifest.getMainAttributes();
        main.putValue("Import-Package", "org.jykka;version=\"[0.1,1)\",org.jykka.threading;version=\"[0.1,1)\"");
        main.putValue("Jykka-Actors", String.join(",", declared));
        main.putValue("Require-Capability", "osgi.extender;filter:=\"(&(osgi.extender=org.jykka)(version>=0.1.0))\"");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            for (Class<?> actor : actors) {
                List<Class<?>> classes = new ArrayList<>(List.of(actor));
                classes.addAll(List.of(actor.getDeclaredClasses()));
                for (Class<?> type : classes) {
                    String entry = type.getName().replace('.', '/') + ".class";
                    jar.putNextEntry(new JarEntry(entry));
                    try (InputStream in = type.getClassLoader().getResourceAsStream(entry)) {
                        in.transferTo(jar);
                    }
                    jar.closeEntry();
                }
            }
        }
        return bytes.toByteArray();
    }

    /**
     * A bundle {@code bsn} holding {@code classes} (and the classes nested in them), with these
     * manifest headers besides the bundle's identity.
     */
    static byte[] bundle(String bsn, java.util.Map<String, String> headers, Class<?>... classes) throws IOException {
        Manifest manifest = bundleManifest(bsn);
        headers.forEach(manifest.getMainAttributes()::putValue);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            for (Class<?> top : classes) {
                List<Class<?>> all = new ArrayList<>(List.of(top));
                all.addAll(List.of(top.getDeclaredClasses()));
                for (Class<?> type : all) {
                    addClass(jar, type);
                }
            }
        }
        return bytes.toByteArray();
    }

    private static void addClass(JarOutputStream jar, Class<?> type) throws IOException {
        String entry = type.getName().replace('.', '/') + ".class";
        jar.putNextEntry(new JarEntry(entry));
        try (InputStream in = type.getClassLoader().getResourceAsStream(entry)) {
            in.transferTo(jar);
        }
        jar.closeEntry();
    }

    /** A well-formed bundle that can never resolve: it imports a package nobody exports. */
    static byte[] needingAMissingPackage(String bsn) throws IOException {
        Manifest manifest = bundleManifest(bsn);
        manifest.getMainAttributes().putValue("Import-Package", "org.example.missing");
        return jar(manifest);
    }

    /** A jar that is not a bundle: its manifest has no {@code Bundle-SymbolicName}. */
    static byte[] plainJar() throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Implementation-Title", "a plain library");
        return jar(manifest);
    }

    /** The first half of a real plugin jar, as a failed download leaves it. */
    static byte[] truncated(Path jar) throws IOException {
        byte[] whole = Files.readAllBytes(jar);
        return java.util.Arrays.copyOf(whole, whole.length / 2);
    }

    private static Manifest bundleManifest(String bsn) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", bsn);
        main.putValue("Bundle-Version", "1.0.0");
        return manifest;
    }

    private static byte[] jar(Manifest manifest) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new JarOutputStream(bytes, manifest)) {
            out.flush();
        }
        return bytes.toByteArray();
    }
}
