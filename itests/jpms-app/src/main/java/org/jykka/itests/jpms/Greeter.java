package org.jykka.itests.jpms;

/** The typed view of {@link org.jykka.itests.jpms.actors.GreeterActor}, for a proxy. */
public interface Greeter {
    String greet(String who);

    String threadName();
}
