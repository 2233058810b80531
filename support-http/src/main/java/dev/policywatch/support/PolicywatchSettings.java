package dev.policywatch.support;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Optional;

/**
 * The settings every service reads (CONTRACT §6): {@code policywatch.admin-token},
 * {@code policywatch.read-token}, {@code policywatch.public-url}, {@code policywatch.data-dir}.
 * Tokens are secrets: never logged, not in {@link #toString()}.
 */
@Singleton
public final class PolicywatchSettings {

    private final String adminToken;
    private final String readToken;
    private final String publicUrl;
    private final String dataDir;

    public PolicywatchSettings(@Nullable @Value("${policywatch.admin-token:}") String adminToken,
            @Nullable @Value("${policywatch.read-token:}") String readToken,
            @Nullable @Value("${policywatch.public-url:}") String publicUrl,
            @Nullable @Value("${micronaut.server.port:8080}") Integer port,
            @Nullable @Value("${policywatch.data-dir:./data}") String dataDir) {
        this.adminToken = blankToNull(adminToken);
        this.readToken = blankToNull(readToken);
        String url = blankToNull(publicUrl);
        if (url == null) {
            int p = port == null || port <= 0 ? 8080 : port;
            url = "http://localhost:" + p;
        }
        URI parsed = URI.create(url);
        if (!"http".equals(parsed.getScheme()) && !"https".equals(parsed.getScheme())) {
            throw new IllegalArgumentException("policywatch.public-url must be an http(s) URL, was " + url);
        }
        this.publicUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.dataDir = dataDir == null || dataDir.isBlank() ? "./data" : dataDir;
    }

    public Optional<String> adminToken() {
        return Optional.ofNullable(adminToken);
    }

    public Optional<String> readToken() {
        return Optional.ofNullable(readToken);
    }

    /** The base URL for links in alerts and feeds, without a trailing slash. */
    public String publicUrl() {
        return publicUrl;
    }

    /** {@link #publicUrl()} joined with a path that starts with "/". */
    public String link(String path) {
        return publicUrl + (path.startsWith("/") ? path : "/" + path);
    }

    public String dataDir() {
        return dataDir;
    }

    @Override
    public String toString() {
        return "PolicywatchSettings[publicUrl=" + publicUrl + ", dataDir=" + dataDir + ", adminToken="
                + (adminToken == null ? "unset" : "set") + ", readToken=" + (readToken == null ? "unset" : "set") + "]";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
