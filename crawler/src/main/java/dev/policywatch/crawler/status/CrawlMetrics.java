package dev.policywatch.crawler.status;

import dev.policywatch.crawler.fetch.FetchResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * The crawler's Prometheus metrics: {@code policywatch_crawler_fetches_total{outcome}},
 * {@code policywatch_crawler_not_modified_total}, {@code policywatch_crawler_bytes} (bytes received per
 * fetch), {@code policywatch_crawler_fetch_latency_seconds}, {@code policywatch_crawler_robots_refusals_total};
 * publish failures are counted by the publisher ({@code policywatch_crawler_publish_failures_total}).
 */
@Singleton
public final class CrawlMetrics {

    private final MeterRegistry registry;
    private final Counter notModified;
    private final Counter robotsRefusals;
    private final DistributionSummary bytes;
    private final Timer latency;

    public CrawlMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.notModified = Counter.builder("policywatch.crawler.not.modified")
                .description("fetches answered 304 Not Modified").register(registry);
        this.robotsRefusals = Counter.builder("policywatch.crawler.robots.refusals")
                .description("fetches not made because robots.txt disallows them").register(registry);
        this.bytes = DistributionSummary.builder("policywatch.crawler.bytes").baseUnit("bytes")
                .description("bytes received per fetch, before decoding").register(registry);
        this.latency = Timer.builder("policywatch.crawler.fetch.latency")
                .description("time of one fetch, retries and redirects included").register(registry);
    }

    /** Counts one fetch. */
    public void record(FetchResult result, Duration took) {
        registry.counter("policywatch.crawler.fetches", "outcome", result.outcome()).increment();
        latency.record(took);
        if (result instanceof FetchResult.NotModified) {
            notModified.increment();
        } else if (result instanceof FetchResult.Fetched f) {
            bytes.record(f.wireBytes());
        } else if (result instanceof FetchResult.Failed f && f.kind() == FetchResult.Kind.ROBOTS) {
            robotsRefusals.increment();
        }
    }
}
