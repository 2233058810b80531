package dev.policywatch.api.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.policywatch.events.ChangeKind;
import dev.policywatch.events.VersionRef;
import java.util.List;

/**
 * The answer of {@code GET /api/documents/{documentId}/versions}: a document's versions, oldest first.
 *
 * @param documentId the document
 * @param items      its versions, oldest first
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record VersionList(String documentId, List<Item> items) {

    public VersionList {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /**
     * One version with the change that introduced it.
     *
     * @param version  the version (written inline: versionId, fetchedAt, contentHash)
     * @param changeId the change that introduced it
     * @param kind     what that change was (BASELINE, NEW_DOCUMENT, UPDATED, REMOVED…)
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Item(@JsonUnwrapped VersionRef version, String changeId, ChangeKind kind) {
    }
}
