package dev.policywatch.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.Objects;

/**
 * The earlier document a document replaces (CONTRACT §2 "Lineage"), typically its draft for comment
 * at another URL: which document and version the first change was compared with, how well their
 * provisions align ({@code similarity}, 0..1) and why they were linked: {@code reasonCode} (a
 * {@link Basis}) with its parameters {@code identifier} (the shared identifier, {@code RIN:3170-AA41})
 * and {@code note} (an administrator's note), so a page or an alert can say it in its reader's
 * language; {@code reason} is the same in English prose, kept for readers of the first versions
 * ("same RIN 3170-AA41; provisions align 64 %", "set by an administrator: …"). {@code title},
 * {@code url} and {@code fetchedAt} describe that version, so alerts and pages can name the draft
 * ("the draft of 2023-04-11") without another lookup; they may be null in events written by hand.
 *
 * <p>An event written before {@code reasonCode} existed gets it from its prose ({@link #basisOf}).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Predecessor(String documentId, String versionId, double similarity, String reason, @Nullable String title,
        @Nullable String url, @Nullable Instant fetchedAt, @Nullable Basis reasonCode, @Nullable String identifier,
        @Nullable String note) {

    /** Why a document was linked to its predecessor. */
    public enum Basis {
        /** Both carry the same identifier (a RIN, a docket, a standard's number): {@code identifier} says which. */
        SAME_IDENTIFIER,
        /** The same title once the draft markers (征求意见稿, Proposed Rule…) are taken off. */
        SAME_TITLE,
        /** An administrator set the link ({@code PUT /api/documents/{id}/predecessor}), with an optional {@code note}. */
        SET_BY_ADMINISTRATOR
    }

    private static final String ADMIN_PROSE = "set by an administrator";
    private static final String TITLE_PROSE = "same title without draft markers";
    private static final String ALIGN_PROSE = "; provisions align ";

    public Predecessor {
        Ids.requireDocumentId(documentId);
        Objects.requireNonNull(versionId, "versionId");
        if (Double.isNaN(similarity) || similarity < 0 || similarity > 1) {
            throw new IllegalArgumentException("similarity must be in [0,1], was " + similarity);
        }
        reason = reason == null ? "" : reason;
        if (reasonCode == null) {
            reasonCode = basisOf(reason);
            if (reasonCode == Basis.SAME_IDENTIFIER && identifier == null) {
                identifier = between(reason, "same ", ALIGN_PROSE).replaceFirst(" ", ":");
            } else if (reasonCode == Basis.SET_BY_ADMINISTRATOR && note == null && reason.startsWith(ADMIN_PROSE + ": ")) {
                note = between(reason, ADMIN_PROSE + ": ", ALIGN_PROSE);
            }
        }
        identifier = identifier == null || identifier.isBlank() ? null : identifier;
        note = note == null || note.isBlank() ? null : note;
    }

    /** The alignment as a whole percentage (0–100). */
    public int percent() {
        return (int) Math.round(similarity * 100);
    }

    /** The basis an English reason of the first event versions names; null for prose it does not know. */
    static Basis basisOf(String reason) {
        if (reason.startsWith(ADMIN_PROSE)) {
            return Basis.SET_BY_ADMINISTRATOR;
        }
        if (reason.startsWith(TITLE_PROSE)) {
            return Basis.SAME_TITLE;
        }
        return reason.startsWith("same ") && reason.contains(ALIGN_PROSE) ? Basis.SAME_IDENTIFIER : null;
    }

    private static String between(String text, String start, String end) {
        int to = text.lastIndexOf(end);
        return text.substring(start.length(), to < start.length() ? text.length() : to);
    }
}
