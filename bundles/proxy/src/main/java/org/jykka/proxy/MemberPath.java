package org.jykka.proxy;

import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The traversable members leading from an actor to the object a typed proxy's calls run on, as
 * handles resolved at proxy creation. Empty for a proxy of the actor itself.
 */
final class MemberPath {
    static final MemberPath ACTOR = new MemberPath(List.of(), new MethodHandle[0]);

    private final List<String> names;
    private final MethodHandle[] steps; // each of MemberAccess.STEP shape

    private MemberPath(List<String> names, MethodHandle[] steps) {
        this.names = names;
        this.steps = steps;
    }

    MemberPath then(String name, MethodHandle step) {
        List<String> longer = new ArrayList<>(names);
        longer.add(name);
        MethodHandle[] more = Arrays.copyOf(steps, steps.length + 1);
        more[steps.length] = step;
        return new MemberPath(List.copyOf(longer), more);
    }

    List<String> names() {
        return names;
    }

    /**
     * The object at the end of the path, looked up now, inside the actor: a traversable member that
     * is reassigned is followed.
     *
     * @throws IllegalStateException if a member on the path holds {@code null}
     */
    Object resolve(Object actor) throws Throwable {
        Object target = actor;
        for (int i = 0; i < steps.length; i++) {
            target = (Object) steps[i].invokeExact(target);
            if (target == null) {
                throw new IllegalStateException("The traversable member " + String.join(".", names.subList(0, i + 1))
                        + " of " + actor + " is null: there is no object to call");
            }
        }
        return target;
    }
}
