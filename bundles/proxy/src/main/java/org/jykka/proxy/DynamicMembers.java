package org.jykka.proxy;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jykka.Actor;

/**
 * Members looked up by name, inside the actor, for {@link ActorProxy.Dynamic}: the public methods
 * and fields of the object's run-time class, as Pykka's proxies see the actor. Every error here
 * fails the caller's future. Compiler-made methods (the bridges of generic overrides) are not members.
 */
final class DynamicMembers {
    private static final ClassValue<Map<String, List<Method>>> METHODS = new ClassValue<>() {
        @Override
        protected Map<String, List<Method>> computeValue(Class<?> type) {
            return Arrays.stream(type.getMethods())
                    .filter(method -> !method.isSynthetic() || isVisibilityBridge(method))
                    .collect(Collectors.groupingBy(Method::getName));
        }
    };

    private DynamicMembers() {}

    /**
     * Whether a compiler-made method is the public entry javac adds to a public class for a public
     * method it inherits from a non-public one (the only way to call that method from outside), as
     * opposed to the bridge of a generic override ({@code Object get()} beside {@code String get()}),
     * which forwards to a method of narrower types that is listed already.
     */
    private static boolean isVisibilityBridge(Method bridge) {
        return bridge.isBridge() && Arrays.stream(bridge.getDeclaringClass().getDeclaredMethods())
                .noneMatch(method -> !method.isBridge() && forwardsTo(bridge, method));
    }

    private static boolean forwardsTo(Method bridge, Method method) {
        Class<?>[] wide = bridge.getParameterTypes();
        Class<?>[] narrow = method.getParameterTypes();
        if (!method.getName().equals(bridge.getName()) || wide.length != narrow.length
                || !bridge.getReturnType().isAssignableFrom(method.getReturnType())) {
            return false;
        }
        for (int i = 0; i < wide.length; i++) {
            if (!wide[i].isAssignableFrom(narrow[i])) {
                return false;
            }
        }
        return true;
    }

    /** The object at the end of {@code path}, starting from the actor; each member must be traversable. */
    static Object resolve(Actor actor, List<String> path) {
        return MemberPath.walk(actor, path, (index, target) -> traverse(target, path.get(index)));
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

    /** Calls the public method named {@code name} that Java would choose for {@code arguments}. */
    static Object call(Object target, String name, Object[] arguments) {
        Overloads.Choice choice = Overloads.choose(target.getClass(), name, methods(target, name), arguments);
        Method method = choice.method();
        if (method.getParameterCount() == 0 && method.isAnnotationPresent(Traversable.class)) {
            throw new IllegalArgumentException(describe(target, name) + "() is @Traversable: use traverse(\""
                    + name + "\") to call into it");
        }
        return invoke(method, target, choice.arguments());
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
        if (!Overloads.accepts(field.getType(), value)) {
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
}
