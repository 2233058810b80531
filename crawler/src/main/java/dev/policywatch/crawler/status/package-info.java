/**
 * What the crawler shows: per-source status ({@link dev.policywatch.crawler.status.StatusBoard},
 * {@link dev.policywatch.api.sources.SourceStatus}, module {@code api}), the HTTP API
 * ({@link dev.policywatch.crawler.status.SourcesController}) and Prometheus metrics
 * ({@link dev.policywatch.crawler.status.CrawlMetrics}).
 */
package dev.policywatch.crawler.status;
