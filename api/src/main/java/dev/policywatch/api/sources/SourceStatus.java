package dev.policywatch.api.sources;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A source and how its crawling goes (CONTRACT §4, {@code GET /api/sources}). Null fields are left out
 * (never fetched yet, no error).
 *
 * @param id                     source id
 * @param name                   source name
 * @param kind                   page | listing | feed | json
 * @param url                    the configured URL
 * @param publisher              publishing body
 * @param jurisdiction           jurisdiction
 * @param every                  ISO-8601 interval between crawls
 * @param lastFetchAt            when the last crawl started
 * @param lastStatus             HTTP status of the source URL at the last crawl (0: no answer)
 * @param lastOutcome            what the last crawl came to, one word of the crawler's vocabulary (PUBLISHED,
 *                               NOT_MODIFIED, UNCHANGED, HELD_BACK, HTTP_ERROR…; docs/crawler.md)
 * @param lastChangeAt           when a snapshot of this source was last published
 * @param nextFetchAt            when the next scheduled crawl is due
 * @param lastError              the last error, when the last crawl had one
 * @param lastErrorAt            when it happened
 * @param broken                 whether the drift guard holds back content of this source
 * @param brokenReason           why
 * @param documents              documents known for this source (published at least once)
 * @param publishFailures        snapshots of this source that could not be published (since start)
 * @param running                whether a crawl is running now
 * @param lastOutcomeDescription {@code lastOutcome} for people ("held back: the page looks broken")
 * @param lastErrorKind          what kind of failure {@code lastError} is, one word of the same vocabulary as
 *                               {@code lastOutcome} (HTTP_ERROR, TIMEOUT, ROBOTS_DISALLOWED, RENDER_ERROR…), so a
 *                               page can name it in its reader's language; {@code lastError} stays as it was said
 * @param brokenReasonKind       what {@code brokenReason} is about, as a code: SELECTOR_MATCHED_NOTHING, TEXT_SHRANK,
 *                               NO_DOCUMENT_LINKS (the drift guard's suspicions) or UNSUPPORTED_FORMAT (an attachment
 *                               skipped); null when there is no reason or no code for it
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "SourceStatus")
public record SourceStatus(String id, @Nullable String name, @Nullable String kind, @Nullable String url,
        @Nullable String publisher, @Nullable String jurisdiction, @Nullable String every,
        @Nullable Instant lastFetchAt, @Nullable Integer lastStatus, @Nullable String lastOutcome,
        @Nullable Instant lastChangeAt, @Nullable Instant nextFetchAt, @Nullable String lastError,
        @Nullable Instant lastErrorAt, boolean broken, @Nullable String brokenReason, long documents,
        long publishFailures, boolean running, @Nullable String lastOutcomeDescription,
        @Nullable String lastErrorKind, @Nullable String brokenReasonKind) {

    public SourceStatus {
        Objects.requireNonNull(id, "source id");
    }

    /** The name to show: the source's name, else its id. */
    public String displayName() {
        return name == null || name.isBlank() ? id : name;
    }

    /** The name to sort by. */
    public String sortName() {
        return displayName().toLowerCase(Locale.ROOT);
    }
}
