package org.jykka.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The systems under test, by the name JMH's {@code contender} parameter uses. */
enum Contender {
    THREADING("threading", "Jykka ThreadingActor (a platform thread per actor)"),
    VIRTUAL("virtual", "Jykka VirtualThreadActor (an elastic crew of virtual threads, none while idle)"),
    PEKKO("pekko", "Pekko 1.7.0 classic, default fork-join dispatcher"),
    PEKKO_VIRTUAL("pekko-virtual", "Pekko 1.7.0 classic, fork-join dispatcher with virtualize = on, parallelism = cores, throughput = 50"),
    JUC("juc", "java.util.concurrent: a dedicated consumer thread per LinkedBlockingQueue");

    final String id;
    final String description;

    Contender(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** Whether this JVM can run it: virtual threads need Java 21+. */
    boolean availableHere() {
        return !needsVirtualThreads() || Runtime.version().feature() >= 21;
    }

    boolean needsVirtualThreads() {
        return this == VIRTUAL || this == PEKKO_VIRTUAL;
    }

    /**
     * Sets the system properties in {@code properties} ({@code name=value}, separated by spaces; empty:
     * none) and then opens the rig: the benchmarks' {@code properties} parameter, so that one JMH run
     * can compare a runtime with and without one of its tuning properties (each parameter value gets a
     * JVM of its own, where the runtime reads the property once, when its classes load).
     */
    Rig open(String properties) {
        for (String property : properties.trim().split("\\s+")) {
            if (!property.isEmpty()) {
                int equals = property.indexOf('=');
                if (equals < 1) {
                    throw new IllegalArgumentException("Not name=value: " + property);
                }
                System.setProperty(property.substring(0, equals), property.substring(equals + 1));
            }
        }
        return open();
    }

    Rig open() {
        switch (this) {
            case THREADING: return JykkaRig.threading();
            case VIRTUAL: return JykkaRig.virtualThreads();
            case PEKKO: return new PekkoRig(false);
            case PEKKO_VIRTUAL: return new PekkoRig(true);
            default: return new JucRig();
        }
    }

    static Contender byId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No contender " + id + "; known: " + Arrays.toString(values())));
    }

    static List<Contender> availableHereList() {
        return Arrays.stream(values()).filter(Contender::availableHere).collect(Collectors.toList());
    }
}
