package org.jykka.proxy;

import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jykka.Actor;
import org.jykka.ActorRef;
import org.jykka.spi.ActorDirectory;

/**
 * The traversable members leading from an actor to the object a typed proxy's calls run on, as
 * handles resolved at proxy creation. Empty for a proxy of the actor itself.
 */
final class MemberPath {
    static final MemberPath ACTOR = new MemberPath(List.of(), new MethodHandle[0]);

    private final List<String> names;
    private final MethodHandle[] steps; // each of MemberAccess.STEP shape
    private final Step<Throwable> byHandles;

    private MemberPath(List<String> names, MethodHandle[] steps) {
        this.names = names;
        this.steps = steps;
        this.byHandles = (index, target) -> (Object) steps[index].invokeExact(target);
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
    Object resolve(Actor actor) throws Throwable {
        return walk(actor, names, byHandles);
    }

    /** How one member of a path is reached: the value of member {@code index} of {@code target}. */
    interface Step<X extends Throwable> {
        Object next(int index, Object target) throws X;
    }

    /**
     * The object at the end of {@code names}, each reached from the one before by {@code step},
     * starting from the actor: the walk both proxies share, typed (handles resolved at creation) and
     * dynamic (members looked up by name now).
     *
     * @throws IllegalStateException if a member on the path holds {@code null}
     */
    static <X extends Throwable> Object walk(Actor actor, List<String> names, Step<X> step) throws X {
        Object target = actor;
        for (int i = 0; i < names.size(); i++) {
            target = step.next(i, target);
            if (target == null) {
                // Named by its reference (the walk runs in the actor's thread), not by the actor's own toString:
                // user code must not decide whether this message can be built.
                String owner = ActorDirectory.current().map(ActorRef::toString).orElseGet(actor::urn);
                throw new IllegalStateException("The traversable member " + String.join(".", names.subList(0, i + 1))
                        + " of " + owner + " is null: there is no object to call");
            }
        }
        return target;
    }
}
