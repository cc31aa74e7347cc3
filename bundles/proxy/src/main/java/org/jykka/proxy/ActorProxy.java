package org.jykka.proxy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jykka.Actor;
import org.jykka.ActorDeadException;
import org.jykka.ActorFuture;
import org.jykka.ActorRef;

/**
 * Makes a running actor look like an ordinary object: Pykka's actor proxies, in Java.
 *
 * <p>A proxy never touches the actor from the caller's thread. Every call, field read and field
 * write is an invocation sent through the actor's mailbox (as {@link ActorRef#call} and
 * {@link ActorRef#defer} send them), so it runs inside the actor, one at a time, in the order sent.
 * Only public members of the actor are reachable.
 *
 * <p>Pykka's calculator, with a typed proxy:
 *
 * <pre>{@code
 * public class Calculator extends ThreadingActor {
 *     public int lastResult;
 *
 *     public int add(int a, int b) { return lastResult = a + b; }
 *     public int add(int a) { return lastResult += a; }
 *     public int sub(int a, int b) { return lastResult = a - b; }
 *     public int sub(int a) { return lastResult -= a; }
 * }
 *
 * public interface CalculatorProxy {
 *     ActorFuture<Integer> add(int a, int b); // asynchronous: a future at once
 *     void add(int a);                        // fire and forget
 *     void sub(int a);
 *     int sub(int a, int b);                  // blocks until the actor answers
 *     ActorFuture<Integer> lastResult();      // reads the public field
 *     void lastResult(int value);             // writes it, fire and forget
 * }
 *
 * ActorRef<Calculator> ref = Actor.start(new Calculator());
 * CalculatorProxy calculator = ActorProxy.of(ref, CalculatorProxy.class);
 * calculator.add(1, 3).get();          // 4
 * calculator.lastResult().get();       // 4
 * calculator.sub(5);
 * calculator.add(3);
 * calculator.lastResult().get();       // 2: an actor handles its messages in order
 * calculator.lastResult(17);
 * calculator.lastResult().get();       // 17
 * ref.stop();
 * }</pre>
 *
 * <p>The same with the untyped proxy, for tools and shells:
 *
 * <pre>{@code
 * ActorProxy.Dynamic calculator = ActorProxy.of(ref);
 * calculator.call("add", 1, 3).get();  // 4
 * calculator.get("lastResult").get();  // 4
 * }</pre>
 *
 * <p>On the module path, the module holding the actor's class must open its package to this one
 * ({@code opens com.example.actors to org.jykka.proxy;}), or export it if the class and every member
 * used are public; otherwise creating a proxy fails with an {@link IllegalStateException} naming the
 * clause to add. The same holds for a non-public proxy interface with default methods. On the class
 * path and in OSGi nothing is needed.
 *
 * <p>Never make a blocking proxy call to an actor from inside that same actor: it would wait for
 * itself forever. Use a method returning a future, or call the method directly there.
 */
public final class ActorProxy {

    private ActorProxy() {}

    /**
     * A typed proxy: an object implementing {@code type} whose methods run on the actor.
     *
     * <p>Each method of {@code type} maps to a public method of the actor's class with the same name
     * and parameter types. By the method's return type:
     * <ul>
     *   <li>{@code ActorFuture<T>}, {@code CompletionStage<T>}, {@code CompletableFuture<T>},
     *       {@code Future<T>}: asynchronous; the future completes with the actor method's result or
     *       fails with its exception (and the actor keeps running);</li>
     *   <li>{@code void}: fire and forget, like {@link ActorRef#defer}: an exception goes to
     *       {@link Actor#onFailure} and stops the actor; a dead actor is an
     *       {@link ActorDeadException} at the call;</li>
     *   <li>any other type: blocks until the value is there and returns it, rethrowing the actor's
     *       exception as {@link ActorFuture#get()} does (runtime exceptions and errors as they are, a
     *       checked exception wrapped in {@link org.jykka.ActorException}).</li>
     * </ul>
     * The value type ({@code T}, or the return type) must fit the actor's return type exactly as
     * declared: an {@code int} result may be declared {@code int}, {@code Integer}, {@code Number} or
     * {@code Object}, but an {@code Integer} result not {@code int} (a {@code null} could not be
     * unboxed). A {@code void} actor method may be declared {@code ActorFuture<Void>} to wait for it.
     *
     * <p><b>Fields.</b> A method {@code x()} or {@code getX()} that matches no method reads the
     * public field {@code x}; {@code x(v)} or {@code setX(v)} writes it (the field must not be
     * final, and must take the parameter's type). A write returns {@code void} (fire and forget) or a
     * future of {@code Void} to wait for it. Being messages, a write and a later read from the same
     * thread happen in that order.
     *
     * <p><b>Traversables.</b> A public field or method without parameters marked
     * {@link Traversable}, or a public field whose declared type is marked, is not returned but
     * traversed: its interface method must return an interface (not a future type), and gives at
     * once a nested proxy whose calls run, inside the actor, on the object the member holds at that
     * time. The nested interface is mapped onto the member's declared type, by the same rules, to any
     * depth. A method that merely returns an object of a traversable class returns that value, as in
     * Pykka; an interface method returning an interface for a member that is not traversable is an
     * ordinary blocking call.
     *
     * <p>{@code equals}, {@code hashCode} and {@code toString} are answered by the proxy: two proxies
     * are equal when they have the same actor, the same path of traversed members and the same
     * interface; {@code toString} names the interface, the actor and the path. A default method
     * that matches nothing in the actor runs in the caller, on the proxy, public interface or not
     * (a non-public interface in a named module must have its package open to
     * {@code org.jykka.proxy}); its exception reaches the caller as it is.
     *
     * <p>A variable arity method ({@code int sum(int... values)}) maps to the actor's method of the
     * same parameter types, variable arity or array: the values the caller passes arrive there as
     * the one array.
     *
     * <p>Everything is checked here, at creation, and cached per (actor class, interface), so a call
     * costs little more than {@link ActorRef#call}.
     *
     * @param <I> the interface
     * @param ref the actor
     * @param type the interface the proxy implements; the proxy class is defined in its class loader
     * @return the proxy, castable to {@code type} by every user of that interface
     * @throws NullPointerException if {@code ref} or {@code type} is {@code null}
     * @throws IllegalArgumentException if {@code type} is not an interface, or naming every one of
     *     its methods (nested interfaces included) that cannot be mapped, and why
     * @throws IllegalStateException if the actor's class is in a named module that does not open
     *     (or export) its package to {@code org.jykka.proxy}, or a default method to run on the
     *     proxy belongs to a non-public interface whose package is not open to it, naming the
     *     clauses to add
     * @throws ActorDeadException if the actor is not alive
     */
    public static <I> I of(ActorRef<?> ref, Class<I> type) {
        Objects.requireNonNull(ref, "ref must not be null: pass the reference of a running actor");
        Objects.requireNonNull(type, "type must not be null: pass the interface the proxy implements");
        if (!type.isInterface() || type.isAnnotation()) {
            throw new IllegalArgumentException(type.getName() + " is not an interface: a typed proxy implements"
                    + " an interface whose methods map to the actor's public methods and fields");
        }
        InterfaceMapping mapping = InterfaceMapping.of(ref.actorClass(), type);
        requireAlive(ref);
        return type.cast(TypedProxy.create(actorRef(ref), mapping, MemberPath.ACTOR));
    }

    /**
     * The untyped, Pykka-style proxy, for tools and shells: members are named by strings and looked
     * up inside the actor, at each call, on the actor's run-time class.
     *
     * @param ref the actor
     * @return the proxy of the actor itself; {@link Dynamic#traverse} reaches further
     * @throws NullPointerException if {@code ref} is {@code null}
     * @throws IllegalStateException if the actor's class is in a named module that does not open
     *     (or export) its package to {@code org.jykka.proxy}, naming the clause to add
     * @throws ActorDeadException if the actor is not alive
     */
    public static Dynamic of(ActorRef<?> ref) {
        Objects.requireNonNull(ref, "ref must not be null: pass the reference of a running actor");
        MemberAccess.Clause clause = MemberAccess.missingClause(ref.actorClass());
        if (clause != null) {
            throw new IllegalStateException(MemberAccess.describe(ref.actorClass(), List.of(clause)));
        }
        requireAlive(ref);
        return new Dynamic(actorRef(ref), List.of());
    }

    private static void requireAlive(ActorRef<?> ref) {
        if (!ref.isAlive()) {
            throw new ActorDeadException(ref + " is not alive: a proxy needs a running actor");
        }
    }

    // Every actor is an Actor; the proxy only passes the instance on to reflection.
    @SuppressWarnings("unchecked")
    private static ActorRef<Actor> actorRef(ActorRef<?> ref) {
        return (ActorRef<Actor>) ref;
    }

    /**
     * The untyped proxy of an actor, or of an object reached from it through traversable members.
     *
     * <p>Each operation returns at once. Members are public methods and fields of the target's run-time
     * class, looked up by name inside the actor; whatever is wrong there (no such member, arguments
     * that fit no method, a field that cannot take the value, a member that is or is not traversable
     * when it should be) fails the returned future with an {@link IllegalArgumentException}. The
     * actor's own exception fails the future as it would fail {@link ActorRef#call}'s. A dead actor
     * fails it with {@link ActorDeadException}. A {@code null} name is a {@link NullPointerException}
     * at the call.
     *
     * <p>Two dynamic proxies are equal when they have the same actor and the same path of traversed
     * members.
     */
    public static final class Dynamic {
        private final ActorRef<Actor> ref;
        private final List<String> path;

        private Dynamic(ActorRef<Actor> ref, List<String> path) {
            this.ref = ref;
            this.path = path;
        }

        /**
         * Calls the public method {@code method} with {@code args}, chosen among overloads as javac
         * would choose for a call written with these values (JLS 15.12.2). Each argument stands
         * for what the caller wrote: a boxed primitive ({@code Integer}, {@code Double}, …) for
         * its primitive, since that is what {@code call("widen", 1)} boxed; {@code null} for the
         * null type; any other object for its run-time class. The methods applicable by primitive
         * widening and subtyping are tried first, then those applicable with boxing and unboxing,
         * then variable arity methods, whose trailing arguments are packed into the array (unboxed
         * and widened to its component type); within the first of these that finds any, the most
         * specific method is called. So {@code call("widen", 1)} calls {@code widen(long)} rather
         * than {@code widen(double)} or {@code widen(Integer)}, and {@code call("sum", 1, 2, 3)}
         * calls {@code sum(int...)}. Methods the compiler made (the bridge {@code Object get()} of
         * a {@code Supplier<String>}) are not overloads. If none applies, or none of the applicable
         * ones is more specific than the others, the future fails with an
         * {@link IllegalArgumentException} naming the candidates.
         *
         * @param method the name of a public method of the target
         * @param args the arguments; to pass a single {@code null}, write {@code (Object) null}
         * @return the future of the method's result ({@code null} for a void method)
         * @throws NullPointerException if {@code method} or the {@code args} array is {@code null}
         */
        public ActorFuture<Object> call(String method, Object... args) {
            Objects.requireNonNull(method, "method must not be null: name a public method of the actor");
            Objects.requireNonNull(args, "args must not be null: to pass one null argument, write (Object) null");
            Object[] arguments = args.clone(); // the caller may reuse its array while the call waits in the inbox
            List<String> at = path;
            return ref.call(actor -> DynamicMembers.call(DynamicMembers.resolve(actor, at), method, arguments));
        }

        /**
         * Reads the public field {@code field}.
         *
         * @param field the name of a public field of the target
         * @return the future of its value
         * @throws NullPointerException if {@code field} is {@code null}
         */
        public ActorFuture<Object> get(String field) {
            Objects.requireNonNull(field, "field must not be null: name a public field of the actor");
            List<String> at = path;
            return ref.call(actor -> DynamicMembers.get(DynamicMembers.resolve(actor, at), field));
        }

        /**
         * Writes {@code value} into the public, non-final field {@code field}.
         *
         * @param field the name of a public, non-final field of the target
         * @param value the new value; {@code null} only for a field of a reference type
         * @return a future that completes once the value is written
         * @throws NullPointerException if {@code field} is {@code null}
         */
        public ActorFuture<Void> set(String field, Object value) {
            Objects.requireNonNull(field, "field must not be null: name a public field of the actor");
            List<String> at = path;
            return ref.call(actor -> {
                DynamicMembers.set(DynamicMembers.resolve(actor, at), field, value);
                return null;
            });
        }

        /**
         * The nested proxy of a traversable member: a public field marked {@link Traversable} or of a
         * type so marked, or a public method without parameters marked {@link Traversable}. Returned
         * at once; the member is looked up, inside the actor, whenever the nested proxy is used.
         *
         * @param member the name of the traversable field or method
         * @return the nested proxy
         * @throws NullPointerException if {@code member} is {@code null}
         */
        public Dynamic traverse(String member) {
            Objects.requireNonNull(member, "member must not be null: name a traversable member");
            List<String> longer = new ArrayList<>(path);
            longer.add(member);
            return new Dynamic(ref, List.copyOf(longer));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Dynamic that && ref.equals(that.ref) && path.equals(that.path);
        }

        @Override
        public int hashCode() {
            return Objects.hash(ref, path);
        }

        /** {@code ActorProxy.Dynamic(Player (urn:uuid:…).playback)}. */
        @Override
        public String toString() {
            return "ActorProxy.Dynamic(" + TypedProxy.describe(ref, path) + ")";
        }
    }
}
