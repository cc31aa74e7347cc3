package org.jykka.osgi;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.CLASS;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.osgi.annotation.bundle.Header;
import org.osgi.annotation.bundle.Requirement;

/**
 * Declares an actor class of a plugin bundle: the Jykka extender starts it when the bundle starts,
 * publishes it as OSGi services, and stops it when the bundle stops.
 *
 * <p>bnd turns the annotation, when it builds the plugin, into one clause of the
 * {@value #HEADER} manifest header and the {@code osgi.extender} requirement on {@value #EXTENDER},
 * so the plugin resolves only where a Jykka extender is. The header may be written by hand instead:
 *
 * <pre>
 * Jykka-Actors: com.example.Greeter;name=greeter,
 *  com.example.CalculatorActor;services:List&lt;String&gt;="com.example.Calculator"
 * Require-Capability: osgi.extender;filter:="(&amp;(osgi.extender=org.jykka)(version&gt;=0.1.0)(!(version&gt;=1.0.0)))"
 * </pre>
 *
 * <p>The actor class must be a concrete {@link org.jykka.Actor} with a public constructor that
 * takes no arguments or takes the plugin's {@code org.osgi.framework.BundleContext}.
 */
@Documented
@Retention(CLASS)
@Target(TYPE)
@Requirement(namespace = "osgi.extender", name = PluginActor.EXTENDER, version = "0.1.0")
@Header(name = PluginActor.HEADER,
        value = "${@class}${if;${size;${#name}};;name=\"${#name}\"}${if;${size;${#services}};;services:List<String>=\"${join;${#services}}\"}")
public @interface PluginActor {

    /** The manifest header that lists a plugin's actors. */
    String HEADER = "Jykka-Actors";

    /** The name of the {@code osgi.extender} capability the Jykka extender provides. */
    String EXTENDER = "org.jykka";

    /**
     * The actor's name: the {@code jykka.actor.name} service property, and how the shell finds it.
     * Defaults to the class's simple name.
     */
    String name() default "";

    /**
     * Interfaces under which the actor is also published, each as a typed proxy
     * ({@code org.jykka.proxy.ActorProxy}) whose calls run inside the actor.
     */
    Class<?>[] services() default {};
}
