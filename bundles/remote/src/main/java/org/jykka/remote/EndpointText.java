package org.jykka.remote;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Endpoint descriptions as text, for the directory a framework serves ({@link EndpointDirectory})
 * and its peers read ({@link EndpointPoller}): one line per property,
 * {@code key TAB type TAB value} (type {@code S} string, {@code L} long, {@code I} integer,
 * {@code B} boolean, {@code A} string array; values URL-encoded, array elements separated by
 * commas), and an empty line after each endpoint. Properties of other types are left out: the
 * ones an endpoint description needs are of these.
 */
final class EndpointText {
    private EndpointText() {
    }

    static String write(Collection<Map<String, Object>> endpoints) {
        StringBuilder text = new StringBuilder();
        for (Map<String, Object> endpoint : endpoints) {
            endpoint.forEach((key, value) -> {
                String encoded = encode(value);
                if (encoded != null) {
                    text.append(escape(key)).append('\t').append(encoded).append('\n');
                }
            });
            text.append('\n');
        }
        return text.toString();
    }

    /**
     * The endpoints of {@code text}.
     *
     * @throws IllegalArgumentException if a line is not a property
     */
    static List<Map<String, Object>> read(String text) {
        List<Map<String, Object>> endpoints = new ArrayList<>();
        Map<String, Object> endpoint = new LinkedHashMap<>();
        for (String line : text.split("\n", -1)) {
            if (line.isEmpty()) {
                if (!endpoint.isEmpty()) {
                    endpoints.add(endpoint);
                    endpoint = new LinkedHashMap<>();
                }
                continue;
            }
            String[] parts = line.split("\t", -1);
            if (parts.length != 3) {
                throw new IllegalArgumentException("not an endpoint property: " + line);
            }
            endpoint.put(unescape(parts[0]), decode(parts[1], parts[2]));
        }
        if (!endpoint.isEmpty()) {
            endpoints.add(endpoint);
        }
        return endpoints;
    }

    private static String encode(Object value) {
        if (value instanceof String s) {
            return "S\t" + escape(s);
        } else if (value instanceof Long l) {
            return "L\t" + l;
        } else if (value instanceof Integer i) {
            return "I\t" + i;
        } else if (value instanceof Boolean b) {
            return "B\t" + b;
        } else if (value instanceof String[] array) {
            return "A\t" + join(List.of(array));
        } else if (value instanceof Collection<?> collection && collection.stream().allMatch(String.class::isInstance)) {
            return "A\t" + join(collection);
        }
        return null;
    }

    private static String join(Collection<?> values) {
        List<String> escaped = new ArrayList<>();
        for (Object value : values) {
            escaped.add(escape((String) value));
        }
        return String.join(",", escaped);
    }

    private static Object decode(String type, String value) {
        try {
            return switch (type) {
                case "S" -> unescape(value);
                case "L" -> Long.parseLong(value);
                case "I" -> Integer.parseInt(value);
                case "B" -> Boolean.parseBoolean(value);
                case "A" -> value.isEmpty() ? new String[0]
                        : List.of(value.split(",", -1)).stream().map(EndpointText::unescape).toArray(String[]::new);
                default -> throw new IllegalArgumentException("unknown type " + type);
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: " + value, e);
        }
    }

    private static String escape(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String unescape(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
