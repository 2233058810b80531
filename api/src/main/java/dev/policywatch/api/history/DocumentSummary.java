package dev.policywatch.api.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.policywatch.events.ChangeKind;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.DocumentStatus;
import dev.policywatch.events.VersionRef;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A document of the history as {@code GET /api/documents} lists it: what its latest change says about
 * it, its latest version and how many changes it has.
 *
 * @param documentId     the document's id
 * @param sourceId       the source it was found on
 * @param sourceName     the source's name
 * @param title          the document's title
 * @param url            where it was fetched
 * @param publisher      the publishing body
 * @param jurisdiction   the jurisdiction
 * @param language       the language (BCP 47)
 * @param status         PRESENT, or GONE once its latest change is REMOVED
 * @param latestVersion  its latest version
 * @param latestChangeId the change that introduced it
 * @param changeCount    how many changes the history holds for it
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "DocumentSummary")
public record DocumentSummary(String documentId, String sourceId, @Nullable String sourceName, @Nullable String title,
        @Nullable String url, @Nullable String publisher, @Nullable String jurisdiction, @Nullable String language,
        DocumentStatus status, VersionRef latestVersion, String latestChangeId, long changeCount) {

    /** The summary of a document from its latest change. */
    public static DocumentSummary of(DocumentChange latest, long changeCount) {
        return new DocumentSummary(latest.documentId(), latest.sourceId(), latest.sourceName(), latest.title(),
                latest.url(), latest.publisher(), latest.jurisdiction(), latest.language(),
                latest.kind() == ChangeKind.REMOVED ? DocumentStatus.GONE : DocumentStatus.PRESENT,
                latest.toVersion(), latest.changeId(), changeCount);
    }
}
