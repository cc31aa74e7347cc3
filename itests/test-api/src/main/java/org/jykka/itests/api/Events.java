package org.jykka.itests.api;

import java.util.function.Consumer;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * How test actors tell the tests what happened to them: each event goes to every
 * {@code java.util.function.Consumer} service with the property {@code itest.events=true}, which
 * the test registers (a {@code java.*} type, so it crosses from the test into the framework).
 */
public final class Events {
    private Events() {}

    /** Hands {@code event} to every event sink registered in {@code context}'s framework. */
    public static void emit(BundleContext context, String event) {
        try {
            ServiceReference<?>[] sinks = context.getAllServiceReferences(Consumer.class.getName(), "(itest.events=true)");
            for (ServiceReference<?> reference : sinks == null ? new ServiceReference<?>[0] : sinks) {
                @SuppressWarnings("unchecked")
                Consumer<String> sink = (Consumer<String>) context.getService(reference);
                if (sink != null) {
                    try {
                        sink.accept(event);
                    } finally {
                        context.ungetService(reference);
                    }
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new AssertionError(e);
        }
    }
}
