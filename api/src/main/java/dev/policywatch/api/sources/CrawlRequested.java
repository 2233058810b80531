package dev.policywatch.api.sources;

/**
 * The answer of {@code POST /api/sources/{sourceId}/crawl} (202): the crawl is requested and runs in the
 * background.
 *
 * @param sourceId the source
 * @param status   {@code requested}
 */
public record CrawlRequested(String sourceId, String status) {

    /** The answer for a source. */
    public static CrawlRequested of(String sourceId) {
        return new CrawlRequested(sourceId, "requested");
    }
}
