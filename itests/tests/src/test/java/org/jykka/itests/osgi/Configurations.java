package org.jykka.itests.osgi;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import org.osgi.framework.ServiceReference;

/**
 * Creates, updates and deletes factory configurations through the framework's real
 * ConfigurationAdmin service. Its API lives only inside the framework, so this goes through
 * reflection, with the classes of the bundle that exports {@code org.osgi.service.cm}.
 */
final class Configurations {
    private final OsgiFramework osgi;

    Configurations(OsgiFramework osgi) {
        this.osgi = osgi;
    }

    /**
     * Sets the properties of the named factory configuration {@code factoryPid~name} (created if
     * need be, for any bundle's location), as FileInstall does for {@code <factoryPid>-<name>.cfg}.
     */
    void put(String factoryPid, String name, Map<String, ?> properties) throws Exception {
        Object configuration = configuration(factoryPid, name);
        invoke(configuration, configurationApi().getMethod("update", Dictionary.class), new Hashtable<>(properties));
    }

    /** Deletes the named factory configuration. */
    void delete(String factoryPid, String name) throws Exception {
        invoke(configuration(factoryPid, name), configurationApi().getMethod("delete"));
    }

    private Object configuration(String factoryPid, String name) throws Exception {
        ServiceReference<?> reference = osgi.services("org.osgi.service.cm.ConfigurationAdmin", null).get(0);
        Object admin = osgi.context().getService(reference);
        try {
            Method get = api("org.osgi.service.cm.ConfigurationAdmin")
                    .getMethod("getFactoryConfiguration", String.class, String.class, String.class);
            return invoke(admin, get, factoryPid, name, "?");
        } finally {
            osgi.context().ungetService(reference);
        }
    }

    private Class<?> configurationApi() throws ClassNotFoundException {
        return api("org.osgi.service.cm.Configuration");
    }

    private Class<?> api(String className) throws ClassNotFoundException {
        return osgi.bundle("org.apache.felix.configadmin").loadClass(className);
    }

    private static Object invoke(Object target, Method method, Object... arguments) throws Exception {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
