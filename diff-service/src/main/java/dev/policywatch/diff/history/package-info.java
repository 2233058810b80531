/**
 * The history: {@link dev.policywatch.diff.history.HistoryProjection} consumes the changes and snapshots
 * topics into PostgreSQL through {@link dev.policywatch.diff.history.HistoryStore} (idempotent by changeId,
 * versionId and content), and {@link dev.policywatch.diff.history.HistoryController} serves it: documents,
 * versions and their provisions, the diff of any two versions, filtered and paged changes, and an Atom feed.
 */
package dev.policywatch.diff.history;
