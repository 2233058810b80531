package dev.policywatch.crawler.source;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One entry of the sources file (CONTRACT §5), validated. A {@link SourceKind#PAGE} source is one
 * document whose documentId is the source id; an index source ({@code listing}, {@code feed},
 * {@code json}) yields one document per link. {@code content} and {@code exclude} apply to every
 * document of the source.
 *
 * @param id           URL-safe id without dots ({@code [A-Za-z0-9_~-]}): dots separate a listing's
 *                     documentIds from their source id
 * @param name         human name
 * @param url          the page, listing, feed or JSON index (trusted operator input)
 * @param publisher    the body that publishes it
 * @param jurisdiction e.g. CN, US, EU, INTL
 * @param kind         page | listing | feed | json
 * @param content      CSS selector of the main text, or null for the whole body
 * @param exclude      CSS selectors to drop
 * @param links        listing: CSS selector of document links; json: JSONPath of the URLs; else null
 * @param fragment     listing only, optional: JSONPath of an HTML fragment inside a JSON answer
 *                     (the jpaas listings of MIIT and SAMR); {@code links} then applies to that fragment
 * @param every        interval between fetches
 * @param maxDocuments documents followed per crawl of an index, or null for the global default
 * @param attachments  whether links to attached files (.pdf .doc .docx .wps .ofd) of the page, or of
 *                     each discovered document, are followed, each as a document of its own
 * @param maxAttachments attachments followed per document, or null for {@value #DEFAULT_MAX_ATTACHMENTS}
 * @param renderInBrowser {@code render: browser}: the page must be rendered by headless Chromium first
 *                     (not available in this version: such a source is reported, not crawled)
 */
public record Source(String id, String name, URI url, String publisher, String jurisdiction, SourceKind kind,
        String content, List<String> exclude, String links, String fragment, Duration every, Integer maxDocuments,
        boolean attachments, Integer maxAttachments, boolean renderInBrowser) {

    /** Attachments followed per document when the source does not say. */
    public static final int DEFAULT_MAX_ATTACHMENTS = 10;

    /** The most attachments a source may ask for per document. */
    public static final int MAX_MAX_ATTACHMENTS = 100;

    /** A source id: like a documentId but without dots. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9_~-]{1,100}");

    public Source {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("source id must match " + ID.pattern() + ", was " + id);
        }
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(every, "every");
        name = name == null || name.isBlank() ? id : name;
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("every must be positive for source " + id);
        }
        if ((kind == SourceKind.LISTING || kind == SourceKind.JSON) && (links == null || links.isBlank())) {
            throw new IllegalArgumentException("a " + kind.label() + " source needs links (source " + id + ")");
        }
        if (maxAttachments != null && (maxAttachments < 1 || maxAttachments > MAX_MAX_ATTACHMENTS)) {
            throw new IllegalArgumentException("max-attachments must be 1.." + MAX_MAX_ATTACHMENTS + " (source " + id
                    + "), was " + maxAttachments);
        }
    }

    /** A source that follows attachments with the default limit. */
    public Source(String id, String name, URI url, String publisher, String jurisdiction, SourceKind kind,
            String content, List<String> exclude, String links, String fragment, Duration every, Integer maxDocuments) {
        this(id, name, url, publisher, jurisdiction, kind, content, exclude, links, fragment, every, maxDocuments,
                true, null, false);
    }

    /** Attachments to follow per document: 0 when the source does not follow them. */
    public int attachmentLimit() {
        return !attachments ? 0 : maxAttachments == null ? DEFAULT_MAX_ATTACHMENTS : maxAttachments;
    }

    /** The host of the source URL, lower case. */
    public String host() {
        return url.getHost() == null ? "" : url.getHost().toLowerCase(java.util.Locale.ROOT);
    }
}
