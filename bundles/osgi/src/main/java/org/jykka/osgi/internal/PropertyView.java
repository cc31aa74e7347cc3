package org.jykka.osgi.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A typed, read-only view of a configuration's properties, as the actor's constructor asks for it:
 * an interface or annotation type (each no-argument method reads one property), or a record (each
 * component is one property). A member {@code max_size} reads {@code max_size} or, if there is none,
 * {@code max.size}. Values are converted as {@link PropertyValues} says, all at once when the view
 * is made, so a bad value is reported before the actor exists. A missing property takes the
 * annotation element's default, runs the interface's default method, or is {@code null} in a record
 * (for a primitive component it is an error).
 */
final class PropertyView {
    private PropertyView() {}

    /**
     * @throws IllegalArgumentException naming the first property that is missing or does not convert
     */
    static Object of(Class<?> type, Map<String, Object> properties) {
        if (type.isRecord()) {
            return record(type, properties);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Method method : type.getMethods()) {
            if (!isProperty(type, method)) {
                continue;
            }
            String key = key(method.getName(), properties);
            if (properties.containsKey(key)) {
                values.put(method.getName(), PropertyValues.convert(key, properties.get(key), method.getGenericReturnType()));
            } else if (method.getDefaultValue() != null) {
                values.put(method.getName(), method.getDefaultValue());
            } else if (!method.isDefault()) {
                throw new IllegalArgumentException("property '" + key + "' is missing (" + type.getSimpleName() + "."
                        + method.getName() + "() reads it)");
            }
        }
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, new View(type, values));
    }

    private static boolean isProperty(Class<?> type, Method method) {
        return method.getParameterCount() == 0 && !Modifier.isStatic(method.getModifiers())
                && method.getDeclaringClass() != Object.class && method.getDeclaringClass() != Annotation.class
                && (type.isAnnotation() || !Arrays.asList("hashCode", "toString").contains(method.getName()));
    }

    private static Object record(Class<?> type, Map<String, Object> properties) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] arguments = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            String key = key(components[i].getName(), properties);
            if (properties.containsKey(key)) {
                arguments[i] = PropertyValues.convert(key, properties.get(key), components[i].getGenericType());
            } else if (types[i].isPrimitive()) {
                throw new IllegalArgumentException("property '" + key + "' is missing (" + type.getSimpleName()
                        + " needs it: its component is a " + types[i] + ")");
            }
        }
        try {
            return type.getDeclaredConstructor(types).newInstance(arguments);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new IllegalArgumentException(type.getSimpleName() + " refused the configuration: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot create " + type.getName() + " (make it public): " + e, e);
        }
    }

    private static String key(String member, Map<String, Object> properties) {
        String dotted = member.replace('_', '.');
        return properties.containsKey(member) || !properties.containsKey(dotted) ? member : dotted;
    }

    /** Answers from the converted values; default methods run as written; the object methods locally. */
    private static final class View implements InvocationHandler {
        private final Class<?> type;
        private final Map<String, Object> values;

        View(Class<?> type, Map<String, Object> values) {
            this.type = type;
            this.values = values;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
            switch (method.getName()) {
                case "equals":
                    if (method.getParameterCount() == 1) {
                        return proxy == arguments[0];
                    }
                    break;
                case "hashCode":
                    if (method.getParameterCount() == 0) {
                        return System.identityHashCode(proxy);
                    }
                    break;
                case "toString":
                    if (method.getParameterCount() == 0) {
                        return type.getSimpleName() + values;
                    }
                    break;
                case "annotationType":
                    if (type.isAnnotation() && method.getParameterCount() == 0) {
                        return type;
                    }
                    break;
                default:
                    break;
            }
            if (values.containsKey(method.getName()) && method.getParameterCount() == 0) {
                return copy(values.get(method.getName()));
            }
            if (method.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, arguments);
            }
            throw new UnsupportedOperationException(method + " is not a configuration property");
        }

        private static Object copy(Object value) {
            if (value != null && value.getClass().isArray()) {
                int length = java.lang.reflect.Array.getLength(value);
                Object copy = java.lang.reflect.Array.newInstance(value.getClass().getComponentType(), length);
                System.arraycopy(value, 0, copy, 0, length);
                return copy;
            }
            return value;
        }
    }
}
