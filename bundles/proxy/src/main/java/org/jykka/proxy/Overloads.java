package org.jykka.proxy;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Chooses, among the public methods of one name, the one a Java caller would reach with these
 * argument values, as javac chooses among overloads (JLS 15.12.2), for {@link ActorProxy.Dynamic}.
 *
 * <p>Each argument stands for what a caller would have written: a boxed primitive ({@code Integer},
 * {@code Boolean}, …) for the primitive itself, since that is what {@code call("widen", 1)} boxed;
 * {@code null} for the null type; any other object for its run-time class. The phases are javac's:
 * first the methods applicable without boxing or varargs (identity, primitive widening, subtyping),
 * then with boxing and unboxing, then by variable arity. Within the first phase that finds any, the
 * most specific one is taken; if none is more specific than all the others, the call is ambiguous.
 */
final class Overloads {
    /** The method to invoke and its arguments, the trailing ones packed into an array for a varargs call. */
    record Choice(Method method, Object[] arguments) {}

    private Overloads() {}

    /**
     * The method of {@code candidates} (all named {@code name}, public members of {@code owner}'s
     * class) that takes {@code arguments}.
     *
     * @throws IllegalArgumentException if there is none, or no most specific one among several
     */
    static Choice choose(Class<?> owner, String name, List<Method> candidates, Object[] arguments) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException(InterfaceMapping.name(owner) + " has no public method " + name);
        }
        Class<?>[] types = Arrays.stream(arguments).map(Overloads::typeOf).toArray(Class<?>[]::new);
        for (Phase phase : Phase.values()) {
            List<Method> applicable = candidates.stream()
                    .filter(method -> phase.applies(method, types))
                    .collect(Collectors.toList());
            if (applicable.isEmpty()) {
                continue;
            }
            List<Method> best = applicable.stream()
                    .filter(method -> applicable.stream().noneMatch(other -> strictlyMoreSpecific(other, method, phase, types.length)))
                    .collect(Collectors.toList());
            if (best.size() > 1) {
                throw new IllegalArgumentException("The call " + name + given(arguments) + " is ambiguous: "
                        + InterfaceMapping.name(owner) + " has " + signatures(name, best)
                        + ", and none is more specific than the others; pass arguments whose types"
                        + " pick one, or give the overloads distinct names");
            }
            Method method = best.get(0);
            return new Choice(method, phase == Phase.VARIABLE_ARITY ? packed(method, arguments) : arguments);
        }
        throw new IllegalArgumentException("No public method of " + InterfaceMapping.name(owner)
                + " takes the arguments " + given(arguments) + "; there are: " + signatures(name, candidates));
    }

    /** Whether {@code value} can be passed where {@code parameter} is declared (boxing and unboxing allowed). */
    static boolean accepts(Class<?> parameter, Object value) {
        return loose(parameter, typeOf(value));
    }

    /** The three phases of JLS 15.12.2.2–4, in the order javac tries them. */
    private enum Phase {
        STRICT, LOOSE, VARIABLE_ARITY;

        boolean applies(Method method, Class<?>[] arguments) {
            Class<?>[] parameters = method.getParameterTypes();
            if (this == VARIABLE_ARITY) {
                return method.isVarArgs() && arguments.length >= parameters.length - 1
                        && allFit(expanded(method, arguments.length), arguments, Overloads::loose);
            }
            return parameters.length == arguments.length
                    && allFit(parameters, arguments, this == STRICT ? Overloads::strict : Overloads::loose);
        }
    }

    private interface Conversion {
        boolean allows(Class<?> parameter, Class<?> argument);
    }

    private static boolean allFit(Class<?>[] parameters, Class<?>[] arguments, Conversion conversion) {
        for (int i = 0; i < arguments.length; i++) {
            if (!conversion.allows(parameters[i], arguments[i])) {
                return false;
            }
        }
        return true;
    }

    /** Identity, primitive widening, reference widening: no boxing ({@code null} stands for the null type). */
    private static boolean strict(Class<?> parameter, Class<?> argument) {
        if (argument == null) {
            return !parameter.isPrimitive();
        }
        return parameter.isPrimitive() == argument.isPrimitive() && subtype(argument, parameter);
    }

    /** Strict, or a primitive boxed and then widened as a reference. Arguments are never boxes: see {@link #typeOf}. */
    private static boolean loose(Class<?> parameter, Class<?> argument) {
        return strict(parameter, argument)
                || argument != null && argument.isPrimitive() && !parameter.isPrimitive()
                        && parameter.isAssignableFrom(Reply.boxed(argument));
    }

    /**
     * Whether {@code m1} is strictly more specific than {@code m2} for {@code arity} arguments (JLS
     * 15.12.2.5, for methods that are not generic): each parameter type a subtype of the other's, and
     * not the other way round.
     */
    private static boolean strictlyMoreSpecific(Method m1, Method m2, Phase phase, int arity) {
        return m1 != m2 && moreSpecific(m1, m2, phase, arity) && !moreSpecific(m2, m1, phase, arity);
    }

    private static boolean moreSpecific(Method m1, Method m2, Phase phase, int arity) {
        if (phase != Phase.VARIABLE_ARITY) {
            return allFit(m2.getParameterTypes(), m1.getParameterTypes(), (t, s) -> subtype(s, t));
        }
        Class<?>[] s = expanded(m1, arity + 1);
        Class<?>[] t = expanded(m2, arity + 1);
        for (int i = 0; i < arity; i++) {
            if (!subtype(s[i], t[i])) {
                return false;
            }
        }
        // With no argument left for it, m2's variable arity parameter is compared too.
        return m2.getParameterCount() != arity + 1 || subtype(s[arity], t[arity]);
    }

    /** The parameter types of a varargs method called with {@code arity} arguments: the array's component repeated. */
    private static Class<?>[] expanded(Method method, int arity) {
        Class<?>[] parameters = method.getParameterTypes();
        Class<?>[] types = Arrays.copyOf(parameters, Math.max(arity, parameters.length - 1));
        Class<?> component = parameters[parameters.length - 1].getComponentType();
        Arrays.fill(types, parameters.length - 1, types.length, component);
        return types;
    }

    /** The arguments of a variable arity call: the fixed ones, then an array of the rest. */
    private static Object[] packed(Method method, Object[] arguments) {
        int fixed = method.getParameterCount() - 1;
        Object rest = Array.newInstance(method.getParameterTypes()[fixed].getComponentType(), arguments.length - fixed);
        for (int i = fixed; i < arguments.length; i++) {
            Array.set(rest, i - fixed, arguments[i]); // unboxes and widens into a primitive array
        }
        Object[] packed = Arrays.copyOf(arguments, fixed + 1);
        packed[fixed] = rest;
        return packed;
    }

    /** JLS 4.10: primitives by widening ({@code int <: long <: float <: double}), references by assignability. */
    private static boolean subtype(Class<?> s, Class<?> t) {
        if (s.isPrimitive() != t.isPrimitive()) {
            return false;
        }
        return s.isPrimitive() ? s == t || WIDENINGS.getOrDefault(s, List.of()).contains(t) : t.isAssignableFrom(s);
    }

    /** What the caller wrote: a box's primitive, a {@code null} for the null type, else the run-time class. */
    private static Class<?> typeOf(Object argument) {
        return argument == null ? null : PRIMITIVES.getOrDefault(argument.getClass(), argument.getClass());
    }

    private static String given(Object[] arguments) {
        return Arrays.stream(arguments)
                .map(argument -> argument == null ? "null" : argument.getClass().getSimpleName())
                .collect(Collectors.joining(", ", "(", ")"));
    }

    private static String signatures(String name, List<Method> methods) {
        return methods.stream().map(method -> name + parameterList(method)).collect(Collectors.joining(", "));
    }

    /** {@code (String, int...)}. */
    private static String parameterList(Method method) {
        String list = Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName)
                .collect(Collectors.joining(", ", "(", ")"));
        return method.isVarArgs() ? list.substring(0, list.length() - 3) + "...)" : list;
    }

    private static final Map<Class<?>, Class<?>> PRIMITIVES = Map.of(
            Boolean.class, boolean.class, Byte.class, byte.class, Short.class, short.class,
            Character.class, char.class, Integer.class, int.class, Long.class, long.class,
            Float.class, float.class, Double.class, double.class);

    // The widening primitive conversions (JLS 5.1.2), which are also the primitive subtypes (JLS 4.10.1).
    private static final Map<Class<?>, List<Class<?>>> WIDENINGS = Map.of(
            byte.class, List.of(short.class, int.class, long.class, float.class, double.class),
            short.class, List.of(int.class, long.class, float.class, double.class),
            char.class, List.of(int.class, long.class, float.class, double.class),
            int.class, List.of(long.class, float.class, double.class),
            long.class, List.of(float.class, double.class),
            float.class, List.of(double.class));
}
