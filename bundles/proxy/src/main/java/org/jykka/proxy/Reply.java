package org.jykka.proxy;

import java.lang.invoke.MethodType;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import org.jykka.ActorFuture;

/** How a typed proxy answers a call, chosen by the interface method's return type. */
enum Reply {
    /** {@code ActorFuture<T>}: the future of the call, at once. */
    ACTOR_FUTURE,
    /** {@code CompletionStage<T>}, {@code CompletableFuture<T>}, {@code Future<T>}: the same, as a CompletableFuture. */
    COMPLETABLE_FUTURE,
    /** {@code void}: fire and forget, like {@code defer}. */
    NONE,
    /** Anything else: wait for the value, rethrowing the actor's exception as {@code ActorFuture.get} does. */
    VALUE;

    static Reply of(Method method) {
        Class<?> type = method.getReturnType();
        if (type == void.class) {
            return NONE;
        }
        if (type == ActorFuture.class) {
            return ACTOR_FUTURE;
        }
        if (type == CompletionStage.class || type == CompletableFuture.class || type == Future.class) {
            return COMPLETABLE_FUTURE;
        }
        return VALUE;
    }

    boolean isFuture() {
        return this == ACTOR_FUTURE || this == COMPLETABLE_FUTURE;
    }

    /**
     * The type of the value the caller gets from {@code method}: a future's type argument (its
     * erasure; {@code Object} for a raw future), or the return type itself; {@code void} for NONE.
     */
    Class<?> valueType(Method method) {
        if (!isFuture()) {
            return method.getReturnType();
        }
        Type generic = method.getGenericReturnType();
        return generic instanceof ParameterizedType parameterized
                ? erasure(parameterized.getActualTypeArguments()[0])
                : Object.class;
    }

    /** The textual return type, for messages: {@code ActorFuture<Integer>}. */
    static String describe(Method method) {
        return method.getGenericReturnType().getTypeName().replaceAll("\\b[a-z][\\w$]*\\.", "");
    }

    private static Class<?> erasure(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType parameterized) {
            return (Class<?>) parameterized.getRawType();
        }
        if (type instanceof WildcardType wildcard) {
            return erasure(wildcard.getUpperBounds()[0]);
        }
        if (type instanceof TypeVariable<?> variable) {
            return erasure(variable.getBounds()[0]);
        }
        if (type instanceof GenericArrayType array) {
            return erasure(array.getGenericComponentType()).arrayType();
        }
        return Object.class;
    }

    /**
     * Whether a value of type {@code value} can be handed out where {@code slot} is declared, without
     * a cast that could fail or a {@code null} that could not be unboxed: a primitive slot takes
     * exactly that primitive; any other slot takes the value's (boxed) type if assignable. A void
     * value fits {@code Void} and {@code Object}, as {@code null}.
     */
    static boolean fits(Class<?> slot, Class<?> value) {
        if (slot.isPrimitive()) {
            return slot == value;
        }
        return slot.isAssignableFrom(boxed(value));
    }

    static Class<?> boxed(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        if (type == void.class) {
            return Void.class;
        }
        return MethodType.methodType(type).wrap().returnType(); // knows every primitive
    }
}
