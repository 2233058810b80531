package dev.policywatch.standalone;

import java.nio.file.Path;
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
