package dev.policywatch.api.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.policywatch.events.Predecessor;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The answer of {@code GET /api/documents/{documentId}} (docs/lineage.md): the document as the list
 * gives it, the earlier document it replaces and the documents that replace it.
 *
 * @param document    the document's fields, as {@code GET /api/documents} gives them (written inline)
 * @param predecessor the earlier document it replaces (from its first change), or null
 * @param successors  the documents that replace it
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DocumentDetail(@JsonUnwrapped DocumentSummary document, @Nullable PredecessorLink predecessor,
        List<Successor> successors) {

    public DocumentDetail {
        Objects.requireNonNull(document, "document");
        successors = successors == null ? List.of() : List.copyOf(successors);
    }

    /**
     * The predecessor of a document with the change that compares the two (the document's first change).
     *
     * @param link     the predecessor as the change names it (written inline)
     * @param changeId the change that compares this document with it
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record PredecessorLink(@JsonUnwrapped Predecessor link, String changeId) {
    }

    /**
     * A document that replaces this one.
     *
     * @param documentId the successor's id
     * @param title      its title
     * @param url        its URL
     * @param versionId  its version that was linked (its first)
     * @param fetchedAt  when that version was fetched
     * @param similarity how alike the two texts are (0 to 1)
     * @param reason     why they were linked, in English prose (kept for the first readers)
     * @param changeId   the successor's change that compares the two
     * @param reasonCode why they were linked, as a code ({@link Predecessor.Basis}); null when unknown
     * @param identifier the identifier both carry ({@code RIN:3170-AA41}) when that is why
     * @param note       the administrator's note when an administrator set the link
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Successor(String documentId, @Nullable String title, @Nullable String url, String versionId,
            Instant fetchedAt, double similarity, String reason, String changeId,
            @Nullable Predecessor.Basis reasonCode, @Nullable String identifier, @Nullable String note) {
    }
}
