package dev.policywatch.support;

import java.util.Map;

/**
 * What a service run on its own ({@code java -jar crawler.jar}, the Docker images, the cluster test)
 * exposes besides its API: {@code /health} and {@code /prometheus} without a token (docs/operations.md).
 * Each service's {@code Application} starts with these; the standalone sets the same in its own
 * application-standalone.yml. Configuration still overrides them.
 */
public final class ServiceEndpoints {

    /** Micronaut properties: health and Prometheus endpoints on, readable anonymously. */
    public static final Map<String, Object> DEFAULTS = Map.of(
            "endpoints.health.enabled", true,
            "endpoints.health.sensitive", false,
            "endpoints.prometheus.enabled", true,
            "endpoints.prometheus.sensitive", false);

    private ServiceEndpoints() {
    }
}
