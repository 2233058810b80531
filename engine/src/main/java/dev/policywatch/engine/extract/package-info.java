/**
 * Extraction: turns the bytes of a fetched document (HTML, PDF, Markdown, plain text) into ordered
 * {@link dev.policywatch.events.Block blocks} of normalised text. {@link dev.policywatch.engine.extract.Extractor}
 * is the front door; the format adapters ({@code JsoupExtractor}, {@code PdfBoxExtractor},
 * {@code MarkdownExtractor}, {@code PlainTextExtractor}) do one format each. No network, no files:
 * callers pass bytes. The crawler and the {@code diff} command both use it.
 */
package dev.policywatch.engine.extract;
