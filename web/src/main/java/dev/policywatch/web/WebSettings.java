package dev.policywatch.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the UI finds the API (keys under {@code policywatch.web}). Each base URL is optional: unset, the
 * UI calls the server it runs in ({@code http://localhost:<its port>}), which is what the standalone
 * wants. Immutable and validated at start: a base URL must be http(s).
 */
@Singleton
public final class WebSettings {

    /** Set to {@code false} to serve no page (the API only). */
    public static final String ENABLED = "policywatch.web.enabled";

    /** Changes per timeline page. */
    public static final int DEFAULT_PAGE_SIZE = 25;

    private final URI historyUrl;
    private final URI crawlerUrl;
    private final URI notifierUrl;
    private final int pageSize;
    private final Duration apiTimeout;

    public WebSettings(@Nullable @Value("${policywatch.web.history-url:}") String historyUrl,
            @Nullable @Value("${policywatch.web.crawler-url:}") String crawlerUrl,
            @Nullable @Value("${policywatch.web.notifier-url:}") String notifierUrl,
            @Nullable @Value("${policywatch.web.page-size:25}") Integer pageSize,
            @Nullable @Value("${policywatch.web.api-timeout:10s}") Duration apiTimeout) {
        this.historyUrl = baseUrl("policywatch.web.history-url", historyUrl);
        this.crawlerUrl = baseUrl("policywatch.web.crawler-url", crawlerUrl);
        this.notifierUrl = baseUrl("policywatch.web.notifier-url", notifierUrl);
        this.pageSize = pageSize == null ? DEFAULT_PAGE_SIZE : pageSize;
        if (this.pageSize < 1 || this.pageSize > 500) {
            throw new IllegalArgumentException("policywatch.web.page-size must be 1..500, was " + pageSize);
        }
        this.apiTimeout = apiTimeout == null ? Duration.ofSeconds(10) : apiTimeout;
        if (this.apiTimeout.isNegative() || this.apiTimeout.isZero()) {
            throw new IllegalArgumentException("policywatch.web.api-timeout must be positive, was " + apiTimeout);
        }
    }

    /** The history API (diff-service), if configured; empty means "this server". */
    public Optional<URI> historyUrl() {
        return Optional.ofNullable(historyUrl);
    }

    /** The crawler API, if configured; empty means "this server". */
    public Optional<URI> crawlerUrl() {
        return Optional.ofNullable(crawlerUrl);
    }

    /** The notifier API, if configured; empty means "this server". */
    public Optional<URI> notifierUrl() {
        return Optional.ofNullable(notifierUrl);
    }

    public int pageSize() {
        return pageSize;
    }

    public Duration apiTimeout() {
        return apiTimeout;
    }

    private static URI baseUrl(String key, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        URI uri;
        try {
            uri = URI.create(trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + " is not a URL: " + value, e);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException(key + " must be an http(s) URL with a host, was " + value);
        }
        return uri;
    }
}
