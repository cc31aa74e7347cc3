package org.jykka.osgi;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.osgi.annotation.bundle.Header;
import org.osgi.annotation.bundle.Requirement;

/**
 * Declares an actor class of a plugin bundle: the Jykka extender starts it when the bundle starts,
 * publishes it as OSGi services, and stops it when the bundle stops.
 *
 * <pre>{@code
 * @PluginActor(name = "calculator", services = Calculator.class)
 * public class CalculatorActor extends ThreadingActor implements Calculator { ... }
 * }</pre>
 *
 * <p>bnd turns the annotation, when it builds the plugin, into one clause of the
 * {@value #HEADER} manifest header and the {@code osgi.extender} requirement on {@value #EXTENDER},
 * so the plugin resolves only where a Jykka extender is. The annotation is retained at run time only
 * so that bnd sees the interfaces in {@link #services()} and imports their packages (and
 * {@code org.jykka.osgi}); nothing reads it at run time. Several annotated classes in one bundle give
 * one header with a clause each. The header may be written by hand instead (in the plugin's
 * {@code bnd.bnd}), together with the requirement:
 *
 * <pre>
 * Jykka-Actors: com.example.Greeter;name=greeter,
 *  com.example.CalculatorActor;services:List&lt;String&gt;="com.example.Calculator,com.example.Memory"
 * Require-Capability: osgi.extender;filter:="(&amp;(osgi.extender=org.jykka)(version&gt;=0.1.0)(!(version&gt;=1.0.0)))"
 * </pre>
 *
 * <p>The grammar of the header: clauses separated by commas, each naming one actor class to start
 * (a class may be listed more than once to start several instances):
 *
 * <pre>
 * Jykka-Actors ::= clause ( ',' clause )*
 * clause       ::= class-name ( ';' parameter )*
 * class-name   ::= the binary name of the actor class (com.example.Outer$Inner for a nested class)
 * parameter    ::= 'name' '=' value
 *                | 'services' [ ':List&lt;String&gt;' | ':String' ] '=' value   (interface names, comma separated)
 *                | 'factoryPid' '=' value                                 (see {@link #factoryPid()})
 * value        ::= a token without ',', ';', '"' or whitespace | '"' any text without '"' '"'
 * </pre>
 *
 * <p>{@code name} defaults to the class's simple name. Any other parameter, a missing value or an
 * unterminated quote makes the header malformed: the extender logs the clause and skips it (an
 * unterminated quote, which hides where clauses end, skips the whole header).
 *
 * <p>The actor class must be a public, concrete {@link org.jykka.Actor} (for example a
 * {@code ThreadingActor}) with a public constructor that takes the plugin's
 * {@code org.osgi.framework.BundleContext} or no arguments (the first is preferred); with a
 * {@link #factoryPid()}, one that takes the configuration's properties instead. Each service
 * interface must be visible to the plugin bundle, and its methods must map to the actor's public
 * methods as {@code org.jykka.proxy.ActorProxy#of(ActorRef, Class)} requires.
 *
 * <p>The extender registers each actor, through the plugin's own {@code BundleContext}, as an
 * {@code org.jykka.ActorRef} service and, for every listed interface, as a typed proxy under that
 * interface, with the service properties {@code jykka.actor.urn}, {@code jykka.actor.class} and
 * {@code jykka.actor.name}. The services go away as soon as the actor dies, and before the actors
 * stop when the bundle stops.
 */
@Documented
// RUNTIME, not CLASS: bnd analyses only runtime-visible annotations for references, so only then
// does a plugin import the packages of the interfaces in services() (and org.jykka.osgi itself).
@Retention(RUNTIME)
@Target(TYPE)
@Requirement(namespace = "osgi.extender", name = PluginActor.EXTENDER, version = "0.1.0")
@Header(name = PluginActor.HEADER,
        // In a bnd macro \; is a literal ';'; an element left at its default ("" or {}) adds nothing.
        value = "${@class}${if;${#name};\\;name=\"${#name}\"}${if;${#services};\\;services:List<String>=\"${#services}\"}"
                + "${if;${#factoryPid};\\;factoryPid=\"${#factoryPid}\"}")
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

    /**
     * A factory configuration PID: when set, the actor does not start with its bundle; instead each
     * factory configuration with this PID (in the Jykka runtime, each {@code <pid>-<name>.cfg} file in
     * {@code deploy/}) starts one instance, named {@code <name>-<configuration name>}, whose public
     * constructor receives the configuration's properties: a {@code Map<String, Object>}, or a typed
     * view (an interface or annotation type whose no-argument methods read the properties, or a
     * record), optionally after the {@code BundleContext}. A changed configuration restarts its
     * instance with the new properties; a deleted one stops it. Needs Configuration Admin
     * ({@code org.osgi.service.cm}); without it the extender logs that no instance starts.
     */
    String factoryPid() default "";
}
