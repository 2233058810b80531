/**
 * Fetching, politely and defensively: {@link dev.policywatch.crawler.fetch.HttpFetcher} (HTTP with
 * redirects, caps enforced while reading, timeouts, retries, over the shared OkHttp client and address
 * policy of the {@code net} module), {@link dev.policywatch.crawler.fetch.RobotsPolicy} (robots.txt via
 * crawler-commons), {@link dev.policywatch.crawler.fetch.HostGate} (one request per host, with a pause) and
 * {@link dev.policywatch.crawler.fetch.ByteBudget} (the memory budget of the fetches in flight). Outcomes
 * are values: {@link dev.policywatch.crawler.fetch.FetchResult}.
 */
package dev.policywatch.crawler.fetch;
