package dev.policywatch.crawler.source;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current sources: read from {@code policywatch.sources} (a path) or, without it, from the bundled
 * {@code classpath:sources.yml}. The first load must succeed (a broken file stops the start with the
 * list of problems); a later reload that fails keeps the previous sources and shows the error
 * ({@link #lastError()}), so a typo while editing never stops the crawling. Thread-safe.
 */
@Singleton
public final class SourceCatalog {

    /** The bundled default sources file. */
    public static final String BUNDLED = "sources.yml";

    private static final Logger LOG = LoggerFactory.getLogger(SourceCatalog.class);

    private final Path path;
    private volatile Map<String, Source> sources = Map.of();
    private volatile FileTime loadedModified;
    private volatile String lastError;

    public SourceCatalog(@Nullable @Value("${policywatch.sources:}") String path) {
        this.path = path == null || path.isBlank() ? null : Path.of(path.trim());
    }

    /** Where the sources come from, for messages. */
    public String origin() {
        return path == null ? "classpath:" + BUNDLED : path.toString();
    }

    /**
     * Loads the file; on the first load a problem is thrown, later it is kept in {@link #lastError()}.
     *
     * @return whether the sources were (re)loaded
     */
    public synchronized boolean reload() {
        try {
            FileTime modified = path == null ? null : Files.getLastModifiedTime(path);
            List<Source> parsed = SourcesFile.parse(read(), origin());
            Map<String, Source> byId = new LinkedHashMap<>();
            parsed.forEach(s -> byId.put(s.id(), s));
            boolean first = sources.isEmpty() && loadedModified == null;
            sources = java.util.Collections.unmodifiableMap(byId); // file order kept
            loadedModified = modified;
            lastError = null;
            LOG.info("{} {} source(s) from {}", first ? "Loaded" : "Reloaded", byId.size(), origin());
            return true;
        } catch (IOException | RuntimeException e) {
            String message = e instanceof IOException ? "cannot read sources file " + origin() + ": " + e.getMessage()
                    : e.getMessage();
            if (loadedModified == null && sources.isEmpty()) {
                throw e instanceof RuntimeException re ? re : new IllegalStateException(message, e);
            }
            lastError = message;
            LOG.error("Sources file not reloaded, keeping the {} previous source(s): {}", sources.size(), message);
            return false;
        }
    }

    /** Reloads when the file's modification time changed since the last load attempt. */
    public synchronized boolean reloadIfChanged() {
        if (path == null) {
            return false;
        }
        try {
            FileTime modified = Files.getLastModifiedTime(path);
            if (modified.equals(loadedModified)) {
                return false;
            }
            boolean ok = reload();
            loadedModified = modified; // a broken version is reported once, not on every poll
            return ok;
        } catch (IOException e) {
            if (lastError == null) {
                lastError = "cannot read sources file " + origin() + ": " + e.getMessage();
                LOG.error("{}", lastError);
            }
            return false;
        }
    }

    /** The sources in file order. */
    public List<Source> sources() {
        return List.copyOf(sources.values());
    }

    public Optional<Source> find(String id) {
        return Optional.ofNullable(sources.get(id));
    }

    /** Why the last reload failed, or null when the current file was loaded. */
    public String lastError() {
        return lastError;
    }

    private String read() throws IOException {
        if (path != null) {
            return Files.readString(path, StandardCharsets.UTF_8);
        }
        try (InputStream in = SourceCatalog.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IOException("the bundled " + BUNDLED + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
