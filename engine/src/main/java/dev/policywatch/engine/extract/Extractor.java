package dev.policywatch.engine.extract;

import java.util.Locale;

/**
 * The front door of extraction: picks the format from the content type, else the URL's file
 * extension, else the bytes themselves, and hands the bytes to {@link JsoupExtractor},
 * {@link PdfBoxExtractor}, {@link MarkdownExtractor} or {@link PlainTextExtractor}.
 *
 * <p>Usage: {@code new Extractor().extract(bytes, "text/html; charset=gbk", url, ExtractOptions.NONE)}.
 * Stateless and thread-safe. It does not fetch anything and does not segment the text into provisions.
 */
public final class Extractor {

    /** Input above this size is refused rather than risking the heap of a small service. */
    public static final int MAX_BYTES = 64 * 1024 * 1024;

    private final JsoupExtractor html = new JsoupExtractor();
    private final PdfBoxExtractor pdf = new PdfBoxExtractor();
    private final MarkdownExtractor markdown = new MarkdownExtractor();
    private final PlainTextExtractor text = new PlainTextExtractor();

    /** The formats this extractor reads. */
    public enum Format { HTML, PDF, MARKDOWN, TEXT }

    /**
     * Extracts the text of a document.
     *
     * @param bytes       the document as fetched or read
     * @param contentType the HTTP content type, possibly with a charset; may be null
     * @param url         where the bytes came from (its extension helps when the type is missing); may be null
     * @param options     content and exclude selectors (HTML only)
     * @throws ExtractionException when the bytes cannot be read as a document (see its Javadoc)
     */
    public ExtractedDocument extract(byte[] bytes, String contentType, String url, ExtractOptions options) {
        if (bytes == null) {
            throw new IllegalArgumentException("bytes must not be null");
        }
        if (bytes.length > MAX_BYTES) {
            throw new ExtractionException("document too large: " + bytes.length + " bytes (limit " + MAX_BYTES + ")");
        }
        ExtractOptions opts = options == null ? ExtractOptions.NONE : options;
        return switch (formatOf(bytes, contentType, url)) {
            case HTML -> html.extract(bytes, contentType, opts);
            case PDF -> pdf.extract(bytes);
            case MARKDOWN -> markdown.extract(bytes, contentType);
            case TEXT -> text.extract(bytes, contentType);
        };
    }

    /** Which format the bytes are, by content type, then URL extension, then content sniffing. */
    public static Format formatOf(byte[] bytes, String contentType, String url) {
        Format byType = byContentType(contentType);
        if (byType != null) {
            return byType;
        }
        Format byExtension = byExtension(url);
        if (byExtension != null) {
            return byExtension;
        }
        return sniff(bytes);
    }

    /** The format a file name or URL path names by its extension, or null when it names none we read. */
    public static Format byExtension(String url) {
        if (url == null) {
            return null;
        }
        String path = url.toLowerCase(Locale.ROOT);
        int cut = indexOfAny(path, '?', '#');
        if (cut >= 0) {
            path = path.substring(0, cut);
        }
        if (path.endsWith(".html") || path.endsWith(".htm") || path.endsWith(".shtml") || path.endsWith(".xhtml")) {
            return Format.HTML;
        }
        if (path.endsWith(".pdf")) {
            return Format.PDF;
        }
        if (path.endsWith(".md") || path.endsWith(".markdown")) {
            return Format.MARKDOWN;
        }
        if (path.endsWith(".txt") || path.endsWith(".text")) {
            return Format.TEXT;
        }
        return null;
    }

    private static Format byContentType(String contentType) {
        if (contentType == null) {
            return null;
        }
        String t = contentType.toLowerCase(Locale.ROOT);
        if (t.contains("html")) {
            return Format.HTML;
        }
        if (t.contains("pdf")) {
            return Format.PDF;
        }
        if (t.contains("markdown")) {
            return Format.MARKDOWN;
        }
        if (t.startsWith("text/plain")) {
            return Format.TEXT;
        }
        return null;
    }

    private static Format sniff(byte[] bytes) {
        if (bytes.length >= 5 && bytes[0] == '%' && bytes[1] == 'P' && bytes[2] == 'D' && bytes[3] == 'F') {
            return Format.PDF;
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 1024), java.nio.charset.StandardCharsets.ISO_8859_1)
                .stripLeading().toLowerCase(Locale.ROOT);
        if (head.startsWith("<!doctype html") || head.startsWith("<html") || head.contains("<body")
                || head.contains("<head")) {
            return Format.HTML;
        }
        return Format.TEXT;
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : (j < 0 ? i : Math.min(i, j));
    }
}
