package dev.policywatch.api.history;

import dev.policywatch.events.Ids;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code PUT /api/documents/{documentId}/predecessor} (admin; docs/lineage.md "Correcting a
 * link"): the document to make the predecessor, and why.
 *
 * @param documentId the predecessor's documentId
 * @param note       why, kept with the correction (control characters read as spaces, trimmed; absent: none)
 */
@Introspected
@Schema(name = "PredecessorRequest", example = "{\"documentId\": \"cac-policies.0a1b2c3d4e5f\", "
        + "\"note\": \"the final text of the April draft\"}")
public record PredecessorRequest(
        @NotNull(message = "is required")
        @Pattern(regexp = Ids.DOCUMENT_ID_PATTERN, message = "must match " + Ids.DOCUMENT_ID_PATTERN)
        String documentId,
        @Nullable @Size(max = MAX_NOTE, message = "must be at most " + MAX_NOTE + " characters")
        @Schema(maxLength = MAX_NOTE) String note) {

    /** Longest note kept with a correction. */
    public static final int MAX_NOTE = 500;

    public PredecessorRequest {
        note = cleanNote(note);
    }

    /**
     * A note as kept: control characters (line breaks included) read as spaces, trimmed; null reads as empty.
     *
     * @param note the note as given, or null
     * @return the note as kept
     */
    static String cleanNote(@Nullable String note) {
        return note == null ? "" : note.replaceAll("\\p{Cntrl}", " ").strip();
    }
}
