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
 *                | 'maxRestarts' '=' value                                (a whole number, 0 or more)
 *                | 'within' '=' value                                     (ISO-8601 duration, positive)
 *                | 'backoffMin' '=' value | 'backoffMax' '=' value        (ISO-8601 durations, positive)
 *                | 'exported' '=' ( 'true' | 'false' )                    (see {@link #exported()})
 * value        ::= a token without ',', ';', '"' or whitespace | '"' any text without '"' '"'
 * </pre>
 *
 * <p>{@code name} defaults to the class's simple name. Any other parameter, a missing value or an
 * unterminated quote makes the header malformed: the extender logs the clause and skips it (an
 * unterminated quote, which hides where clauses end, skips the whole header). So does a restart
 * policy that does not hold together: {@code maxRestarts} above 0 without {@code within}, a
 * duration that is not ISO-8601 or not positive, {@code within} or a backoff without
 * {@code maxRestarts}, one backoff bound without the other, or {@code backoffMin} above
 * {@code backoffMax}. The log line names the bundle, the clause (and so the class) and the bad
 * parameter; that actor does not start, the others do.
 *
 * <p>A restart policy ({@link #maxRestarts()}, {@link #within()}, {@link #backoffMin()},
 * {@link #backoffMax()}; in the header {@code ;maxRestarts=3;within=PT10S;backoffMin=PT0.1S;backoffMax=PT5S})
 * makes the actor supervised, as {@code org.jykka.Actor#start(java.util.function.Supplier, org.jykka.Restart)}:
 *
 * <pre>{@code
 * @PluginActor(name = "worker", maxRestarts = 3, within = "PT10S", backoffMin = "PT0.1S", backoffMax = "PT5S")
 * public class Worker extends ThreadingActor { ... }
 * }</pre>
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
 * {@code jykka.actor.name}. A restart keeps them: the {@code ActorRef} and its proxies stay the same
 * objects, with the same {@code service.id}. They go away as soon as the actor ends for good (it
 * was stopped, failed without a restart policy, or its policy gave up: logged in one line naming
 * the bundle, the class, the name and the cause), and before the actors stop when the bundle stops.
 */
@Documented
// RUNTIME, not CLASS: bnd analyses only runtime-visible annotations for references, so only then
// does a plugin import the packages of the interfaces in services() (and org.jykka.osgi itself).
@Retention(RUNTIME)
@Target(TYPE)
@Requirement(namespace = "osgi.extender", name = PluginActor.EXTENDER, version = PluginActor.EXTENDER_VERSION)
@Header(name = PluginActor.HEADER,
        // In a bnd macro \; is a literal ';'; an element left at its default ("" or {}) adds nothing.
        value = "${@class}${if;${#name};\\;name=\"${#name}\"}${if;${#services};\\;services:List<String>=\"${#services}\"}"
                + "${if;${#factoryPid};\\;factoryPid=\"${#factoryPid}\"}"
                // maxRestarts only when it is not its default 0; the durations only when given.
                + "${if;${is;${#maxRestarts};0};;\\;maxRestarts=${#maxRestarts}}"
                + "${if;${#within};\\;within=\"${#within}\"}"
                + "${if;${#backoffMin};\\;backoffMin=\"${#backoffMin}\"}"
                + "${if;${#backoffMax};\\;backoffMax=\"${#backoffMax}\"}"
                + "${if;${is;${#exported};true};\\;exported=true}")
public @interface PluginActor {

    /** The manifest header that lists a plugin's actors. */
    String HEADER = "Jykka-Actors";

    /** The name of the {@code osgi.extender} capability the Jykka extender provides. */
    String EXTENDER = "org.jykka";

    /** The version of that capability; plugins require it up to, not including, the next major. */
    String EXTENDER_VERSION = "0.1.0";

    /** The service property that holds a published actor's URN ({@code urn:uuid:…}). */
    String URN_PROPERTY = "jykka.actor.urn";

    /** The service property that holds a published actor's fully qualified class name. */
    String CLASS_PROPERTY = "jykka.actor.class";

    /** The service property that holds a published actor's name (see {@link #name()}). */
    String NAME_PROPERTY = "jykka.actor.name";

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

    /**
     * How many times a failing actor is replaced by a fresh instance within {@link #within()} before
     * it stops for good, as {@code org.jykka.Restart#limit(int, java.time.Duration)}: a failure
     * nobody waits on (a {@code tell}, a {@code void} proxy call, {@code onStart}) then makes the
     * extender create a new instance with the same constructor and arguments, under the same
     * {@code ActorRef} and the same services. {@code 0} (the default): never restart, the failure
     * stops the actor and its services go.
     */
    int maxRestarts() default 0;

    /**
     * The window {@link #maxRestarts()} is counted in: an ISO-8601 duration ({@code "PT10S"},
     * {@code "PT1M"}), positive; required when {@code maxRestarts} is set.
     */
    String within() default "";

    /**
     * The delay before the first restart in a row, doubling up to {@link #backoffMax()}, with
     * jitter (an ISO-8601 duration, positive; set both or neither). Without it a restart is
     * immediate.
     */
    String backoffMin() default "";

    /** The longest delay between restarts (an ISO-8601 duration, at least {@link #backoffMin()}). */
    String backoffMax() default "";

    /**
     * Whether the typed services ({@link #services()}, required) are exported as OSGi Remote
     * Services: each is registered with {@code service.exported.interfaces} set to its interface, so
     * a Remote Service Admin in the framework (in the Jykka runtime: see its {@code docs/remote.md})
     * makes it callable from other frameworks. The {@code org.jykka.ActorRef} service is never
     * exported. A configured actor ({@link #factoryPid()}) may be exported by its configuration
     * instead: every property whose key starts with {@code service.exported.} is copied onto its
     * typed services.
     */
    boolean exported() default false;
}
