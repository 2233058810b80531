package dev.policywatch.api.sources;

/**
 * The answer of {@code POST /api/sources/crawl} (202): a crawl of every source is requested; they run in
 * the background.
 *
 * @param sources how many sources a crawl was requested for
 * @param status  {@code requested}
 */
public record AllCrawlsRequested(int sources, String status) {

    /** The answer for {@code sources} sources. */
    public static AllCrawlsRequested of(int sources) {
        return new AllCrawlsRequested(sources, "requested");
    }
}
