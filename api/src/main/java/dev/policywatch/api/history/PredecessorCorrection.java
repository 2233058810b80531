package dev.policywatch.api.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.policywatch.events.DocumentChange;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The answer of {@code PUT} and {@code DELETE /api/documents/{documentId}/predecessor}: 202
 * {@code corrected} with the recomputed first change (its {@code correction} names the change it
 * supersedes), on its way through the topology; or 200 {@code unchanged} with the current first change,
 * when the link already was as asked.
 *
 * @param status {@code corrected} or {@code unchanged}
 * @param change the recomputed first change, or the current one
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PredecessorCorrection(
        @Schema(allowableValues = {CORRECTED, UNCHANGED}, requiredMode = Schema.RequiredMode.REQUIRED)
        String status,
        DocumentChange change) {

    /** The status of a correction that was made. */
    public static final String CORRECTED = "corrected";
    /** The status when the link already was as asked. */
    public static final String UNCHANGED = "unchanged";

    /** A correction that was made: {@code change} supersedes the document's first change. */
    public static PredecessorCorrection corrected(DocumentChange change) {
        return new PredecessorCorrection(CORRECTED, change);
    }

    /** Nothing to do: {@code change} is the document's first change as it stands. */
    public static PredecessorCorrection unchanged(DocumentChange change) {
        return new PredecessorCorrection(UNCHANGED, change);
    }
}
