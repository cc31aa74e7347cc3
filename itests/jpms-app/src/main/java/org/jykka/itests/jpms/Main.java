package org.jykka.itests.jpms;

import java.time.Duration;
import org.jykka.Actor;
import org.jykka.ActorRef;
import org.jykka.itests.jpms.actors.GreeterActor;
import org.jykka.proxy.ActorProxy;
import org.jykka.registry.ActorRegistry;

/** Prints one line per fact the module-path test checks. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        ActorRef<GreeterActor> ref = Actor.start(new GreeterActor());
        try {
            Greeter greeter = ActorProxy.of(ref, Greeter.class);
            System.out.println("modules: " + Main.class.getModule().getName() + " uses " + Actor.class.getModule().getName()
                    + ", " + ActorProxy.class.getModule().getName() + ", " + ActorRegistry.class.getModule().getName());
            System.out.println("proxy: " + greeter.greet("module path"));
            System.out.println("proxy again: " + greeter.greet("module path"));
            System.out.println("proxy thread is the caller's: " + greeter.threadName().equals(Thread.currentThread().getName()));
            System.out.println("ask: " + ref.ask("ping").get(Duration.ofSeconds(10)));
            System.out.println("registered: " + ActorRegistry.getAll().equals(java.util.List.of(ref)));
        } finally {
            System.out.println("stopped: " + ref.stop(Duration.ofSeconds(10)));
        }
        System.out.println("registered after stop: " + ActorRegistry.getAll().size());
    }
}
