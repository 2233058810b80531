package dev.policywatch.standalone;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to run the standalone: data directory, HTTP port, sources file, demo mode, and extra Micronaut
 * properties (from {@code -Dname=value} arguments). A property is looked up in those extra properties,
 * then in JVM system properties, then in the environment ({@code kafka.bootstrap.servers} →
 * {@code KAFKA_BOOTSTRAP_SERVERS}), as Micronaut itself does.
 */
public record StandaloneOptions(Path dataDir, int port, Path sources, boolean demo, Map<String, String> properties) {

    public static final int DEFAULT_PORT = 8080;

    public StandaloneOptions {
        Objects.requireNonNull(dataDir, "dataDir");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be 0..65535, was " + port);
        }
        properties = Map.copyOf(properties == null ? Map.of() : properties);
    }

    public static StandaloneOptions defaults() {
        return new StandaloneOptions(Path.of("data"), DEFAULT_PORT, null, false, Map.of());
    }

    public StandaloneOptions withDataDir(Path dir) {
        return new StandaloneOptions(dir, port, sources, demo, properties);
    }

    public StandaloneOptions withPort(int p) {
        return new StandaloneOptions(dataDir, p, sources, demo, properties);
    }

    public StandaloneOptions withSources(Path file) {
        return new StandaloneOptions(dataDir, port, file, demo, properties);
    }

    public StandaloneOptions withDemo(boolean d) {
        return new StandaloneOptions(dataDir, port, sources, d, properties);
    }

    public StandaloneOptions withProperty(String name, String value) {
        Map<String, String> p = new LinkedHashMap<>(properties);
        p.put(name, value);
        return new StandaloneOptions(dataDir, port, sources, demo, p);
    }

    /** {@code policywatch.demo.stage-interval}: how often the demo site changes (ISO-8601 or {@code 90s}, {@code 2m}); 1 minute. */
    public Duration demoStageInterval() {
        return property("policywatch.demo.stage-interval").map(v -> duration("policywatch.demo.stage-interval", v))
                .orElse(Duration.ofMinutes(1));
    }

    /** A positive duration: ISO-8601 ({@code PT30S}) or a number with a unit ({@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}). */
    static Duration duration(String name, String value) {
        String v = value.strip();
        Duration d;
        try {
            if (v.toUpperCase(Locale.ROOT).startsWith("P")) {
                d = Duration.parse(v);
            } else {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)").matcher(v);
                if (!m.matches()) {
                    throw new IllegalArgumentException(name + " must be a duration such as 30s, 2m or PT1M, was " + value);
                }
                long n = Long.parseLong(m.group(1));
                d = switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    default -> Duration.ofHours(n);
                };
            }
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be a duration such as 30s, 2m or PT1M, was " + value);
        }
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
        return d;
    }

    /** The value of a property from the options, the JVM or the environment. */
    public Optional<String> property(String name) {
        String v = properties.get(name);
        if (v == null) {
            v = System.getProperty(name);
        }
        if (v == null) {
            v = System.getenv(name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
        }
        return Optional.ofNullable(v).filter(s -> !s.isBlank());
    }
}
