package dev.policywatch.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.Objects;

/**
 * The earlier document a document replaces (CONTRACT §2 "Lineage"), typically its draft for comment
 * at another URL: which document and version the first change was compared with, how well their
 * provisions align ({@code similarity}, 0..1) and why they were linked ({@code reason}, for people:
 * "same RIN 3170-AA41; provisions align 64 %", or "set by an administrator"). {@code title},
 * {@code url} and {@code fetchedAt} describe that version, so alerts and pages can name the draft
 * ("the draft of 2023-04-11") without another lookup; they may be null in events written by hand.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Predecessor(String documentId, String versionId, double similarity, String reason, @Nullable String title,
        @Nullable String url, @Nullable Instant fetchedAt) {

    public Predecessor {
        Ids.requireDocumentId(documentId);
        Objects.requireNonNull(versionId, "versionId");
        if (Double.isNaN(similarity) || similarity < 0 || similarity > 1) {
            throw new IllegalArgumentException("similarity must be in [0,1], was " + similarity);
        }
        reason = reason == null ? "" : reason;
    }
}
