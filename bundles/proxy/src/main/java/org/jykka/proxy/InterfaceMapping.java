package org.jykka.proxy;

import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An interface mapped onto a class: the {@link Route} of every interface method, resolved once per
 * (class, interface) pair and cached, so a proxy call costs a map lookup more than a plain
 * {@code call}.
 *
 * <p>The cache hangs off the actor class ({@link ClassValue}), so it goes away with the class loader
 * of the bundle that defined it.
 */
final class InterfaceMapping {
    private static final Map<Method, Route.Local> OBJECT_METHODS;
    private static final ClassValue<ConcurrentMap<Class<?>, Outcome>> CACHE = new ClassValue<>() {
        @Override
        protected ConcurrentMap<Class<?>, Outcome> computeValue(Class<?> target) {
            return new ConcurrentHashMap<>();
        }
    };

    static {
        try {
            OBJECT_METHODS = Map.of(
                    Object.class.getMethod("equals", Object.class), Route.Local.EQUALS,
                    Object.class.getMethod("hashCode"), Route.Local.HASH_CODE,
                    Object.class.getMethod("toString"), Route.Local.TO_STRING);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The class whose instances the calls run on: the actor's, or a traversed member's declared type. */
    final Class<?> target;
    /** The interface the proxy implements. */
    final Class<?> type;
    // Filled while building, then only read: published to other threads through the cache's map.
    private final Map<Method, Route> routes = new HashMap<>(OBJECT_METHODS);

    private InterfaceMapping(Class<?> target, Class<?> type) {
        this.target = target;
        this.type = type;
    }

    /**
     * The mapping of {@code type} onto {@code target}, from the cache or built now.
     *
     * @throws IllegalArgumentException naming every interface method that cannot be mapped
     * @throws IllegalStateException naming the {@code opens} clauses a named module lacks
     */
    static InterfaceMapping of(Class<?> target, Class<?> type) {
        ConcurrentMap<Class<?>, Outcome> byType = CACHE.get(target);
        Outcome outcome = byType.get(type);
        if (outcome == null) {
            outcome = new Builder().outcome(target, type);
            Outcome raced = byType.putIfAbsent(type, outcome);
            if (raced != null) {
                outcome = raced;
            }
        }
        return outcome.mapping();
    }

    /** The route of {@code method}, one of {@link #type}'s methods or {@code Object}'s three. */
    Route route(Method method) {
        return routes.get(method);
    }

    /** A build's result, kept in the cache as it is: a failure fails every later creation the same way. */
    private sealed interface Outcome {
        InterfaceMapping mapping();
    }

    private record Mapped(InterfaceMapping mapping) implements Outcome {}

    private record Unmappable(String message) implements Outcome {
        @Override
        public InterfaceMapping mapping() {
            throw new IllegalArgumentException(message);
        }
    }

    private record Unreachable(String message) implements Outcome {
        @Override
        public InterfaceMapping mapping() {
            throw new IllegalStateException(message);
        }
    }

    /** One build: maps an interface and, through traversable members, every nested one. */
    private static final class Builder {
        private final Map<List<Class<?>>, InterfaceMapping> built = new HashMap<>();
        private final List<String> problems = new ArrayList<>();
        private final Set<MemberAccess.Clause> clauses = new LinkedHashSet<>();

        Outcome outcome(Class<?> target, Class<?> type) {
            reachable(target);
            InterfaceMapping mapping = map(target, type, "");
            if (!problems.isEmpty()) {
                return new Unmappable(name(type) + " cannot be a proxy of " + name(target) + ": "
                        + (problems.size() == 1 ? "1 method cannot" : problems.size() + " methods cannot")
                        + " be mapped.\n" + String.join("\n", problems)
                        + "\nEach method must match a public method of the actor (same name and parameter types),"
                        + " read a public field (x() or getX()) or write one (x(v) or setX(v)).");
            }
            if (!clauses.isEmpty()) {
                return new Unreachable(MemberAccess.describe(target, clauses));
            }
            return new Mapped(mapping);
        }

        /** Maps {@code type} onto {@code target}; a pair met again (a cycle of traversables) is shared. */
        private InterfaceMapping map(Class<?> target, Class<?> type, String prefix) {
            List<Class<?>> key = List.of(target, type);
            InterfaceMapping existing = built.get(key);
            if (existing != null) {
                return existing;
            }
            InterfaceMapping mapping = new InterfaceMapping(target, type);
            built.put(key, mapping);
            Method[] methods = type.getMethods();
            // Sorted, so the list of problems is the same on every JVM.
            Arrays.sort(methods, Comparator.comparing(InterfaceMapping::signature));
            for (Method method : methods) {
                if (Modifier.isStatic(method.getModifiers())) {
                    continue;
                }
                Route local = localRoute(method);
                Route route = local != null ? local : route(target, method, prefix);
                if (route != null) {
                    mapping.routes.put(method, route);
                }
            }
            return mapping;
        }

        private Route route(Class<?> target, Method method, String prefix) {
            String name = method.getName();
            Class<?>[] parameters = method.getParameterTypes();
            Method actorMethod = publicMethod(target, name, parameters);
            if (actorMethod != null) {
                return methodRoute(target, method, actorMethod, prefix);
            }
            List<String> fieldNames = fieldNames(name, parameters.length);
            Field field = publicField(target, fieldNames);
            if (field != null) {
                return parameters.length == 0
                        ? readRoute(method, field, prefix)
                        : writeRoute(method, field, prefix);
            }
            if (method.isDefault()) {
                return reachable(method) ? new Route.Default(MemberAccess.defaultInvoker(method)) : null;
            }
            problem(prefix, method, missing(target, name, parameters, fieldNames));
            return null;
        }

        private Route methodRoute(Class<?> target, Method method, Method actorMethod, String prefix) {
            if (actorMethod.getParameterCount() == 0 && actorMethod.isAnnotationPresent(Traversable.class)) {
                return traverseRoute(method, actorMethod, actorMethod.getReturnType(), prefix);
            }
            Reply reply = Reply.of(method);
            if (reply != Reply.NONE && !Reply.fits(reply.valueType(method), actorMethod.getReturnType())) {
                problem(prefix, method, name(target) + "." + signature(actorMethod) + " returns "
                        + actorMethod.getReturnType().getSimpleName() + ", which does not fit "
                        + Reply.describe(method));
                return null;
            }
            return reachable(actorMethod) ? new Route.Call(MemberAccess.invoker(actorMethod), reply) : null;
        }

        private Route readRoute(Method method, Field field, String prefix) {
            if (isTraversable(field)) {
                return traverseRoute(method, field, field.getType(), prefix);
            }
            Reply reply = Reply.of(method);
            if (reply == Reply.NONE) {
                problem(prefix, method, "reads the field " + describe(field)
                        + ", so it must return the value or a future of it, not void");
                return null;
            }
            if (!Reply.fits(reply.valueType(method), field.getType())) {
                problem(prefix, method, "reads the field " + describe(field) + ", which does not fit "
                        + Reply.describe(method));
                return null;
            }
            return reachable(field) ? new Route.Call(MemberAccess.reader(field), reply) : null;
        }

        private Route writeRoute(Method method, Field field, String prefix) {
            Reply reply = Reply.of(method);
            Class<?> value = method.getParameterTypes()[0];
            if (Modifier.isFinal(field.getModifiers())) {
                problem(prefix, method, "writes the field " + describe(field) + ", which is final");
                return null;
            }
            if (reply == Reply.VALUE || reply.isFuture() && !Reply.fits(reply.valueType(method), void.class)) {
                problem(prefix, method, "writes the field " + describe(field) + ", so it must return void"
                        + " (fire and forget) or a future of Void, not " + Reply.describe(method));
                return null;
            }
            if (!Reply.fits(field.getType(), value)) {
                problem(prefix, method, "writes the field " + describe(field) + ", which cannot take "
                        + value.getSimpleName());
                return null;
            }
            return reachable(field) ? new Route.Call(MemberAccess.writer(field), reply) : null;
        }

        private <M extends Member> Route traverseRoute(Method method, M member, Class<?> declaredType, String prefix) {
            Class<?> nestedType = method.getReturnType();
            String memberName = member.getName() + (member instanceof Method ? "()" : "");
            if (!nestedType.isInterface() || Reply.of(method).isFuture()) {
                problem(prefix, method, name(member.getDeclaringClass()) + "." + memberName
                        + " is @Traversable, so it must return an interface for the nested proxy, not "
                        + Reply.describe(method));
                return null;
            }
            InterfaceMapping nested = map(declaredType, nestedType, prefix + name(method.getDeclaringClass())
                    + "." + signature(method) + " → ");
            return reachable(member.getDeclaringClass())
                    ? new Route.Traverse(member.getName(), MemberAccess.step(member), nested)
                    : null;
        }

        private boolean reachable(Member member) {
            return reachable(member.getDeclaringClass());
        }

        private boolean reachable(Class<?> type) {
            MemberAccess.Clause clause = MemberAccess.missingClause(type);
            if (clause != null) {
                clauses.add(clause);
                return false;
            }
            return true;
        }

        private void problem(String prefix, Method method, String text) {
            problems.add("  - " + prefix + name(method.getDeclaringClass()) + "." + signature(method) + ": " + text);
        }
    }

    static boolean isTraversable(Field field) {
        return field.isAnnotationPresent(Traversable.class) || field.getType().isAnnotationPresent(Traversable.class);
    }

    private static Route.Local localRoute(Method method) {
        for (Map.Entry<Method, Route.Local> entry : OBJECT_METHODS.entrySet()) {
            Method objectMethod = entry.getKey();
            if (objectMethod.getName().equals(method.getName())
                    && Arrays.equals(objectMethod.getParameterTypes(), method.getParameterTypes())) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static Method publicMethod(Class<?> target, String name, Class<?>[] parameters) {
        try {
            return target.getMethod(name, parameters);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static Field publicField(Class<?> target, List<String> names) {
        for (String name : names) {
            try {
                return target.getField(name);
            } catch (NoSuchFieldException e) {
                // try the next spelling
            }
        }
        return null;
    }

    /** The fields an accessor may mean: {@code x()} and {@code getX()} read x; {@code x(v)}, {@code setX(v)} write it. */
    private static List<String> fieldNames(String methodName, int parameters) {
        String prefix = parameters == 0 ? "get" : parameters == 1 ? "set" : null;
        if (prefix == null) {
            return List.of();
        }
        if (methodName.length() > 3 && methodName.startsWith(prefix) && Character.isUpperCase(methodName.charAt(3))) {
            String property = methodName.substring(3);
            // Bean rules: getURL reads URL, getName reads name.
            boolean acronym = property.length() > 1 && Character.isUpperCase(property.charAt(1));
            String field = acronym ? property : Character.toLowerCase(property.charAt(0)) + property.substring(1);
            return List.of(methodName, field);
        }
        return List.of(methodName);
    }

    /** Why nothing matched: what is missing, and a non-public member of that name if there is one. */
    private static String missing(Class<?> target, String name, Class<?>[] parameters, List<String> fieldNames) {
        String text = name(target) + " has no public method " + name + parameterList(parameters);
        if (!fieldNames.isEmpty()) {
            text += " and no public field " + String.join(" or ", fieldNames);
        }
        String hidden = hierarchy(target)
                .flatMap(type -> Stream.concat(
                        Arrays.stream(type.getDeclaredMethods())
                                .filter(m -> m.getName().equals(name) && Arrays.equals(m.getParameterTypes(), parameters)),
                        Arrays.stream(type.getDeclaredFields()).filter(f -> fieldNames.contains(f.getName()))))
                .filter(member -> !Modifier.isPublic(((Member) member).getModifiers()))
                .map(member -> name(((Member) member).getDeclaringClass()) + "." + ((Member) member).getName()
                        + (member instanceof Method m ? parameterList(m.getParameterTypes()) : ""))
                .collect(Collectors.joining(", "));
        if (!hidden.isEmpty()) {
            text += " (" + hidden + " is not public: a proxy reaches public members only)";
        }
        return text;
    }

    private static Stream<Class<?>> hierarchy(Class<?> type) {
        return Stream.<Class<?>>iterate(type, c -> c != null && c != Object.class, Class::getSuperclass);
    }

    private static String describe(Field field) {
        return name(field.getDeclaringClass()) + "." + field.getName() + " (" + field.getType().getSimpleName() + ")";
    }

    private static String signature(Method method) {
        return method.getName() + parameterList(method.getParameterTypes());
    }

    private static String parameterList(Class<?>[] parameters) {
        return Arrays.stream(parameters).map(Class::getSimpleName).collect(Collectors.joining(", ", "(", ")"));
    }

    /** A class's name as a reader knows it: the simple name, or the binary name's last part if anonymous. */
    static String name(Class<?> type) {
        String simple = type.getSimpleName();
        return simple.isEmpty() ? type.getName().substring(type.getName().lastIndexOf('.') + 1) : simple;
    }
}
