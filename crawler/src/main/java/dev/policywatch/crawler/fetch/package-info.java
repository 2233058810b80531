/**
 * Fetching, politely and defensively: {@link dev.policywatch.crawler.fetch.HttpFetcher} (HTTP with
 * redirects, caps, timeouts, retries, gzip), {@link dev.policywatch.crawler.fetch.RobotsPolicy}
 * (robots.txt via crawler-commons), {@link dev.policywatch.crawler.fetch.HostGate} (one request per host,
 * with a pause) and {@link dev.policywatch.crawler.fetch.UrlGuard} (which URLs may be requested at all).
 * Outcomes are values: {@link dev.policywatch.crawler.fetch.FetchResult}.
 */
package dev.policywatch.crawler.fetch;
