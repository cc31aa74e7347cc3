package org.jykka.itests.faulty;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jykka.itests.api.Events;
import org.jykka.threading.ThreadingActor;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Told "block", it waits (at most a minute) for the test's {@code CountDownLatch} service
 * ({@code itest.latch=true}) and so cannot stop meanwhile: the stuck actor the extender must abandon.
 */
public class Stubborn extends ThreadingActor {
    private final BundleContext context;

    public Stubborn(BundleContext context) {
        this.context = context;
    }

    @Override
    protected Object onReceive(Object message) throws Exception {
        if ("block".equals(message)) {
            ServiceReference<?>[] latches = context.getAllServiceReferences(CountDownLatch.class.getName(), "(itest.latch=true)");
            CountDownLatch latch = (CountDownLatch) context.getService(latches[0]);
            Events.emit(context, "blocked Stubborn");
            return latch.await(1, TimeUnit.MINUTES);
        }
        return message;
    }
}
