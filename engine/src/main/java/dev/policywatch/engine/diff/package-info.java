/**
 * Diff: classifies aligned provisions as ADDED, REMOVED, MODIFIED or RENUMBERED, computes the
 * inline word (CJK: character) diff of modified ones, and compares the structure (title,
 * preamble, chapter headings). {@link dev.policywatch.engine.diff.DocumentDiff#between} is the entry
 * point and returns a {@link dev.policywatch.engine.diff.DiffResult}.
 */
package dev.policywatch.engine.diff;
