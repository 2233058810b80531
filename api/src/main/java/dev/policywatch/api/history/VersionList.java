package dev.policywatch.api.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.policywatch.events.ChangeKind;
import dev.policywatch.events.ChangeSummary;
import dev.policywatch.events.VersionRef;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * The answer of {@code GET /api/documents/{documentId}/versions}: a document's versions, newest first.
 *
 * @param documentId the document
 * @param items      its versions, newest first
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
     * @param summary  that change's counts per change type, or null when the change is not in the history
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Item(@JsonUnwrapped VersionRef version, String changeId, ChangeKind kind,
            @Nullable ChangeSummary summary) {
    }
}
