/**
 * Lineage: which earlier document a new one replaces (a draft for comment and its final text at
 * another URL), and whether a title lost its draft marker. Pure functions over titles and blocks:
 * {@link DraftMarkers} reads the status a title carries, {@link TitleChange} turns a title change into
 * a structure change and a headline, {@link PredecessorMatcher} picks a predecessor among candidates
 * (rule and thresholds in docs/lineage.md). No clock, no I/O; thread-safe.
 */
package dev.policywatch.engine.lineage;
