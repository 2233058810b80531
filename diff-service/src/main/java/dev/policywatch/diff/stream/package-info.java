/**
 * The Kafka Streams part of diff-service: {@link dev.policywatch.diff.stream.ChangeTopology} (snapshots in,
 * changes and dead letters out, two persistent stores of each document's latest version: its head and its blocks),
 * {@link dev.policywatch.diff.stream.ChangeDetector} (the pure decision: baseline, new document, updated,
 * removed, identical or late) and {@link dev.policywatch.diff.stream.DiffStreams} (the running
 * {@code KafkaStreams} with exactly_once_v2).
 */
package dev.policywatch.diff.stream;
