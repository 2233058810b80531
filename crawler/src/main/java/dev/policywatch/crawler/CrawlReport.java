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
 * @param error      the first error, or null: what went wrong as it was said (a server's or a library's words)
 * @param warning    a drift warning (the source looks broken), or null
 * @param errorKind  what kind of failure {@code error} is (the outcome of the document that failed), so
 *                   people can be told in their language; null when there is no error
 * @param warningKind what {@code warning} is about, as a code: a {@link dev.policywatch.crawler.publish.DriftGuard.Suspicion}
 *                   or {@code UNSUPPORTED_FORMAT}; null when there is no warning or no code for it
 */
public record CrawlReport(String sourceId, CrawlOutcome outcome, int httpStatus, long millis, int documents, int published,
        String error, String warning, CrawlOutcome errorKind, String warningKind) {

    public CrawlReport {
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(outcome, "outcome");
        errorKind = error == null ? null : errorKind == null ? outcome : errorKind;
        warningKind = warning == null ? null : warningKind;
    }

    /** A report whose error, if any, is of the kind of its outcome. */
    public CrawlReport(String sourceId, CrawlOutcome outcome, int httpStatus, long millis, int documents, int published,
            String error, String warning) {
        this(sourceId, outcome, httpStatus, millis, documents, published, error, warning, outcome, null);
    }
}
