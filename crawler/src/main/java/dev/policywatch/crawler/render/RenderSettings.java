package dev.policywatch.crawler.render;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How {@code render: browser} sources are rendered ({@code policywatch.crawler.render.*}). Every value has
 * a default; a bad one fails the start naming the key.
 *
 * @param chromium        the Chromium executable (Debian's {@code /usr/bin/chromium}); when it is missing a
 *                        {@code render: browser} source shows {@code RENDER_UNAVAILABLE} and the others run
 * @param browsers        browsers kept running at most (each renders one page at a time)
 * @param pageLoadTimeout longest time from navigation to the rendered DOM (load event, settling, reading it)
 * @param settle          after the load event, how long the page must make no request before its DOM is read
 * @param maxRequests     requests one page may make (scripts, XHR, fetch, frames); those over it are refused
 * @param startTimeout    longest wait for a browser to start and open its DevTools endpoint
 * @param idleTimeout     a browser unused this long is closed (started again when a page needs it)
 */
@ConfigurationProperties("policywatch.crawler.render")
public record RenderSettings(
        @Nullable Path chromium,
        @Bindable(defaultValue = "1") int browsers,
        @Bindable(defaultValue = "60s") Duration pageLoadTimeout,
        @Bindable(defaultValue = "500ms") Duration settle,
        @Bindable(defaultValue = "100") int maxRequests,
        @Bindable(defaultValue = "20s") Duration startTimeout,
        @Bindable(defaultValue = "2m") Duration idleTimeout) {

    /** Where Debian installs Chromium. */
    public static final Path DEFAULT_CHROMIUM = Path.of("/usr/bin/chromium");

    public RenderSettings {
        chromium = chromium == null ? DEFAULT_CHROMIUM : chromium;
        pageLoadTimeout = positive(pageLoadTimeout, "page-load-timeout", Duration.ofSeconds(60));
        settle = settle == null ? Duration.ofMillis(500) : settle;
        startTimeout = positive(startTimeout, "start-timeout", Duration.ofSeconds(20));
        idleTimeout = positive(idleTimeout, "idle-timeout", Duration.ofMinutes(2));
        if (settle.isNegative() || settle.compareTo(pageLoadTimeout) >= 0) {
            throw new IllegalArgumentException("policywatch.crawler.render.settle must be >= 0 and shorter than "
                    + "page-load-timeout, was " + settle);
        }
        if (browsers < 1 || browsers > 16) {
            throw new IllegalArgumentException("policywatch.crawler.render.browsers must be 1..16, was " + browsers);
        }
        if (maxRequests < 1 || maxRequests > 10_000) {
            throw new IllegalArgumentException("policywatch.crawler.render.max-requests must be 1..10000, was "
                    + maxRequests);
        }
    }

    /** All defaults. */
    public static RenderSettings defaults() {
        return new RenderSettings(null, 1, null, null, 100, null, null);
    }

    private static Duration positive(Duration d, String key, Duration fallback) {
        Duration v = d == null ? fallback : d;
        if (v.isNegative() || v.isZero()) {
            throw new IllegalArgumentException("policywatch.crawler.render." + key + " must be positive, was " + v);
        }
        return v;
    }
}
