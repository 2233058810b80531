/**
 * Publishing snapshots: {@link dev.policywatch.crawler.publish.SnapshotPublisher} (the Kafka producer and
 * the published state rebuilt from the snapshots topic), {@link dev.policywatch.crawler.publish.PublishedState}
 * (last hash per document) and {@link dev.policywatch.crawler.publish.DriftGuard} (holds back text that
 * looks like a broken selector rather than a real change).
 */
package dev.policywatch.crawler.publish;
