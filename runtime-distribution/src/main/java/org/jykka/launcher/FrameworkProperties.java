package org.jykka.launcher;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code conf/framework.properties}: Java properties whose values may name others as
 * {@code ${name}}, resolved from the file, then from the launcher's own values ({@code jykka.home},
 * {@code jykka.framework}), then from system properties. A system property with the same key as an
 * entry of the file replaces that entry, so {@code JAVA_OPTS=-Dfelix.fileinstall.poll=200} works
 * without editing the file.
 */
final class FrameworkProperties {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]+)}");

    private FrameworkProperties() {
    }

    static Map<String, String> load(Path file, Map<String, String> launcherValues) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Map<String, String> raw = new HashMap<>();
        for (String key : properties.stringPropertyNames()) {
            raw.put(key, System.getProperty(key, properties.getProperty(key)));
        }
        Map<String, String> resolved = new HashMap<>(launcherValues);
        for (String key : raw.keySet()) {
            resolved.put(key, resolve(key, raw, launcherValues, 0));
        }
        return resolved;
    }

    private static String resolve(String key, Map<String, String> raw, Map<String, String> launcherValues,
            int depth) {
        if (depth > 16) {
            throw new IllegalArgumentException("${" + key + "} refers to itself in framework.properties");
        }
        String value = raw.get(key);
        Matcher reference = REFERENCE.matcher(value);
        StringBuilder result = new StringBuilder();
        while (reference.find()) {
            String name = reference.group(1);
            String replacement;
            if (raw.containsKey(name)) {
                replacement = resolve(name, raw, launcherValues, depth + 1);
            } else if (launcherValues.containsKey(name)) {
                replacement = launcherValues.get(name);
            } else if (System.getProperty(name) != null) {
                replacement = System.getProperty(name);
            } else {
                throw new IllegalArgumentException("framework.properties: " + key + " refers to ${" + name
                        + "}, which is not set");
            }
            reference.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        reference.appendTail(result);
        return result.toString();
    }
}
