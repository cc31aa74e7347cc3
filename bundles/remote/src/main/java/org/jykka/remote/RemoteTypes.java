package org.jykka.remote;

import static java.lang.System.Logger.Level.WARNING;

import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The classes that may cross the wire: the value types of every interface exported from this
 * framework ({@code service.exported.interfaces}) or imported into it ({@code service.imported}),
 * kept up to date as such services come and go. An interface's value types are its methods'
 * parameter, return and exception types, their type arguments and array components, and, for a
 * record or another serialisable class outside {@code java.*}, the types of its fields, however deep.
 * Exporting an interface with a method no call can cross (a parameter or result that is not
 * serialisable, or an {@code ActorFuture} result) is logged once, naming the method.
 */
final class RemoteTypes extends ServiceTracker<Object, Set<String>> {
    private static final System.Logger LOG = System.getLogger("org.jykka.remote");
    private static final String FILTER = "(|(" + "service.exported.interfaces=*)(service.imported=*))";

    private final Map<ServiceReference<Object>, Set<String>> types = new ConcurrentHashMap<>();

    RemoteTypes(BundleContext context) throws InvalidSyntaxException {
        super(context, context.createFilter(FILTER), null);
    }

    /** Whether a class of this name is a value type of an exported or imported interface now. */
    boolean allows(String className) {
        for (Set<String> names : types.values()) {
            if (names.contains(className)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Set<String> addingService(ServiceReference<Object> reference) {
        boolean exported = reference.getProperty("service.imported") == null;
        Set<String> names = new HashSet<>();
        for (String name : (String[]) reference.getProperty(Constants.OBJECTCLASS)) {
            Class<?> type = load(reference, name);
            if (type == null) {
                LOG.log(WARNING, "Cannot load " + name + " of remote service " + reference + "; none of its types"
                        + " may cross");
                continue;
            }
            for (Method method : type.getMethods()) {
                if (method.getDeclaringClass() == Object.class || Modifier.isStatic(method.getModifiers())) {
                    continue;
                }
                for (Type parameter : method.getGenericParameterTypes()) {
                    collect(parameter, names);
                }
                collect(method.getGenericReturnType(), names);
                for (Type exception : method.getGenericExceptionTypes()) {
                    collect(exception, names);
                }
                if (exported) {
                    warnIfNotRemotable(type, method);
                }
            }
        }
        types.put(reference, Set.copyOf(names));
        return names;
    }

    @Override
    public void removedService(ServiceReference<Object> reference, Set<String> names) {
        types.remove(reference); // nothing here keeps a class, or its bundle's class loader, reachable
    }

    /** Logs a method whose calls cannot cross: it names the method, the type and what to do. */
    private static void warnIfNotRemotable(Class<?> type, Method method) {
        String where = type.getName() + "." + method.getName();
        String returned = method.getReturnType().getName();
        if (returned.equals("org.jykka.ActorFuture") || returned.equals("java.util.concurrent.CompletionStage")) {
            LOG.log(WARNING, where + " returns " + returned + ", which cannot cross the wire (the future object is"
                    + " not serialisable): every remote call of it fails; declare CompletableFuture or Future instead");
        }
        List<Class<?>> carried = new ArrayList<>(List.of(method.getParameterTypes()));
        if (!Future.class.isAssignableFrom(method.getReturnType())) {
            carried.add(method.getReturnType());
        }
        for (Class<?> carriedType : carried) {
            Class<?> component = carriedType;
            while (component.isArray()) {
                component = component.getComponentType();
            }
            boolean mayBeSerialisable = component.isPrimitive() || component.isInterface()
                    || Serializable.class.isAssignableFrom(component) || !Modifier.isFinal(component.getModifiers());
            if (!mayBeSerialisable) {
                LOG.log(WARNING, where + " carries a " + carriedType.getName() + ", which is not Serializable: every"
                        + " call of it fails; make it a Serializable record or class");
            }
        }
    }

    /** Adds the classes a value of {@code type} may consist of. */
    private static void collect(Type type, Set<String> names) {
        if (type instanceof Class<?> raw) {
            Class<?> component = raw;
            while (component.isArray()) {
                component = component.getComponentType();
            }
            if (component.isPrimitive() || !names.add(component.getName()) || component.getName().startsWith("java.")
                    || component == CompletableFuture.class) {
                return;
            }
            if (component.isRecord()) {
                for (RecordComponent part : component.getRecordComponents()) {
                    collect(part.getGenericType(), names);
                }
            } else if (Serializable.class.isAssignableFrom(component)) {
                for (Class<?> c = component; c != null && !c.getName().startsWith("java."); c = c.getSuperclass()) {
                    names.add(c.getName());
                    for (Field field : c.getDeclaredFields()) {
                        int modifiers = field.getModifiers();
                        if (!Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers)) {
                            collect(field.getGenericType(), names);
                        }
                    }
                }
            }
        } else if (type instanceof ParameterizedType parameterized) {
            collect(parameterized.getRawType(), names);
            for (Type argument : parameterized.getActualTypeArguments()) {
                collect(argument, names);
            }
        } else if (type instanceof GenericArrayType array) {
            collect(array.getGenericComponentType(), names);
        } else if (type instanceof WildcardType wildcard) {
            for (Type bound : wildcard.getUpperBounds()) {
                collect(bound, names);
            }
            for (Type bound : wildcard.getLowerBounds()) {
                collect(bound, names);
            }
        } else if (type instanceof TypeVariable<?> variable) {
            for (Type bound : variable.getBounds()) {
                collect(bound, names);
            }
        }
    }

    /**
     * Loads an interface of a remote service: through the bundle that registered it (an exporting
     * plugin), or else through a bundle that exports its package (an imported service is registered
     * by the Remote Service Admin, which need not see it).
     */
    private Class<?> load(ServiceReference<Object> reference, String name) {
        Bundle registrant = reference.getBundle();
        Class<?> type = registrant == null ? null : tryLoad(registrant, name);
        if (type != null) {
            return type;
        }
        String pkg = name.lastIndexOf('.') < 0 ? "" : name.substring(0, name.lastIndexOf('.'));
        for (Bundle bundle : context.getBundles()) {
            BundleWiring wiring = bundle.adapt(BundleWiring.class);
            if (wiring == null) {
                continue;
            }
            for (BundleCapability capability : wiring.getCapabilities("osgi.wiring.package")) {
                if (pkg.equals(capability.getAttributes().get("osgi.wiring.package"))) {
                    type = tryLoad(bundle, name);
                    if (type != null) {
                        return type;
                    }
                }
            }
        }
        return null;
    }

    private static Class<?> tryLoad(Bundle bundle, String name) {
        try {
            return bundle.loadClass(name);
        } catch (ClassNotFoundException | IllegalStateException | LinkageError e) {
            return null;
        }
    }

    /** For tests: the value types of one interface, as a remote service of it would allow. */
    static Set<String> valueTypes(Class<?> type) {
        Set<String> names = new HashSet<>();
        for (Method method : type.getMethods()) {
            for (Type parameter : method.getGenericParameterTypes()) {
                collect(parameter, names);
            }
            collect(method.getGenericReturnType(), names);
        }
        return names;
    }
}
