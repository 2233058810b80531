/**
 * Segmentation: cuts a document's blocks into provisions (the article-level units that changes are
 * reported for) and structure (title, preamble, chapter and group headings). {@link
 * dev.policywatch.engine.segment.Segmenter} is the front door; {@link
 * dev.policywatch.engine.segment.Segmentation}, {@link dev.policywatch.engine.segment.Provision} and
 * {@link dev.policywatch.engine.segment.StructureUnit} are plain records that serialise to JSON.
 * Behind the front door, one class per numbering scheme ({@code ChineseArticles},
 * {@code IdentifierHeadings}, {@code EnglishUnits}, {@code DecimalSections}, {@code NumberedPoints},
 * {@code LeafHeadings}) reads the document, {@code Chains} finds the increasing sequence its labels
 * form, and {@code Assembler} turns the winning reading into provisions and structure.
 * Nothing here compares versions; that is {@code align} and {@code diff}.
 */
package dev.policywatch.engine.segment;
