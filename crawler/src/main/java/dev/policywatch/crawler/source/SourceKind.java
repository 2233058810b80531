package dev.policywatch.crawler.source;

import java.util.Locale;

/** What a source's URL is (CONTRACT §5). */
public enum SourceKind {
    /** One document: an HTML page or a PDF. */
    PAGE,
    /** An HTML page whose links (CSS selector {@code links}) are the documents. */
    LISTING,
    /** An RSS or Atom feed whose item links are the documents. */
    FEED,
    /** A JSON index whose URLs (JSONPath {@code links}) are the documents. */
    JSON;

    /** The kind for its name in the sources file ({@code page}, {@code listing}, ...), or null. */
    public static SourceKind of(String name) {
        if (name == null) {
            return null;
        }
        for (SourceKind k : values()) {
            if (k.name().equalsIgnoreCase(name.trim())) {
                return k;
            }
        }
        return null;
    }

    /** The name as written in the sources file. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the source's URL is an index of documents rather than a document. */
    public boolean isIndex() {
        return this != PAGE;
    }
}
