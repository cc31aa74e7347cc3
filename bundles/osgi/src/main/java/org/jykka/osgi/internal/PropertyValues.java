package org.jykka.osgi.internal;

import java.lang.reflect.Array;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Converts a configuration value to the type a {@link PropertyView} member declares. A {@code .cfg}
 * file gives every value as text; Configuration Admin may give typed ones. Understood: {@code String};
 * {@code int}, {@code long}, {@code double}, {@code float}, {@code short}, {@code byte} and their
 * wrappers (a number, or its text); {@code boolean} ({@code true} or {@code false}, any case); an
 * enum (a constant's name, any case); {@link Duration} (ISO-8601 such as {@code PT2S}); arrays,
 * {@code List} and {@code Set} of those (an array, a collection, or comma-separated text).
 */
final class PropertyValues {
    private static final Map<Class<?>, Class<?>> WRAPPERS = Map.of(int.class, Integer.class, long.class, Long.class,
            double.class, Double.class, float.class, Float.class, short.class, Short.class, byte.class, Byte.class,
            boolean.class, Boolean.class);

    private PropertyValues() {}

    /** @throws IllegalArgumentException naming {@code key}, its value and the wanted type */
    static Object convert(String key, Object value, Type target) {
        if (target instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw
                && (raw == List.class || raw == Set.class || raw == Collection.class)) {
            List<Object> elements = new ArrayList<>();
            for (Object element : elements(value)) {
                elements.add(convert(key, element, parameterized.getActualTypeArguments()[0]));
            }
            return raw == Set.class ? Set.copyOf(elements) : List.copyOf(elements);
        }
        if (!(target instanceof Class<?> type)) {
            throw new IllegalArgumentException("property '" + key + "' is read as " + target.getTypeName()
                    + ", which a configuration cannot give; use String, a number, boolean, an enum, Duration,"
                    + " or an array or List of those");
        }
        if (type.isArray()) {
            List<Object> elements = elements(value);
            Object array = Array.newInstance(type.getComponentType(), elements.size());
            for (int i = 0; i < elements.size(); i++) {
                Array.set(array, i, convert(key, elements.get(i), type.getComponentType()));
            }
            return array;
        }
        Object single = value;
        if (value instanceof Collection<?> || (value != null && value.getClass().isArray())) {
            List<Object> elements = elements(value);
            if (elements.size() != 1) {
                throw bad(key, value, type);
            }
            single = elements.get(0);
        }
        if (single == null) {
            throw bad(key, null, type);
        }
        try {
            return scalar(single, WRAPPERS.getOrDefault(type, type), key);
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            throw bad(key, single, type);
        }
    }

    private static Object scalar(Object value, Class<?> type, String key) {
        if (type.isInstance(value)) {
            return value;
        }
        String text = value.toString().strip();
        if (type == String.class) {
            return value.toString();
        } else if (type == Integer.class) {
            return value instanceof Number n ? Math.toIntExact(exact(n, key, type)) : Integer.valueOf(text);
        } else if (type == Long.class) {
            return value instanceof Number n ? exact(n, key, type) : Long.valueOf(text);
        } else if (type == Short.class) {
            return Short.valueOf(text);
        } else if (type == Byte.class) {
            return Byte.valueOf(text);
        } else if (type == Double.class) {
            return value instanceof Number n ? n.doubleValue() : Double.valueOf(text);
        } else if (type == Float.class) {
            return value instanceof Number n ? n.floatValue() : Float.valueOf(text);
        } else if (type == Boolean.class) {
            if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                return Boolean.valueOf(text);
            }
        } else if (type == Duration.class) {
            return Duration.parse(text);
        } else if (type.isEnum()) {
            for (Object constant : type.getEnumConstants()) {
                if (((Enum<?>) constant).name().equalsIgnoreCase(text)) {
                    return constant;
                }
            }
        } else {
            throw new IllegalArgumentException("property '" + key + "' is read as " + type.getName() + ", which a"
                    + " configuration cannot give; use String, a number, boolean, an enum, Duration, or an array or"
                    + " List of those");
        }
        throw bad(key, value, type);
    }

    private static long exact(Number number, String key, Class<?> type) {
        if (number.doubleValue() != number.longValue()) {
            throw bad(key, number, type);
        }
        return number.longValue();
    }

    private static List<Object> elements(Object value) {
        List<Object> elements = new ArrayList<>();
        if (value instanceof Collection<?> collection) {
            elements.addAll(collection);
        } else if (value != null && value.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(value); i++) {
                elements.add(Array.get(value, i));
            }
        } else if (value instanceof String text) {
            if (!text.isBlank()) {
                for (String part : text.split(",", -1)) {
                    elements.add(part.strip());
                }
            }
        } else if (value != null) {
            elements.add(value);
        }
        return elements;
    }

    private static IllegalArgumentException bad(String key, Object value, Class<?> type) {
        String wanted = type.isEnum() ? "one of " + List.of(type.getEnumConstants())
                : type == Duration.class ? "a duration such as PT2S (ISO-8601)"
                : a(type.getSimpleName().toLowerCase(Locale.ROOT));
        return new IllegalArgumentException("property '" + key + "' is " + (value == null ? "empty" : "'" + value + "'")
                + ", which is not " + wanted);
    }

    private static String a(String noun) {
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }
}
