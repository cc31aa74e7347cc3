package org.jykka.proxy;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Objects;
import org.jykka.Actor;
import org.jykka.ActorRef;

/** The invocation handler behind every typed proxy: turns each call into an {@link Invocation}. */
final class TypedProxy implements InvocationHandler {
    private final ActorRef<Actor> ref;
    private final InterfaceMapping mapping;
    private final MemberPath path;

    private TypedProxy(ActorRef<Actor> ref, InterfaceMapping mapping, MemberPath path) {
        this.ref = ref;
        this.mapping = mapping;
        this.path = path;
    }

    /** A proxy implementing {@code mapping.type}, defined in the interface's class loader so its users can cast it. */
    static Object create(ActorRef<Actor> ref, InterfaceMapping mapping, MemberPath path) {
        Class<?> type = mapping.type;
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, new TypedProxy(ref, mapping, path));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
        Route route = mapping.route(method);
        if (route instanceof Route.Call call) {
            Invocation invocation = new Invocation(path, call.action(), arguments);
            switch (call.reply()) {
                case NONE:
                    ref.defer(invocation);
                    return null;
                case ACTOR_FUTURE:
                    return ref.call(invocation);
                case COMPLETABLE_FUTURE:
                    return ref.call(invocation).toCompletableFuture();
                default:
                    return ref.call(invocation).get();
            }
        }
        if (route instanceof Route.Traverse traverse) {
            return create(ref, traverse.nested(), path.then(traverse.name(), traverse.step()));
        }
        if (route == Route.Local.EQUALS) {
            return equalsProxy(arguments[0]);
        }
        if (route == Route.Local.HASH_CODE) {
            return Objects.hash(ref, mapping.type, path.names());
        }
        if (route == Route.Local.TO_STRING) {
            return "ActorProxy<" + InterfaceMapping.name(mapping.type) + ">(" + describe(ref, path.names()) + ")";
        }
        if (route instanceof Route.Default defaultMethod) {
            return (Object) defaultMethod.action().invokeExact(proxy, arguments);
        }
        // Proxy dispatches only the interface's own methods, and every one has a route.
        throw new AssertionError("No route for " + method);
    }

    private boolean equalsProxy(Object other) {
        if (other == null || !Proxy.isProxyClass(other.getClass())) {
            return false;
        }
        return Proxy.getInvocationHandler(other) instanceof TypedProxy that
                && ref.equals(that.ref)
                && mapping.type == that.mapping.type
                && path.names().equals(that.path.names());
    }

    /** {@code Player (urn:uuid:…)} with {@code .playback.volume} for a nested proxy. */
    static String describe(ActorRef<?> ref, java.util.List<String> names) {
        return ref + (names.isEmpty() ? "" : "." + String.join(".", names));
    }
}
