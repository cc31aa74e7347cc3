package org.jykka.osgi.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jykka.Restart;

/**
 * One clause of a plugin's {@code Jykka-Actors} header: an actor class to start, its name (empty for
 * the class's simple name), the interfaces to publish it under, and the factory configuration PID
 * whose configurations each start one instance (empty: one instance, started with the bundle), and
 * the restart policy of each instance ({@link Restart#never()} unless the clause sets
 * {@code maxRestarts}), and whether its typed services are exported as OSGi Remote Services
 * ({@code exported=true}). The grammar is documented on {@link org.jykka.osgi.PluginActor}.
 */
record ActorDeclaration(String className, Optional<String> name, List<String> services, Optional<String> factoryPid,
        Restart restart, boolean exported) {

    ActorDeclaration {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(factoryPid, "factoryPid");
        Objects.requireNonNull(restart, "restart");
        services = List.copyOf(services);
    }

    ActorDeclaration(String className, Optional<String> name, List<String> services, Optional<String> factoryPid,
            Restart restart) {
        this(className, name, services, factoryPid, restart, false);
    }

    ActorDeclaration(String className, Optional<String> name, List<String> services, Optional<String> factoryPid) {
        this(className, name, services, factoryPid, Restart.never());
    }

    ActorDeclaration(String className, Optional<String> name, List<String> services) {
        this(className, name, services, Optional.empty());
    }

    /**
     * Parses a whole header. Clauses that are malformed are not returned but reported in
     * {@link Parsed#errors()}, each naming the clause, so the well-formed ones can still start.
     *
     * @throws IllegalArgumentException if the header cannot be split into clauses at all (an
     *     unterminated quote)
     */
    static Parsed parseHeader(String header) {
        List<ActorDeclaration> declarations = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (String clause : split(header, ',')) {
            if (clause.isBlank()) {
                errors.add("an empty clause (two commas in a row, or a trailing comma)");
                continue;
            }
            try {
                declarations.add(parseClause(clause.strip()));
            } catch (IllegalArgumentException e) {
                errors.add("clause '" + clause.strip() + "': " + e.getMessage());
            }
        }
        return new Parsed(declarations, errors);
    }

    /** The well-formed declarations of a header, and what was wrong with the others. */
    record Parsed(List<ActorDeclaration> declarations, List<String> errors) {}

    private static ActorDeclaration parseClause(String clause) {
        List<String> parts = split(clause, ';');
        String className = parts.get(0).strip();
        if (!isBinaryName(className)) {
            throw new IllegalArgumentException("'" + className + "' is not a class name; a clause starts with"
                    + " the actor's fully qualified class name, e.g. com.example.Greeter");
        }
        Optional<String> name = Optional.empty();
        List<String> services = List.of();
        Optional<String> factoryPid = Optional.empty();
        RestartParameters restart = new RestartParameters();
        boolean exported = false;
        for (String parameter : parts.subList(1, parts.size())) {
            int equals = parameter.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException("parameter '" + parameter.strip() + "' has no value;"
                        + " write name=<name>, services:List<String>=\"<interface>,...\", factoryPid=<pid>,"
                        + " maxRestarts=<n>, within=<duration>, backoffMin=<duration>, backoffMax=<duration> or"
                        + " exported=true");
            }
            String key = parameter.substring(0, equals).strip();
            String value = unquote(parameter.substring(equals + 1).strip());
            switch (key) {
                case "name" -> {
                    if (value.isBlank()) {
                        throw new IllegalArgumentException("name is empty; leave it out to use the class's simple name");
                    }
                    name = Optional.of(value);
                }
                case "services", "services:List<String>", "services:String" -> services = interfaceNames(value);
                case "factoryPid" -> {
                    if (value.isBlank()) {
                        throw new IllegalArgumentException("factoryPid is empty; leave it out for an actor that"
                                + " starts with its bundle");
                    }
                    factoryPid = Optional.of(value);
                }
                case "maxRestarts" -> restart.maxRestarts = count(key, value);
                case "within" -> restart.within = duration(key, value);
                case "backoffMin" -> restart.backoffMin = duration(key, value);
                case "backoffMax" -> restart.backoffMax = duration(key, value);
                case "exported" -> exported = bool(key, value);
                default -> throw new IllegalArgumentException("unknown parameter '" + key + "'; only name,"
                        + " services:List<String>, factoryPid, maxRestarts, within, backoffMin, backoffMax and exported"
                        + " are understood");
            }
        }
        if (exported && services.isEmpty()) {
            throw new IllegalArgumentException("exported=true needs services: only typed services are exported");
        }
        return new ActorDeclaration(className, name, services, factoryPid, restart.policy(), exported);
    }

    /** The restart parameters of one clause, as written; {@link #policy()} checks that they fit together. */
    private static final class RestartParameters {
        Integer maxRestarts;
        Duration within;
        Duration backoffMin;
        Duration backoffMax;

        Restart policy() {
            if (maxRestarts == null || maxRestarts == 0) {
                if (within != null || backoffMin != null || backoffMax != null) {
                    throw new IllegalArgumentException((within != null ? "within" : backoffMin != null ? "backoffMin"
                            : "backoffMax") + " is set but maxRestarts is not above 0; set maxRestarts=<n> (n > 0) for an"
                            + " actor that restarts, or leave the restart parameters out");
                }
                return Restart.never();
            }
            if (within == null) {
                throw new IllegalArgumentException("maxRestarts=" + maxRestarts + " needs within=<duration>, the"
                        + " window the restarts are counted in (ISO-8601, e.g. PT10S)");
            }
            Restart limit = Restart.limit(maxRestarts, within);
            if (backoffMin == null && backoffMax == null) {
                return limit;
            }
            if (backoffMin == null || backoffMax == null) {
                throw new IllegalArgumentException((backoffMin == null ? "backoffMax" : "backoffMin") + " is set"
                        + " without " + (backoffMin == null ? "backoffMin" : "backoffMax") + "; set both, or neither");
            }
            if (backoffMin.compareTo(backoffMax) > 0) {
                throw new IllegalArgumentException("backoffMin=" + backoffMin + " is greater than backoffMax="
                        + backoffMax);
            }
            return limit.withBackoff(backoffMin, backoffMax);
        }
    }

    private static int count(String key, String value) {
        try {
            int count = Integer.parseInt(value);
            if (count >= 0) {
                return count;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(key + "=" + value + " is not a whole number of restarts (0 or more)");
    }

    private static boolean bool(String key, String value) {
        if (value.equals("true") || value.equals("false")) {
            return value.equals("true");
        }
        throw new IllegalArgumentException(key + "=" + value + " is neither true nor false");
    }

    private static Duration duration(String key, String value) {
        Duration duration;
        try {
            duration = Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(key + "=" + value + " is not an ISO-8601 duration such as PT10S or"
                    + " PT0.5S");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(key + "=" + value + " must be positive");
        }
        return duration;
    }

    private static List<String> interfaceNames(String value) {
        List<String> names = new ArrayList<>();
        for (String name : value.split(",", -1)) {
            String stripped = name.strip();
            if (!isBinaryName(stripped)) {
                throw new IllegalArgumentException("services lists '" + stripped + "', which is not an"
                        + " interface name; list fully qualified names separated by commas");
            }
            names.add(stripped);
        }
        return names;
    }

    private static String unquote(String value) {
        if (value.startsWith("\"")) {
            if (value.length() < 2 || !value.endsWith("\"")) {
                throw new IllegalArgumentException("value " + value + " has text after its closing quote");
            }
            return value.substring(1, value.length() - 1);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c) || c == '"') {
                throw new IllegalArgumentException("value '" + value + "' must be quoted");
            }
        }
        return value;
    }

    /** Splits on {@code separator} outside double quotes. */
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == separator && !quoted) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("a quote is never closed in: " + text);
        }
        parts.add(text.substring(start));
        return parts;
    }

    private static boolean isBinaryName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (String identifier : name.split("\\.", -1)) {
            if (identifier.isEmpty() || !Character.isJavaIdentifierStart(identifier.charAt(0))) {
                return false;
            }
            for (int i = 1; i < identifier.length(); i++) {
                if (!Character.isJavaIdentifierPart(identifier.charAt(i))) {
                    return false;
                }
            }
        }
        return true;
    }
}
