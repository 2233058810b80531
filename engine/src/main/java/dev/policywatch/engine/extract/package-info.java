/**
 * Extraction: turns the bytes of a fetched document (HTML, PDF, Markdown, plain text, Word
 * {@code .docx}/{@code .doc}/{@code .wps}, OFD) into ordered {@link dev.policywatch.events.Block blocks}
 * of normalised text. {@link dev.policywatch.engine.extract.Extractor} is the front door and the one
 * place a format is decided (by the bytes first); the format adapters ({@code JsoupExtractor},
 * {@code PdfBoxExtractor}, {@code MarkdownExtractor}, {@code PlainTextExtractor},
 * {@code PoiDocxExtractor}, {@code PoiDocExtractor}, {@code OfdExtractor}) do one format each.
 * {@code SafeZip} and {@code SecureXml} keep hostile containers (zip bombs, entity expansion, deep
 * nesting) within {@link dev.policywatch.engine.extract.ContainerLimits}. No network, no files:
 * callers pass bytes. The crawler and the {@code diff} command both use it.
 */
package dev.policywatch.engine.extract;
