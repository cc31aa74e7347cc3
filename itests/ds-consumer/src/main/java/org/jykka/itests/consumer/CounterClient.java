package org.jykka.itests.consumer;

import java.util.concurrent.Callable;
import org.jykka.itests.api.Counter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * A Declarative Services component that knows nothing of Jykka: it references the {@link Counter}
 * service of the actor named "counter" and offers, as a {@code Callable} the tests can call, one
 * increment and the name of the thread it ran on.
 */
@Component(service = Callable.class, property = "itest=ds-client")
public class CounterClient implements Callable<String> {

    @Reference(target = "(jykka.actor.name=counter)")
    private Counter counter;

    @Override
    public String call() {
        return counter.increment() + "@" + counter.threadName() + "@" + Thread.currentThread().getName();
    }
}
