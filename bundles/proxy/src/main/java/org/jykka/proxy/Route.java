package org.jykka.proxy;

import java.lang.invoke.MethodHandle;

/** What a typed proxy does for one interface method, decided once, at proxy creation. */
sealed interface Route {

    /** Runs {@code action} (of {@link MemberAccess#CALL} shape) on the target, inside the actor. */
    record Call(MethodHandle action, Reply reply) implements Route {}

    /**
     * Returns a nested proxy at once, for a traversable member; {@code step} (of
     * {@link MemberAccess#STEP} shape) reaches the member's value inside the actor.
     */
    record Traverse(String name, MethodHandle step, InterfaceMapping nested) implements Route {}

    /** {@code equals}, {@code hashCode}, {@code toString}: answered by the proxy itself. */
    enum Local implements Route { EQUALS, HASH_CODE, TO_STRING }

    /**
     * A default method the actor has no match for: it runs in the caller, on the proxy, through
     * {@code action} (of {@link MemberAccess#CALL} shape, the proxy as target).
     */
    record Default(MethodHandle action) implements Route {}
}
