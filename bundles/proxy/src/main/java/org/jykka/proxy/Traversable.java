package org.jykka.proxy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an actor member that a proxy reaches into instead of returning it, as Pykka's
 * {@code pykka_traversable}.
 *
 * <p>It applies to:
 * <ul>
 *   <li>a public field of the actor (or of an object already traversed to);</li>
 *   <li>a public method without parameters, whose result is traversed;</li>
 *   <li>a class (or interface): then every public <em>field</em> declared with that type is
 *       traversable. A method that merely returns an object of such a class still returns the value,
 *       as in Pykka; mark the method itself to traverse it. The mark is inherited by subclasses.</li>
 * </ul>
 *
 * <p>A typed proxy's interface method for a traversable member must return an interface (not a
 * future type): the caller gets a nested proxy at once, whose calls run, inside the actor, on the
 * object the member holds at the time of each call. Traversal goes to any depth, as long as every
 * member on the path is traversable.
 *
 * <pre>{@code
 * @Traversable
 * public class Playback {
 *     public boolean play() { ... }
 * }
 *
 * public class Player extends ThreadingActor {
 *     public final Playback playback = new Playback();
 * }
 *
 * interface PlayerProxy { PlaybackProxy playback(); }
 * interface PlaybackProxy { ActorFuture<Boolean> play(); }
 *
 * boolean playing = ActorProxy.of(ref, PlayerProxy.class).playback().play().get();
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.METHOD})
public @interface Traversable {}
