/**
 * When crawls run: {@link dev.policywatch.crawler.schedule.CrawlScheduler} (per-source intervals with
 * jitter, global concurrency, per-host dispatch, manual crawl requests).
 */
package dev.policywatch.crawler.schedule;
