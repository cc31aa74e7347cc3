package org.jykka.itests.osgi;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.ref.WeakReference;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleWiring;

/**
 * A plugin's VirtualThreadActor that sets its thread's context class loader does not keep the plugin's
 * class loader alive once the plugin is gone, even while another plugin keeps every runner thread busy
 * (so the runner that ran it lives on). Needs Java 21+ (.ci/run runs it on its Java 21+ JDK).
 */
class VirtualThreadContextLoaderTest extends FrameworkTest {

    @BeforeEach
    void needsVirtualThreads() {
        assumeTrue(Runtime.version().feature() >= 21, "VirtualThreadActor needs Java 21+");
    }

    @Test
    void uninstalledPluginWhoseVirtualThreadActorSetTheContextClassLoaderLeavesItsClassLoaderCollectable() throws Exception {
        osgi.startJykka();
        osgi.start("jykka-itests-api");
        osgi.start("jykka-itests-plugin-virtual-busy");
        Bundle plugin = osgi.start("jykka-itests-plugin-virtual-loader");
        awaitEquals(true, () -> osgi.events().contains("context loader set"));
        WeakReference<ClassLoader> pluginLoader = new WeakReference<>(plugin.adapt(BundleWiring.class).getClassLoader());

        plugin.uninstall();
        osgi.refresh();

        await().atMost(OsgiFramework.WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            System.gc();
            return pluginLoader.get() == null;
        });
    }
}
