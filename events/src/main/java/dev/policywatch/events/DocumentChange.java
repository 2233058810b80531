package dev.policywatch.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One new version of a document and what changed in it (CONTRACT §2), written by diff-service to
 * {@link Topics#CHANGES} keyed by {@code documentId}. {@code changes} holds provisions only; title,
 * preamble and chapter-heading changes are in {@code structureChanges}. {@code fromVersion} is null for
 * {@link ChangeKind#BASELINE} and {@link ChangeKind#NEW_DOCUMENT}.
 *
 * <p>A change always fits on its topic: when the provision changes of a huge edit would not,
 * diff-service keeps the first ones that fit, sets {@code truncated} and puts in {@code fullDiff} the
 * path of the history API that computes the whole diff ({@code /api/documents/{id}/diff?from=&to=}).
 * {@code summary} always counts every provision change, listed or not.
 *
 * <p>Lineage (docs/lineage.md): a {@code NEW_DOCUMENT} (or {@code BASELINE}) that replaces an earlier
 * document has a {@code predecessor}, and its {@code changes} are diffed from the predecessor's last
 * version; {@code statusChange} is set when a draft became final (a title that lost its draft marker,
 * or the final text of a linked draft). Both are null otherwise. {@code correction} is set on a change
 * recomputed because an administrator set or cleared the predecessor ({@link Correction}); null otherwise.
 * {@code supersededBy} is never on a topic: the history sets it, when serving a change that a correction
 * superseded, to the correcting change's id.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DocumentChange(
        int schemaVersion,
        String changeId,
        String documentId,
        String sourceId,
        @Nullable String sourceName,
        @Nullable String url,
        @Nullable String title,
        @Nullable String publisher,
        @Nullable String jurisdiction,
        @Nullable String language,
        ChangeKind kind,
        @Nullable VersionRef fromVersion,
        VersionRef toVersion,
        Instant detectedAt,
        List<ProvisionChange> changes,
        List<ProvisionChange> structureChanges,
        ChangeSummary summary,
        Boolean truncated,
        @Nullable String fullDiff,
        @Nullable Predecessor predecessor,
        @Nullable StatusChange statusChange,
        @Nullable Correction correction,
        @Nullable String supersededBy) {

    /** 2 added what a change means (significance, facts, note; summary substantive, editorial, headline). */
    public static final int SCHEMA_VERSION = 2;

    /** A change that lists all its provision changes (not truncated). */
    public DocumentChange(int schemaVersion, String changeId, String documentId, String sourceId, String sourceName,
            String url, String title, String publisher, String jurisdiction, String language, ChangeKind kind,
            VersionRef fromVersion, VersionRef toVersion, Instant detectedAt, List<ProvisionChange> changes,
            List<ProvisionChange> structureChanges, ChangeSummary summary) {
        this(schemaVersion, changeId, documentId, sourceId, sourceName, url, title, publisher, jurisdiction, language,
                kind, fromVersion, toVersion, detectedAt, changes, structureChanges, summary, false, null, null, null);
    }

    /** A change that lists all its provision changes, with its lineage (either may be null). */
    public DocumentChange(int schemaVersion, String changeId, String documentId, String sourceId, String sourceName,
            String url, String title, String publisher, String jurisdiction, String language, ChangeKind kind,
            VersionRef fromVersion, VersionRef toVersion, Instant detectedAt, List<ProvisionChange> changes,
            List<ProvisionChange> structureChanges, ChangeSummary summary, Predecessor predecessor,
            StatusChange statusChange) {
        this(schemaVersion, changeId, documentId, sourceId, sourceName, url, title, publisher, jurisdiction, language,
                kind, fromVersion, toVersion, detectedAt, changes, structureChanges, summary, false, null, predecessor,
                statusChange);
    }

    /** A change as diff-service writes it (never {@code supersededBy}). */
    public DocumentChange(int schemaVersion, String changeId, String documentId, String sourceId, String sourceName,
            String url, String title, String publisher, String jurisdiction, String language, ChangeKind kind,
            VersionRef fromVersion, VersionRef toVersion, Instant detectedAt, List<ProvisionChange> changes,
            List<ProvisionChange> structureChanges, ChangeSummary summary, Boolean truncated, String fullDiff,
            Predecessor predecessor, StatusChange statusChange, Correction correction) {
        this(schemaVersion, changeId, documentId, sourceId, sourceName, url, title, publisher, jurisdiction, language,
                kind, fromVersion, toVersion, detectedAt, changes, structureChanges, summary, truncated, fullDiff,
                predecessor, statusChange, correction, null);
    }

    /** A change as written before corrections existed: no {@code correction}. */
    public DocumentChange(int schemaVersion, String changeId, String documentId, String sourceId, String sourceName,
            String url, String title, String publisher, String jurisdiction, String language, ChangeKind kind,
            VersionRef fromVersion, VersionRef toVersion, Instant detectedAt, List<ProvisionChange> changes,
            List<ProvisionChange> structureChanges, ChangeSummary summary, Boolean truncated, String fullDiff,
            Predecessor predecessor, StatusChange statusChange) {
        this(schemaVersion, changeId, documentId, sourceId, sourceName, url, title, publisher, jurisdiction, language,
                kind, fromVersion, toVersion, detectedAt, changes, structureChanges, summary, truncated, fullDiff,
                predecessor, statusChange, null);
    }

    /**
     * This change recomputed by an administrator's correction: id {@code changeId}, detected at
     * {@code detectedAt}, carrying {@code correction}; everything else as given.
     */
    public DocumentChange corrected(String newChangeId, Instant newDetectedAt, Correction newCorrection) {
        return new DocumentChange(schemaVersion, newChangeId, documentId, sourceId, sourceName, url, title, publisher,
                jurisdiction, language, kind, fromVersion, toVersion, newDetectedAt, changes, structureChanges, summary,
                truncated, fullDiff, predecessor, statusChange, newCorrection, null);
    }

    public DocumentChange {
        if (schemaVersion <= 0) {
            schemaVersion = SCHEMA_VERSION;
        }
        Objects.requireNonNull(changeId, "changeId");
        Ids.requireDocumentId(documentId);
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(toVersion, "toVersion");
        Objects.requireNonNull(detectedAt, "detectedAt");
        changes = changes == null ? List.of() : List.copyOf(changes);
        structureChanges = structureChanges == null ? List.of() : List.copyOf(structureChanges);
        summary = summary == null ? ChangeSummary.of(changes, 0) : summary;
        if ((kind == ChangeKind.BASELINE || kind == ChangeKind.NEW_DOCUMENT) && fromVersion != null) {
            throw new IllegalArgumentException(kind + " has no fromVersion (documentId " + documentId + ")");
        }
        if (kind == ChangeKind.UPDATED && fromVersion == null) {
            throw new IllegalArgumentException("UPDATED needs a fromVersion (documentId " + documentId + ")");
        }
        // events written before the field existed have none: they list every change
        truncated = Boolean.TRUE.equals(truncated);
        if (!truncated) {
            fullDiff = null;
        }
    }

    /**
     * This change listing only {@code keptChanges} and {@code keptStructure} of its provision changes;
     * the summary still counts them all.
     */
    public DocumentChange truncatedTo(List<ProvisionChange> keptChanges, List<ProvisionChange> keptStructure) {
        String path = fromVersion == null ? "/api/documents/" + documentId + "/versions/" + toVersion.versionId()
                : "/api/documents/" + documentId + "/diff?from=" + fromVersion.versionId() + "&to="
                        + toVersion.versionId();
        return new DocumentChange(schemaVersion, changeId, documentId, sourceId, sourceName, url, title, publisher,
                jurisdiction, language, kind, fromVersion, toVersion, detectedAt, keptChanges, keptStructure, summary,
                true, path, predecessor, statusChange, correction, supersededBy);
    }

    /**
     * An update whose every provision change is editorial (CONTRACT §2) and whose title, preamble and
     * headings did not change: what a {@code SUBSTANTIVE} filter leaves out. A change whose meaning is
     * unknown (written before schema 2) is not editorial only, so nothing is hidden by mistake.
     */
    public boolean editorialOnly() {
        return kind == ChangeKind.UPDATED && !changes.isEmpty() && structureChanges.isEmpty()
                && changes.stream().allMatch(ProvisionChange::editorial);
    }

    /** The fact kinds carried by at least one provision change, on either side. */
    public java.util.Set<FactKind> factKinds() {
        java.util.Set<FactKind> kinds = java.util.EnumSet.noneOf(FactKind.class);
        for (ProvisionChange c : changes) {
            for (Fact f : c.facts()) {
                kinds.add(f.kind());
            }
        }
        return kinds;
    }

    /** Whether subscribers are told about this change (a BASELINE only goes to the history). */
    public boolean alertable() {
        return kind != ChangeKind.BASELINE;
    }
}
