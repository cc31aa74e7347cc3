package org.jykka.osgi.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One clause of a plugin's {@code Jykka-Actors} header: an actor class to start, its name (empty for
 * the class's simple name), the interfaces to publish it under, and the factory configuration PID
 * whose configurations each start one instance (empty: one instance, started with the bundle). The
 * grammar is documented on {@link org.jykka.osgi.PluginActor}.
 */
record ActorDeclaration(String className, Optional<String> name, List<String> services, Optional<String> factoryPid) {

    ActorDeclaration {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(factoryPid, "factoryPid");
        services = List.copyOf(services);
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
        for (String parameter : parts.subList(1, parts.size())) {
            int equals = parameter.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException("parameter '" + parameter.strip() + "' has no value;"
                        + " write name=<name>, services:List<String>=\"<interface>,...\" or factoryPid=<pid>");
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
                default -> throw new IllegalArgumentException("unknown parameter '" + key + "'; only name,"
                        + " services:List<String> and factoryPid are understood");
            }
        }
        return new ActorDeclaration(className, name, services, factoryPid);
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
