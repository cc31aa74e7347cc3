package org.jykka.osgi.internal;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jykka.Actor;
import org.osgi.framework.BundleContext;

/**
 * The public constructor the extender creates a plugin actor with. An actor without a factory PID
 * takes {@code (BundleContext)} or nothing; a configured one takes its properties, optionally after
 * the {@code BundleContext}: a {@code Map<String, Object>} or a typed view ({@link PropertyView}).
 * The forms with the context are preferred.
 *
 * @param properties the type of the properties parameter, or {@code null} for a plain actor
 */
record ActorConstructor(Constructor<? extends Actor> constructor, boolean takesContext, Class<?> properties) {

    /** The constructor of an actor that is not configured. */
    static ActorConstructor plain(Class<? extends Actor> type) {
        for (Constructor<?> candidate : type.getConstructors()) {
            if (candidate.getParameterCount() == 1 && candidate.getParameterTypes()[0] == BundleContext.class) {
                return new ActorConstructor(cast(candidate), true, null);
            }
        }
        for (Constructor<?> candidate : type.getConstructors()) {
            if (candidate.getParameterCount() == 0) {
                return new ActorConstructor(cast(candidate), false, null);
            }
        }
        throw new IllegalArgumentException(type.getName() + " has neither a public no-argument constructor nor a public"
                + " constructor taking the BundleContext");
    }

    /** The constructor of an actor that is started once per factory configuration. */
    static ActorConstructor configured(Class<? extends Actor> type) {
        List<ActorConstructor> withContext = new ArrayList<>();
        List<ActorConstructor> withoutContext = new ArrayList<>();
        for (Constructor<?> candidate : type.getConstructors()) {
            Class<?>[] parameters = candidate.getParameterTypes();
            if (parameters.length == 2 && parameters[0] == BundleContext.class && isPropertiesType(parameters[1])) {
                withContext.add(new ActorConstructor(cast(candidate), true, parameters[1]));
            } else if (parameters.length == 1 && isPropertiesType(parameters[0])) {
                withoutContext.add(new ActorConstructor(cast(candidate), false, parameters[0]));
            }
        }
        List<ActorConstructor> preferred = withContext.isEmpty() ? withoutContext : withContext;
        if (preferred.size() == 1) {
            return preferred.get(0);
        }
        if (preferred.isEmpty()) {
            throw new IllegalArgumentException(type.getName() + " has a factory PID but no public constructor taking its"
                    + " configuration: add one taking a Map<String, Object>, an interface, an annotation type or a"
                    + " record (optionally after the BundleContext)");
        }
        throw new IllegalArgumentException(type.getName() + " has " + preferred.size() + " public constructors that could"
                + " take its configuration; keep one");
    }

    /**
     * The arguments for this constructor: the context, and the properties as the constructor wants them.
     *
     * @throws IllegalArgumentException naming the property whose value does not fit its typed view
     */
    Object[] arguments(BundleContext context, Map<String, Object> configuration) {
        List<Object> arguments = new ArrayList<>(2);
        if (takesContext) {
            arguments.add(context);
        }
        if (properties == Map.class) {
            arguments.add(Collections.unmodifiableMap(new LinkedHashMap<>(configuration)));
        } else if (properties != null) {
            arguments.add(PropertyView.of(properties, configuration));
        }
        return arguments.toArray();
    }

    /**
     * Creates the actor.
     *
     * @throws InvocationTargetException if the constructor threw
     */
    Actor newInstance(Object[] arguments) throws ReflectiveOperationException {
        return constructor.newInstance(arguments);
    }

    private static boolean isPropertiesType(Class<?> type) {
        return type == Map.class || (type.isInterface() && type != BundleContext.class) || type.isRecord();
    }

    @SuppressWarnings("unchecked")
    private static Constructor<? extends Actor> cast(Constructor<?> constructor) {
        return (Constructor<? extends Actor>) constructor;
    }
}
