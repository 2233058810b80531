package dev.policywatch.crawler.status;

import dev.policywatch.crawler.CrawlOutcome;
import java.time.Instant;

/**
 * A source and how its crawling goes (CONTRACT §4, {@code GET /api/sources}).
 *
 * @param id              source id
 * @param name            source name
 * @param kind            page | listing | feed | json
 * @param url             the configured URL
 * @param publisher       publishing body
 * @param jurisdiction    jurisdiction
 * @param every           ISO-8601 interval
 * @param lastFetchAt     when the last crawl started, or null
 * @param lastStatus      HTTP status of the source URL at the last crawl (0: no answer), or null
 * @param lastOutcome     what the last crawl came to (one of {@link CrawlOutcome}: PUBLISHED, NOT_MODIFIED, HELD_BACK…)
 * @param lastChangeAt    when a snapshot of this source was last published, or null
 * @param nextFetchAt     when the next scheduled crawl is due, or null
 * @param lastError       the last error, or null when the last crawl had none
 * @param lastErrorAt     when it happened
 * @param broken          whether the drift guard holds back content of this source
 * @param brokenReason    why
 * @param documents       documents known for this source (published at least once)
 * @param publishFailures snapshots of this source that could not be published (since start)
 * @param running         whether a crawl is running now
 * @param lastOutcomeDescription {@code lastOutcome} for people ("held back: the page looks broken")
 */
public record SourceStatus(String id, String name, String kind, String url, String publisher, String jurisdiction,
        String every, Instant lastFetchAt, Integer lastStatus, CrawlOutcome lastOutcome, Instant lastChangeAt,
        Instant nextFetchAt, String lastError, Instant lastErrorAt, boolean broken, String brokenReason,
        long documents, long publishFailures, boolean running, String lastOutcomeDescription) {
}
