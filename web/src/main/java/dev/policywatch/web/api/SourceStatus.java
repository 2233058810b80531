package dev.policywatch.web.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A source and how crawling it goes, as {@code GET /api/sources} tells it. Anything but {@code id} may
 * be null (never fetched yet, or a field the crawler does not give).
 *
 * @param lastStatus   HTTP status of the last fetch (0: no answer), or null
 * @param lastOutcome  what the last crawl came to, one word of the crawler's vocabulary (PUBLISHED, HELD_BACK…)
 * @param broken       whether the crawler holds back this source's content (its page changed shape)
 * @param brokenReason why
 * @param lastOutcomeDescription the same for people ("held back: the page looks broken")
 */
public record SourceStatus(String id, String name, String kind, String url, String publisher, String jurisdiction,
        String every, Instant lastFetchAt, Integer lastStatus, String lastOutcome, Instant lastChangeAt,
        Instant nextFetchAt, String lastError, Instant lastErrorAt, Boolean broken, String brokenReason,
        Long documents, Boolean running, String lastOutcomeDescription) {

    public SourceStatus {
        Objects.requireNonNull(id, "source id");
        broken = Boolean.TRUE.equals(broken);
        running = Boolean.TRUE.equals(running);
    }

    /** The name to show: the source's name, else its id. */
    public String displayName() {
        return name == null || name.isBlank() ? id : name;
    }
}
