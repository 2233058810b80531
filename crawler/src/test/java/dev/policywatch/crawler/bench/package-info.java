/** The crawler benchmark (a main class, not a test): see {@link dev.policywatch.crawler.bench.CrawlBenchmark}. */
package dev.policywatch.crawler.bench;
