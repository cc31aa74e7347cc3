package org.jykka.proxy;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * How proxies reach actor members across modules, and the method handles they call them through.
 *
 * <p>Reachability is checked up front with {@link Module#isOpen} and {@link Module#isExported}, so a
 * missing {@code opens} clause is reported at proxy creation, naming the clause, instead of as an
 * {@link IllegalAccessException} deep inside the actor.
 */
final class MemberAccess {
    /** This bundle's module name: what a user's module-info must open its packages to. */
    static final String MODULE_NAME = "org.jykka.proxy";

    private static final Module SELF = MemberAccess.class.getModule();
    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    private static final MethodHandle INVOKE_DEFAULT;

    /** The shape every call handle has: (target, arguments) → result. */
    static final MethodType CALL = MethodType.methodType(Object.class, Object.class, Object[].class);
    /** The shape every path step has: (object) → member value. */
    static final MethodType STEP = MethodType.methodType(Object.class, Object.class);

    static {
        try {
            INVOKE_DEFAULT = LOOKUP.findStatic(MemberAccess.class, "invokeDefault",
                    MethodType.methodType(Object.class, Method.class, Object.class, Object[].class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private MemberAccess() {}

    /** A package that a named module must open to this one: {@code opens <pkg> to org.jykka.proxy;}. */
    record Clause(String module, String pkg) {
        @Override
        public String toString() {
            return "opens " + pkg + " to " + MODULE_NAME + ";";
        }
    }

    /**
     * The clause that would let proxies reach the public members of {@code type}, or {@code null}
     * if they are reachable already: the class is in an unnamed module (class path, OSGi), or its
     * package is open to this module, or exported to it and the class is public.
     */
    static Clause missingClause(Class<?> type) {
        Module module = type.getModule();
        if (!module.isNamed()) {
            return null;
        }
        String pkg = type.getPackageName();
        if (module.isOpen(pkg, SELF)) {
            return null;
        }
        if (Modifier.isPublic(type.getModifiers()) && module.isExported(pkg, SELF)) {
            return null;
        }
        return new Clause(module.getName(), pkg);
    }

    /** The text of the exception for unreachable packages: what is wrong and the lines to add. */
    static String describe(Class<?> actorClass, Collection<Clause> clauses) {
        String lines = clauses.stream()
                .map(clause -> "    " + clause + "    // in module " + clause.module())
                .distinct()
                .collect(Collectors.joining("\n"));
        return "A proxy of " + actorClass.getName() + " cannot reach the members it needs: "
                + (clauses.size() == 1 ? "this package is" : "these packages are") + " not open to " + MODULE_NAME
                + " (nor exported to it, for public members of public types). Add to module-info.java:\n" + lines;
    }

    /** A handle of {@link #CALL} shape calling {@code method}; its arguments come in the array. */
    static MethodHandle invoker(Method method) {
        // Fixed arity: a varargs method's array comes in as one argument, as the interface method passed it.
        MethodHandle handle = unreflect(method, () -> LOOKUP.unreflect(method)).asFixedArity();
        if (Modifier.isStatic(method.getModifiers())) {
            handle = MethodHandles.dropArguments(handle, 0, Object.class);
        }
        int arity = method.getParameterCount();
        // asType boxes the result (a void method gives null) and casts or unboxes each argument.
        return handle.asType(MethodType.genericMethodType(arity + 1))
                .asSpreader(Object[].class, arity)
                .asType(CALL);
    }

    /**
     * A handle of {@link #CALL} shape running the default method {@code method} on the proxy given as
     * target. {@link InvocationHandler#invokeDefault} does that only for interfaces this module can
     * access (public, and exported to it); the others are reached through a lookup with private
     * access to the interface, which their package must be open to this module for (checked with
     * {@link #missingClause} first).
     */
    static MethodHandle defaultInvoker(Method method) {
        Class<?> declaring = method.getDeclaringClass();
        if (Modifier.isPublic(declaring.getModifiers()) && declaring.getModule().isExported(declaring.getPackageName(), SELF)) {
            return INVOKE_DEFAULT.bindTo(method);
        }
        int arity = method.getParameterCount();
        try {
            SELF.addReads(declaring.getModule()); // privateLookupIn needs it; a no-op for unnamed modules
            MethodHandle special = MethodHandles.privateLookupIn(declaring, LOOKUP).unreflectSpecial(method, declaring);
            return special.asFixedArity().asType(MethodType.genericMethodType(arity + 1))
                    .asSpreader(Object[].class, arity)
                    .asType(CALL);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("A proxy cannot run the default method " + method + ": " + e.getMessage(), e);
        }
    }

    private static Object invokeDefault(Method method, Object proxy, Object[] arguments) throws Throwable {
        return InvocationHandler.invokeDefault(proxy, method, arguments);
    }

    /** A handle of {@link #CALL} shape reading {@code field}, ignoring the (empty) arguments. */
    static MethodHandle reader(Field field) {
        return MethodHandles.dropArguments(step(field), 1, Object[].class);
    }

    /** A handle of {@link #CALL} shape writing the one argument into {@code field}; its result is null. */
    static MethodHandle writer(Field field) {
        MethodHandle handle = unreflect(field, () -> LOOKUP.unreflectSetter(field));
        if (Modifier.isStatic(field.getModifiers())) {
            handle = MethodHandles.dropArguments(handle, 0, Object.class);
        }
        return handle.asType(MethodType.genericMethodType(2)).asSpreader(Object[].class, 1).asType(CALL);
    }

    /** A handle of {@link #STEP} shape: the value of a field or of a method without parameters. */
    static MethodHandle step(Member member) {
        MethodHandle handle = member instanceof Field field
                ? unreflect(field, () -> LOOKUP.unreflectGetter(field))
                : unreflect((Method) member, () -> LOOKUP.unreflect((Method) member));
        if (Modifier.isStatic(member.getModifiers())) {
            handle = MethodHandles.dropArguments(handle, 0, Object.class);
        }
        return handle.asType(STEP);
    }

    /**
     * Makes a member reachable for core reflection, after its module was checked with
     * {@link #missingClause}. Public members of non-public classes need this too.
     */
    static <M extends AccessibleObject & Member> M open(M member) {
        Clause clause = missingClause(member.getDeclaringClass());
        if (clause != null) {
            throw new IllegalStateException(describe(member.getDeclaringClass(), java.util.List.of(clause)));
        }
        member.setAccessible(true);
        return member;
    }

    private interface Unreflection {
        MethodHandle get() throws IllegalAccessException;
    }

    private static <M extends AccessibleObject & Member> MethodHandle unreflect(M member, Unreflection unreflection) {
        open(member); // accessible members bypass the lookup's access checks, module readability included
        try {
            return unreflection.get();
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("A proxy cannot reach " + member + ": " + e.getMessage(), e);
        }
    }

    /** Throws any throwable without declaring it: the actor's own exception must reach its caller as is. */
    @SuppressWarnings("unchecked")
    static <T extends Throwable> RuntimeException sneakyThrow(Throwable failure) throws T {
        throw (T) Objects.requireNonNull(failure);
    }
}
