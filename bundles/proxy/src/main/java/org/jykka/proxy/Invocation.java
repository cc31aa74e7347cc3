package org.jykka.proxy;

import java.lang.invoke.MethodHandle;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jykka.Actor;

/**
 * One typed proxy call, sent through the mailbox as the function of {@code call} or the action of
 * {@code defer}, and run inside the actor. The actor's exception escapes as it is (not wrapped), so
 * the caller's future fails with the original.
 */
final class Invocation implements Function<Actor, Object>, Consumer<Actor> {
    private final MemberPath path;
    private final MethodHandle action;
    private final Object[] arguments;

    Invocation(MemberPath path, MethodHandle action, Object[] arguments) {
        this.path = path;
        this.action = action;
        this.arguments = arguments;
    }

    @Override
    public Object apply(Actor actor) {
        try {
            return (Object) action.invokeExact(path.resolve(actor), arguments);
        } catch (Throwable failure) {
            throw MemberAccess.sneakyThrow(failure);
        }
    }

    @Override
    public void accept(Actor actor) {
        apply(actor);
    }
}
