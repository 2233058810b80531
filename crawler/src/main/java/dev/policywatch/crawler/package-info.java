/**
 * The crawler service: fetches the configured sources politely, extracts their text with the engine and
 * publishes a {@link dev.policywatch.events.PageSnapshot} when a document changed.
 * {@link dev.policywatch.crawler.Crawler} crawls one source once; {@link dev.policywatch.crawler.CrawlerSettings}
 * holds the {@code policywatch.crawler.*} configuration. Sub-packages: {@code source} (the sources file),
 * {@code fetch} (HTTP, robots, politeness), {@code discover} (links of listings, feeds, JSON indexes),
 * {@code publish} (snapshots, drift guard), {@code state} (validators, 404 counts and known links kept
 * across restarts), {@code status} (status, API, metrics), {@code schedule}.
 */
package dev.policywatch.crawler;
