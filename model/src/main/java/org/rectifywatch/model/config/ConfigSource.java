package org.rectifywatch.model.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Where configuration values come from, in order: explicit overrides (CLI flags, {@code --set key=value}),
 * then the environment, then the typed config's default. A key {@code kafka.bootstrap} is read from the
 * environment variable {@code RECTIFY_KAFKA_BOOTSTRAP}. Every key asked for is remembered, so tests and
 * {@code pipeline config} can list exactly the keys the services read.
 */
public final class ConfigSource {
    private final Map<String, String> overrides;
    private final Map<String, String> env;
    private final Set<String> asked = new TreeSet<>();

    public ConfigSource(Map<String, String> overrides, Map<String, String> env) {
        this.overrides = new LinkedHashMap<>(overrides);
        this.env = env;
    }

    public static ConfigSource fromEnvironment() {
        return new ConfigSource(Map.of(), System.getenv());
    }

    public static ConfigSource of(Map<String, String> overrides) {
        return new ConfigSource(overrides, System.getenv());
    }

    public ConfigSource with(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(overrides);
        copy.put(key, value);
        return new ConfigSource(copy, env);
    }

    public static String envName(String key) {
        return "RECTIFY_" + key.toUpperCase().replace('.', '_').replace('-', '_');
    }

    /** The keys asked for so far, as environment variable names. */
    public Set<String> askedEnvNames() {
        Set<String> names = new TreeSet<>();
        asked.forEach(k -> names.add(envName(k)));
        return names;
    }

    public String string(String key, String defaultValue) {
        asked.add(key);
        String v = overrides.get(key);
        if (v == null) {
            v = env.get(envName(key));
        }
        return v == null || v.isBlank() ? defaultValue : v.trim();
    }

    public int integer(String key, int defaultValue) {
        return parse(key, defaultValue, Integer::parseInt, "a whole number");
    }

    public long longValue(String key, long defaultValue) {
        return parse(key, defaultValue, Long::parseLong, "a whole number");
    }

    public boolean bool(String key, boolean defaultValue) {
        return parse(key, defaultValue, s -> switch (s.toLowerCase()) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new IllegalArgumentException(s);
        }, "true or false");
    }

    /** A duration as ISO-8601 ({@code PT1M}) or a number with unit ms, s, m, h, d ({@code 60s}, {@code 6m}). */
    public Duration duration(String key, Duration defaultValue) {
        return parse(key, defaultValue, ConfigSource::parseDuration, "a duration such as 500ms, 60s, 5m, 2h or PT1M");
    }

    static Duration parseDuration(String s) {
        String t = s.trim().toLowerCase();
        if (t.startsWith("p")) {
            return Duration.parse(t.toUpperCase());
        }
        int i = 0;
        while (i < t.length() && Character.isDigit(t.charAt(i))) {
            i++;
        }
        long n = Long.parseLong(t.substring(0, i));
        return switch (t.substring(i)) {
            case "ms" -> Duration.ofMillis(n);
            case "", "s" -> Duration.ofSeconds(n);
            case "m", "min" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> throw new IllegalArgumentException(s);
        };
    }

    private <T> T parse(String key, T defaultValue, Function<String, T> parser, String expected) {
        String raw = string(key, null);
        if (raw == null) {
            return defaultValue;
        }
        try {
            return parser.apply(raw);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("configuration " + key + " (env " + envName(key) + ") is '" + raw
                    + "' but must be " + expected);
        }
    }
}
