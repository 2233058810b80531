package dev.policywatch.crawler.state;

import dev.policywatch.crawler.fetch.Validators;
import dev.policywatch.events.Origin;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * What the crawler remembers of one document or one index between crawls (and across restarts).
 * Immutable; the {@code with…} methods return changed copies.
 *
 * @param etag         the last kept {@code ETag} (sent back as If-None-Match), or null
 * @param lastModified the last kept {@code Last-Modified} (sent back as If-Modified-Since), or null
 * @param goneCount    consecutive 404/410 answers of a document
 * @param origin       the origin a document got when it was first seen (a link on a listing's first
 *                     crawl is {@code BACKFILL} even if it could only be fetched later), or null
 * @param links        an index's links as last extracted (re-checked when the index answers 304); for a
 *                     document, the attachments it links to as last extracted (re-fetched when it answers 304)
 * @param linkTitles   a document's attachment titles (the link text) by URL; empty for an index
 */
public record CrawlMemory(String etag, String lastModified, int goneCount, Origin origin, List<URI> links,
        Map<String, String> linkTitles) {

    /** Nothing known yet. */
    public static final CrawlMemory NONE = new CrawlMemory(null, null, 0, null, List.of(), Map.of());

    public CrawlMemory {
        if (goneCount < 0) {
            throw new IllegalArgumentException("goneCount must be >= 0, was " + goneCount);
        }
        etag = etag == null || etag.isBlank() ? null : etag;
        lastModified = lastModified == null || lastModified.isBlank() ? null : lastModified;
        links = links == null ? List.of() : List.copyOf(links);
        linkTitles = linkTitles == null ? Map.of() : Map.copyOf(linkTitles);
    }

    /** A memory without attachment titles (an index, or state written before they existed). */
    public CrawlMemory(String etag, String lastModified, int goneCount, Origin origin, List<URI> links) {
        this(etag, lastModified, goneCount, origin, links, Map.of());
    }

    /** The validators to send with the next fetch. */
    public Validators validators() {
        return new Validators(etag, lastModified);
    }

    public CrawlMemory withValidators(Validators v) {
        Validators kept = v == null ? Validators.NONE : v;
        return new CrawlMemory(kept.etag(), kept.lastModified(), goneCount, origin, links, linkTitles);
    }

    public CrawlMemory withGoneCount(int count) {
        return new CrawlMemory(etag, lastModified, count, origin, links, linkTitles);
    }

    /** Sets the origin if none was given yet: the first one stays. */
    public CrawlMemory withFirstOrigin(Origin o) {
        return origin != null || o == null ? this : new CrawlMemory(etag, lastModified, goneCount, o, links, linkTitles);
    }

    public CrawlMemory withLinks(List<URI> newLinks) {
        return new CrawlMemory(etag, lastModified, goneCount, origin, newLinks, linkTitles);
    }

    /** A document's attachments: their URLs in order and their titles. */
    public CrawlMemory withAttachments(List<URI> urls, Map<String, String> titles) {
        return new CrawlMemory(etag, lastModified, goneCount, origin, urls, titles);
    }
}
