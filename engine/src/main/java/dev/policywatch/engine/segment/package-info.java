/**
 * Segmentation: cuts a document's blocks into provisions (the article-level units that changes are
 * reported for) and structure (title, preamble, chapter and group headings). {@link
 * dev.policywatch.engine.segment.Segmenter} is the front door; {@link
 * dev.policywatch.engine.segment.Segmentation}, {@link dev.policywatch.engine.segment.Provision} and
 * {@link dev.policywatch.engine.segment.StructureUnit} are plain records that serialise to JSON.
 * Nothing here compares versions; that is {@code align} and {@code diff}.
 */
package dev.policywatch.engine.segment;
