/**
 * The crawler's memory that must survive a restart: per document the HTTP validators, the consecutive
 * 404/410 count and the origin given when the document was first seen; per listing, feed or JSON index
 * its validators and the links it last listed. {@link dev.policywatch.crawler.state.CrawlMemory} is the
 * value, {@link dev.policywatch.crawler.state.CrawlStateStore} keeps it in memory and in a compacted
 * Kafka topic, read back at start.
 */
package dev.policywatch.crawler.state;
