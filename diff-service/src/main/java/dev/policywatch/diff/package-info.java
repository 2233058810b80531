/**
 * diff-service: turns {@code PageSnapshot}s into {@code DocumentChange}s exactly once
 * ({@link dev.policywatch.diff.stream}), keeps the history in PostgreSQL and serves it
 * ({@link dev.policywatch.diff.history}), and rebuilds both from the snapshots topic
 * ({@link dev.policywatch.diff.replay}). {@link dev.policywatch.diff.DocumentComparer} is the one door
 * to the provision diff engine that both the topology and the history use.
 */
package dev.policywatch.diff;
