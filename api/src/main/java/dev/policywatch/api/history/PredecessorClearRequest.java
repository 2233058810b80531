package dev.policywatch.api.history;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

/**
 * The optional body of {@code DELETE /api/documents/{documentId}/predecessor} (admin): why the link is
 * cleared.
 *
 * @param note why, kept with the correction (as in {@link PredecessorRequest}; absent: none)
 */
@Introspected
@Schema(name = "PredecessorClearRequest", example = "{\"note\": \"not the same rule\"}")
public record PredecessorClearRequest(
        @Nullable @Size(max = PredecessorRequest.MAX_NOTE,
                message = "must be at most " + PredecessorRequest.MAX_NOTE + " characters")
        @Schema(maxLength = PredecessorRequest.MAX_NOTE) String note) {

    /** No body: no note. */
    public static final PredecessorClearRequest NONE = new PredecessorClearRequest(null);

    public PredecessorClearRequest {
        note = PredecessorRequest.cleanNote(note);
    }
}
