package org.jykka.remote;

import static java.lang.System.Logger.Level.WARNING;

import java.io.ObjectInputFilter;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The deserialisation filter of remote calls. Aries' fastbin provider reads arguments, results and
 * failures with plain Java serialisation ({@code ClassLoaderObjectInputStream}), which by itself
 * would instantiate any serialisable class the peer names. The JDK's filter factory
 * ({@link ObjectInputFilter.Config#setSerialFilterFactory}) gives each new stream its filter; this
 * one gives the streams the provider creates a filter that accepts only
 * <ul>
 *   <li>the classes {@link RemoteTypes} allows: the value types of the interfaces exported from or
 *       imported into this framework,</li>
 *   <li>a fixed set of JDK value types ({@link #JDK_VALUES}: boxed primitives, the usual
 *       collections, {@code java.time}, {@code BigDecimal}, ...), arrays of allowed types and of
 *       primitives,</li>
 *   <li>{@link Throwable}s (a remote failure reaches its caller), with their stack traces,</li>
 * </ul>
 * and refuses everything else, with a message naming the class. Other streams keep the JVM's
 * filter. The JDK lets the factory be set once per JVM (and, on Java 17, only before the first
 * {@code ObjectInputStream} is made): a later instance of this bundle hands its rules to the
 * factory already there, through {@link Consumer}, a {@code java.base} type.
 */
final class SerialFilter implements ObjectInputFilter {
    private static final System.Logger LOG = System.getLogger("org.jykka.remote");

    /** The stream classes whose filter this is: the fastbin provider's. */
    static final Set<String> REMOTE_STREAMS = Set.of("org.apache.aries.rsa.provider.fastbin.util.ClassLoaderObjectInputStream");

    static final Set<String> JDK_VALUES = Set.of("java.lang.Boolean", "java.lang.Byte", "java.lang.Character",
            "java.lang.Short", "java.lang.Integer", "java.lang.Long", "java.lang.Float", "java.lang.Double",
            "java.lang.Number", "java.lang.String", "java.lang.Enum", "java.lang.Object", "java.lang.StackTraceElement",
            "java.util.ArrayList", "java.util.LinkedList", "java.util.ArrayDeque", "java.util.HashMap",
            "java.util.LinkedHashMap", "java.util.TreeMap", "java.util.HashSet", "java.util.LinkedHashSet",
            "java.util.TreeSet", "java.util.UUID", "java.util.Date", "java.util.Arrays$ArrayList",
            "java.util.ImmutableCollections$List12", "java.util.ImmutableCollections$ListN",
            "java.util.ImmutableCollections$Set12", "java.util.ImmutableCollections$SetN",
            "java.util.ImmutableCollections$Map1", "java.util.ImmutableCollections$MapN", "java.util.CollSer",
            "java.util.Collections$EmptyList", "java.util.Collections$EmptySet", "java.util.Collections$EmptyMap",
            "java.util.Collections$SingletonList", "java.util.Collections$SingletonSet",
            "java.util.Collections$SingletonMap", "java.util.Collections$UnmodifiableCollection",
            "java.util.Collections$UnmodifiableList", "java.util.Collections$UnmodifiableRandomAccessList",
            "java.util.Collections$UnmodifiableSet", "java.util.Collections$UnmodifiableMap",
            "java.math.BigInteger", "java.math.BigDecimal", "java.time.Ser", "java.time.Duration",
            "java.time.Instant", "java.time.LocalDate", "java.time.LocalTime", "java.time.LocalDateTime",
            "java.time.OffsetDateTime", "java.time.ZonedDateTime", "java.time.ZoneOffset", "java.time.ZoneRegion");

    /** Bounds on one stream: nesting depth, references, array length, bytes. */
    private static final long MAX_DEPTH = 64;
    private static final long MAX_REFERENCES = 100_000;
    private static final long MAX_ARRAY = 10_000_000;

    private final Predicate<String> allowed;

    SerialFilter(Predicate<String> allowed) {
        this.allowed = allowed;
    }

    @Override
    public Status checkInput(FilterInfo info) {
        if (info.depth() > MAX_DEPTH || info.references() > MAX_REFERENCES || info.arrayLength() > MAX_ARRAY) {
            throw refused("a value nested " + info.depth() + " deep, with " + info.references()
                    + " references or an array of " + info.arrayLength() + " elements is beyond this filter's bounds");
        }
        Class<?> type = info.serialClass();
        if (type == null) {
            return Status.UNDECIDED;
        }
        while (type.isArray()) {
            type = type.getComponentType();
        }
        if (type.isPrimitive() || JDK_VALUES.contains(type.getName()) || Throwable.class.isAssignableFrom(type)
                || allowed.test(type.getName())) {
            return Status.ALLOWED;
        }
        LOG.log(WARNING, "A remote call carried a " + type.getName() + ", which is not a type of any exported or"
                + " imported interface's methods; it is refused");
        throw refused(type.getName() + " is not a type of any exported or imported interface's methods, so it is"
                + " not deserialised (only those types, java.lang and java.util values and exceptions cross)");
    }

    /**
     * The exception a filter may throw: the JDK turns it into the cause of the stream's
     * {@code InvalidClassException}, which the provider hands to the caller.
     */
    private static SecurityException refused(String why) {
        return new SecurityException("org.jykka.remote refused to deserialise: " + why);
    }

    /**
     * Puts {@code filter} in charge of the remote streams from now on ({@code null}: refuse every
     * class in them), installing the factory if this JVM has none of ours yet.
     *
     * @return {@code false} if the JVM already had another factory, or made an ObjectInputStream
     *     before (Java 17 then refuses a factory): the remote streams are not filtered
     */
    @SuppressWarnings("unchecked")
    static boolean use(ObjectInputFilter filter) {
        synchronized (ObjectInputFilter.Config.class) {
            BinaryOperator<ObjectInputFilter> current = ObjectInputFilter.Config.getSerialFilterFactory();
            if (!(current instanceof Consumer && current.getClass().getName().equals(Factory.class.getName()))) {
                Factory factory = new Factory();
                try {
                    ObjectInputFilter.Config.setSerialFilterFactory(factory);
                } catch (IllegalStateException e) {
                    return false;
                }
                current = factory;
            }
            ((Consumer<ObjectInputFilter>) current).accept(filter);
            return true;
        }
    }

    /**
     * The JVM-wide factory: for a stream the provider makes (seen on the stack), the current
     * remote filter; for any other, what the JVM's own factory would give.
     */
    static final class Factory implements BinaryOperator<ObjectInputFilter>, Consumer<ObjectInputFilter> {
        private static final ObjectInputFilter REFUSE_ALL = info -> info.serialClass() == null ? Status.UNDECIDED
                : Status.REJECTED;
        private static final StackWalker STACK = StackWalker.getInstance();

        private final BinaryOperator<ObjectInputFilter> builtin = ObjectInputFilter.Config.getSerialFilterFactory();
        private final AtomicReference<ObjectInputFilter> remote = new AtomicReference<>(REFUSE_ALL);

        @Override
        public void accept(ObjectInputFilter filter) {
            remote.set(filter == null ? REFUSE_ALL : filter);
        }

        @Override
        public ObjectInputFilter apply(ObjectInputFilter current, ObjectInputFilter next) {
            // Called in each new stream's constructor, so the stream's class is a few frames up.
            boolean remoteStream = current == null && STACK.walk(frames -> frames.limit(12)
                    .anyMatch(frame -> REMOTE_STREAMS.contains(frame.getClassName())));
            return remoteStream ? remote.get() : builtin.apply(current, next);
        }

        @Override
        public String toString() {
            return "org.jykka.remote's serial filter factory";
        }
    }
}
