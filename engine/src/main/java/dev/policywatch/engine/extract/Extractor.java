package dev.policywatch.engine.extract;

import java.util.Locale;

/**
 * The front door of extraction: tells the format by the bytes themselves first (PDF, Word binary,
 * OOXML and OFD containers, recognised unsupported formats), then for text-like bytes by the
 * content type, then by the URL's file extension, then by sniffing the text; and hands the bytes
 * to {@link JsoupExtractor}, {@link PdfBoxExtractor}, {@link MarkdownExtractor},
 * {@link PlainTextExtractor}, {@link PoiDocxExtractor}, {@link PoiDocExtractor} or {@link OfdExtractor}.
 * A {@code .wps} file is whichever Word format it really is; a "{@code .doc}" that is really a web
 * page is read as HTML. An unsupported format is an {@link UnsupportedFormatException}.
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
    private final PoiDocxExtractor docx = new PoiDocxExtractor();
    private final PoiDocExtractor doc = new PoiDocExtractor();
    private final OfdExtractor ofd = new OfdExtractor();

    /**
     * The formats this extractor tells apart. {@code DOC} is any OLE2 compound file (Word 97–2003 and
     * binary {@code .wps}; other OLE2 files are refused when read); {@code UNSUPPORTED} is a format
     * recognised and not read, or an office extension on bytes that are no office file.
     */
    public enum Format { HTML, PDF, MARKDOWN, TEXT, DOCX, DOC, OFD, UNSUPPORTED }

    /**
     * Extracts the text of a document.
     *
     * @param bytes       the document as fetched or read
     * @param contentType the HTTP content type, possibly with a charset; may be null
     * @param url         where the bytes came from (its extension helps when the type is missing); may be null
     * @param options     content and exclude selectors (HTML only)
     * @throws ExtractionException when the bytes cannot be read as a document (see its Javadoc);
     *         {@link UnsupportedFormatException} when they are a format policywatch does not read
     */
    public ExtractedDocument extract(byte[] bytes, String contentType, String url, ExtractOptions options) {
        if (bytes == null) {
            throw new IllegalArgumentException("bytes must not be null");
        }
        if (bytes.length > MAX_BYTES) {
            throw new ExtractionException("document too large: " + bytes.length + " bytes (limit " + MAX_BYTES + ")");
        }
        ExtractOptions opts = options == null ? ExtractOptions.NONE : options;
        Sniffer.Sniffed sniffed = Sniffer.sniff(bytes);
        Format format = sniffed != null ? sniffed.format() : formatOfText(bytes, contentType, url);
        if (format == null) {
            format = claimedContainer(contentType, url);
            if (format == null) {
                throw new ExtractionException("not a readable document: " + sniffed.detail());
            }
        }
        return switch (format) {
            case HTML -> html.extract(bytes, contentType, opts);
            case PDF -> pdf.extract(bytes);
            case MARKDOWN -> markdown.extract(bytes, contentType);
            case TEXT -> text.extract(bytes, contentType);
            case DOCX -> docx.extract(bytes);
            case DOC -> doc.extract(bytes);
            case OFD -> ofd.extract(bytes);
            case UNSUPPORTED -> throw new UnsupportedFormatException(sniffed != null ? sniffed.detail()
                    : "the name or type says " + officeName(contentType, url) + " but the bytes are no such file");
        };
    }

    /**
     * Which format the bytes are: by their content where it proves a format (magic numbers, zip
     * entries), else by content type, then URL extension, then by sniffing the text. The one place
     * policywatch decides a format; cheap (header bytes, or a zip's central directory).
     */
    public static Format formatOf(byte[] bytes, String contentType, String url) {
        Sniffer.Sniffed sniffed = Sniffer.sniff(bytes);
        if (sniffed == null) {
            return formatOfText(bytes, contentType, url);
        }
        if (sniffed.format() == null) {
            Format claimed = claimedContainer(contentType, url);
            return claimed == null ? Format.UNSUPPORTED : claimed;
        }
        return sniffed.format();
    }

    /** DOCX or OFD when the type or name says so (to report a broken container as such), else null. */
    private static Format claimedContainer(String contentType, String url) {
        Format byType = byContentType(contentType);
        Format claimed = byType != null ? byType : byExtension(url);
        return claimed == Format.DOCX || claimed == Format.OFD ? claimed : null;
    }

    /** Bytes without a binary signature: HTML, Markdown or text, unless the name insists on an office format. */
    private static Format formatOfText(byte[] bytes, String contentType, String url) {
        Format byType = byContentType(contentType);
        Format claimed = byType != null ? byType : byExtension(url);
        if (claimed == Format.DOCX || claimed == Format.DOC || claimed == Format.OFD) {
            // many ".doc" attachments are web pages saved under a Word name; anything else is no office file
            return Sniffer.looksLikeHtml(bytes) ? Format.HTML : Format.UNSUPPORTED;
        }
        if (claimed != null) {
            return claimed;
        }
        return Sniffer.looksLikeHtml(bytes) ? Format.HTML : Format.TEXT;
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
        if (path.endsWith(".docx")) {
            return Format.DOCX;
        }
        if (path.endsWith(".doc") || path.endsWith(".wps")) {
            return Format.DOC;
        }
        if (path.endsWith(".ofd")) {
            return Format.OFD;
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
        if (t.contains("wordprocessingml")) {
            return Format.DOCX;
        }
        if (t.contains("msword") || t.contains("ms-works") || t.contains("wps")) {
            return Format.DOC;
        }
        if (t.contains("ofd")) {
            return Format.OFD;
        }
        return null;
    }

    private static String officeName(String contentType, String url) {
        return byContentType(contentType) != null ? contentType : url;
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : (j < 0 ? i : Math.min(i, j));
    }
}
