package dev.policywatch.crawler.state;

import dev.policywatch.crawler.fetch.Validators;
import dev.policywatch.events.Origin;
import java.net.URI;
import java.util.List;

/**
 * What the crawler remembers of one document or one index between crawls (and across restarts).
 * Immutable; the {@code with…} methods return changed copies.
 *
 * @param etag         the last kept {@code ETag} (sent back as If-None-Match), or null
 * @param lastModified the last kept {@code Last-Modified} (sent back as If-Modified-Since), or null
 * @param goneCount    consecutive 404/410 answers of a document
 * @param origin       the origin a document got when it was first seen (a link on a listing's first
 *                     crawl is {@code BACKFILL} even if it could only be fetched later), or null
 * @param links        an index's links as last extracted (re-checked when the index answers 304)
 */
public record CrawlMemory(String etag, String lastModified, int goneCount, Origin origin, List<URI> links) {

    /** Nothing known yet. */
    public static final CrawlMemory NONE = new CrawlMemory(null, null, 0, null, List.of());

    public CrawlMemory {
        if (goneCount < 0) {
            throw new IllegalArgumentException("goneCount must be >= 0, was " + goneCount);
        }
        etag = etag == null || etag.isBlank() ? null : etag;
        lastModified = lastModified == null || lastModified.isBlank() ? null : lastModified;
        links = links == null ? List.of() : List.copyOf(links);
    }

    /** The validators to send with the next fetch. */
    public Validators validators() {
        return new Validators(etag, lastModified);
    }

    public CrawlMemory withValidators(Validators v) {
        Validators kept = v == null ? Validators.NONE : v;
        return new CrawlMemory(kept.etag(), kept.lastModified(), goneCount, origin, links);
    }

    public CrawlMemory withGoneCount(int count) {
        return new CrawlMemory(etag, lastModified, count, origin, links);
    }

    /** Sets the origin if none was given yet: the first one stays. */
    public CrawlMemory withFirstOrigin(Origin o) {
        return origin != null || o == null ? this : new CrawlMemory(etag, lastModified, goneCount, o, links);
    }

    public CrawlMemory withLinks(List<URI> newLinks) {
        return new CrawlMemory(etag, lastModified, goneCount, origin, newLinks);
    }
}
