package dev.policywatch.crawler;

import java.util.Objects;

/**
 * The result of crawling one source once, as logged and shown in its status.
 *
 * @param sourceId   the source
 * @param outcome    what the crawl came to
 * @param httpStatus the HTTP status of the source's URL, or 0 when none was received
 * @param millis     how long the crawl took
 * @param documents  documents looked at (1 for a page; the links followed for an index)
 * @param published  snapshots published
 * @param error      the first error, or null
 * @param warning    a drift warning (the source looks broken), or null
 */
public record CrawlReport(String sourceId, CrawlOutcome outcome, int httpStatus, long millis, int documents, int published,
        String error, String warning) {

    public CrawlReport {
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(outcome, "outcome");
    }
}
