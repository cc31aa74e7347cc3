package org.jykka.proxy;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Members looked up by name, inside the actor, for {@link ActorProxy.Dynamic}: the public methods
 * and fields of the object's run-time class, as Pykka's proxies see the actor. Every error here
 * fails the caller's future.
 */
final class DynamicMembers {
    private static final ClassValue<Map<String, List<Method>>> METHODS = new ClassValue<>() {
        @Override
        protected Map<String, List<Method>> computeValue(Class<?> type) {
            return Arrays.stream(type.getMethods()).collect(Collectors.groupingBy(Method::getName));
        }
    };

    private DynamicMembers() {}

    /** The object at the end of {@code path}, starting from the actor; each member must be traversable. */
    static Object resolve(Object actor, List<String> path) {
        Object target = actor;
        for (int i = 0; i < path.size(); i++) {
            target = traverse(target, path.get(i));
            if (target == null) {
                throw new IllegalStateException("The traversable member " + String.join(".", path.subList(0, i + 1))
                        + " of " + actor + " is null: there is no object to call");
            }
        }
        return target;
    }

    private static Object traverse(Object target, String name) {
        Field field = field(target, name);
        if (field != null) {
            if (!InterfaceMapping.isTraversable(field)) {
                throw new IllegalArgumentException(describe(target, name) + " is not @Traversable: mark the field"
                        + " or its type @Traversable to reach into it, or use get(\"" + name + "\") for its value");
            }
            return read(field, target);
        }
        Method method = methods(target, name).stream()
                .filter(m -> m.getParameterCount() == 0)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        InterfaceMapping.name(target.getClass()) + " has no public field or method without parameters"
                                + " named " + name + " to traverse"));
        if (!method.isAnnotationPresent(Traversable.class)) {
            throw new IllegalArgumentException(describe(target, name) + "() is not @Traversable: mark the method"
                    + " @Traversable to reach into its result, or use call(\"" + name + "\") for its value");
        }
        return invoke(method, target, new Object[0]);
    }

    /** Calls the one public method named {@code name} that takes {@code arguments}. */
    static Object call(Object target, String name, Object[] arguments) {
        List<Method> named = methods(target, name);
        List<Method> applicable = named.stream()
                .filter(m -> accepts(m.getParameterTypes(), arguments))
                .collect(Collectors.toList());
        if (applicable.size() > 1) {
            // Overloads that all accept the arguments: take the one whose types are the arguments' own.
            applicable = applicable.stream()
                    .filter(m -> exactly(m.getParameterTypes(), arguments))
                    .collect(Collectors.toList());
        }
        if (applicable.size() != 1) {
            String given = Arrays.stream(arguments)
                    .map(a -> a == null ? "null" : a.getClass().getSimpleName())
                    .collect(Collectors.joining(", ", "(", ")"));
            String candidates = named.stream()
                    .map(m -> name + Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName)
                            .collect(Collectors.joining(", ", "(", ")")))
                    .collect(Collectors.joining(", "));
            throw new IllegalArgumentException(named.isEmpty()
                    ? InterfaceMapping.name(target.getClass()) + " has no public method " + name
                    : (applicable.isEmpty() ? "No" : "More than one") + " public method of "
                            + InterfaceMapping.name(target.getClass()) + " takes the arguments " + given
                            + "; there are: " + candidates);
        }
        Method method = applicable.get(0);
        if (method.getParameterCount() == 0 && method.isAnnotationPresent(Traversable.class)) {
            throw new IllegalArgumentException(describe(target, name) + "() is @Traversable: use traverse(\""
                    + name + "\") to call into it");
        }
        return invoke(method, target, arguments);
    }

    /** The value of the public field {@code name}. */
    static Object get(Object target, String name) {
        Field field = requireField(target, name);
        if (InterfaceMapping.isTraversable(field)) {
            throw new IllegalArgumentException(describe(target, name) + " is @Traversable: use traverse(\""
                    + name + "\") to call into it");
        }
        return read(field, target);
    }

    /** Writes the public, non-final field {@code name}. */
    static void set(Object target, String name, Object value) {
        Field field = requireField(target, name);
        if (Modifier.isFinal(field.getModifiers())) {
            throw new IllegalArgumentException(describe(target, name) + " is final and cannot be set");
        }
        if (!accepts(new Class<?>[] {field.getType()}, new Object[] {value})) {
            throw new IllegalArgumentException(describe(target, name) + " is " + field.getType().getSimpleName()
                    + " and cannot take " + (value == null ? "null" : "a " + value.getClass().getSimpleName()));
        }
        try {
            MemberAccess.open(field).set(Modifier.isStatic(field.getModifiers()) ? null : target, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("A proxy cannot write " + field + ": " + e.getMessage(), e);
        }
    }

    private static Object read(Field field, Object target) {
        try {
            return MemberAccess.open(field).get(Modifier.isStatic(field.getModifiers()) ? null : target);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("A proxy cannot read " + field + ": " + e.getMessage(), e);
        }
    }

    private static Object invoke(Method method, Object target, Object[] arguments) {
        try {
            return MemberAccess.open(method).invoke(Modifier.isStatic(method.getModifiers()) ? null : target, arguments);
        } catch (InvocationTargetException e) {
            throw MemberAccess.sneakyThrow(e.getCause()); // the actor's own exception, as a typed proxy gives it
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("A proxy cannot call " + method + ": " + e.getMessage(), e);
        }
    }

    private static List<Method> methods(Object target, String name) {
        return METHODS.get(target.getClass()).getOrDefault(name, List.of());
    }

    private static Field field(Object target, String name) {
        try {
            return target.getClass().getField(name);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    private static Field requireField(Object target, String name) {
        Field field = field(target, name);
        if (field == null) {
            throw new IllegalArgumentException(InterfaceMapping.name(target.getClass()) + " has no public field " + name);
        }
        return field;
    }

    private static String describe(Object target, String name) {
        return InterfaceMapping.name(target.getClass()) + "." + name;
    }

    /** Whether {@code arguments} can be passed to these parameters as core reflection would (unboxing, widening). */
    private static boolean accepts(Class<?>[] parameters, Object[] arguments) {
        if (parameters.length != arguments.length) {
            return false;
        }
        for (int i = 0; i < parameters.length; i++) {
            Class<?> parameter = parameters[i];
            Object argument = arguments[i];
            if (argument == null ? parameter.isPrimitive() : !assignable(parameter, argument.getClass())) {
                return false;
            }
        }
        return true;
    }

    private static boolean exactly(Class<?>[] parameters, Object[] arguments) {
        for (int i = 0; i < parameters.length; i++) {
            if (arguments[i] != null && Reply.boxed(parameters[i]) != arguments[i].getClass()) {
                return false;
            }
        }
        return true;
    }

    private static boolean assignable(Class<?> parameter, Class<?> argument) {
        if (!parameter.isPrimitive()) {
            return parameter.isAssignableFrom(argument);
        }
        Class<?> primitive = Objects.requireNonNullElse(PRIMITIVES.get(argument), void.class);
        return primitive == parameter || WIDENINGS.getOrDefault(primitive, List.of()).contains(parameter);
    }

    private static final Map<Class<?>, Class<?>> PRIMITIVES = Map.of(
            Boolean.class, boolean.class, Byte.class, byte.class, Short.class, short.class,
            Character.class, char.class, Integer.class, int.class, Long.class, long.class,
            Float.class, float.class, Double.class, double.class);

    // The widening primitive conversions that Method.invoke and Field.set apply (JLS 5.1.2).
    private static final Map<Class<?>, List<Class<?>>> WIDENINGS = Map.of(
            byte.class, List.of(short.class, int.class, long.class, float.class, double.class),
            short.class, List.of(int.class, long.class, float.class, double.class),
            char.class, List.of(int.class, long.class, float.class, double.class),
            int.class, List.of(long.class, float.class, double.class),
            long.class, List.of(float.class, double.class),
            float.class, List.of(double.class));
}
