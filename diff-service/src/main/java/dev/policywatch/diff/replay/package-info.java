/**
 * Replay: rebuilding the changes and the history from the snapshots topic after the engine improves.
 * {@link dev.policywatch.diff.replay.Generation} names the new Streams application and projection group;
 * {@link dev.policywatch.diff.replay.HistoryGenerations} empties the history once for the new generation.
 * The procedure is in docs/diff-service.md.
 */
package dev.policywatch.diff.replay;
