package dev.policywatch.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.Objects;

/**
 * Why a change was recomputed (CONTRACT §2 "Lineage", docs/lineage.md "Correcting a link"): an
 * administrator set or cleared the document's predecessor. The corrected change is a new change of
 * the same kind and version as the first change it {@code supersedes} (a changeId); that change stays
 * in the history, marked {@code supersededBy}. {@code previousPredecessor} is the documentId the
 * superseded change named (null when it named none), {@code note} what the administrator wrote (may
 * be empty), {@code correctedAt} when the correction was asked for.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Correction(String supersedes, @Nullable String previousPredecessor, String note, Instant correctedAt) {

    public Correction {
        Objects.requireNonNull(supersedes, "supersedes");
        Objects.requireNonNull(correctedAt, "correctedAt");
        note = note == null ? "" : note;
    }
}
