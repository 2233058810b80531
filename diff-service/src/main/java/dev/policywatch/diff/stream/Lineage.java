package dev.policywatch.diff.stream;

import dev.policywatch.diff.DocumentComparer;
import dev.policywatch.engine.diff.TitleDiff;
import dev.policywatch.events.Block;
import dev.policywatch.events.ChangeKind;
import dev.policywatch.events.ChangeSummary;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.Predecessor;
import dev.policywatch.events.StatusChange;
import dev.policywatch.engine.lineage.DraftMarkers;
import java.util.List;

/**
 * A document's first change rewritten with its predecessor (CONTRACT §2 "Lineage"): a
 * {@code NEW_DOCUMENT} lists its provision changes from the predecessor's version and its title change;
 * a {@code BASELINE} keeps no changes (it is never alerted) but names the predecessor. Used by the
 * topology and by the administrators' correction endpoint, so both compute the same change. Pure.
 */
public final class Lineage {

    private Lineage() {
    }

    /** {@code change} with {@code predecessor}, diffed from {@code predecessorBlocks} when NEW_DOCUMENT. */
    public static DocumentChange withPredecessor(DocumentChange change, Predecessor predecessor,
            List<Block> predecessorBlocks, List<Block> blocks, DocumentComparer comparer, ChangeBudget budget) {
        DocumentComparer.Comparison comparison = change.kind() == ChangeKind.NEW_DOCUMENT
                ? comparer.compare(predecessorBlocks, blocks) : null;
        return budget.fit(new DocumentChange(change.schemaVersion(), change.changeId(), change.documentId(),
                change.sourceId(), change.sourceName(), change.url(), change.title(), change.publisher(),
                change.jurisdiction(), change.language(), change.kind(), null, change.toVersion(), change.detectedAt(),
                comparison == null ? List.of() : comparison.changes(),
                comparison == null ? List.of()
                        : TitleDiff.withTitle(comparison.structureChanges(), predecessor.title(), change.title()),
                headed(comparison == null ? change.summary() : comparison.summary(), statusOf(predecessor, change)),
                predecessor, statusOf(predecessor, change)));
    }

    /**
     * {@code summary} whose headline leads with "draft became final" when the status changed: that
     * headline takes precedence, the engine's (what changed, substantive first) follows it.
     */
    static ChangeSummary headed(ChangeSummary summary, StatusChange status) {
        if (status == null) {
            return summary;
        }
        String rest = summary.headline();
        boolean zh = status.headline().startsWith("草案");
        String headline = rest == null || rest.isBlank() ? status.headline()
                : status.headline() + (zh ? "；" : "; ") + rest;
        return new ChangeSummary(summary.added(), summary.removed(), summary.modified(), summary.renumbered(),
                summary.unchanged(), summary.substantive(), summary.editorial(), headline);
    }

    /** The status change of a final text replacing a draft: "draft became final", else null. */
    static StatusChange statusOf(Predecessor predecessor, DocumentChange change) {
        java.util.Optional<String> marker = DraftMarkers.marker(predecessor.title());
        if (marker.isEmpty() || DraftMarkers.isDraft(change.title())) {
            return null;
        }
        return new StatusChange(marker.get(), TitleDiff.headline(marker.get(), change.title(), change.language()));
    }

    /** {@code change} as it was before any predecessor: no predecessor, no changes (an admin's "clear"). */
    public static DocumentChange withoutPredecessor(DocumentChange change) {
        return new DocumentChange(change.schemaVersion(), change.changeId(), change.documentId(), change.sourceId(),
                change.sourceName(), change.url(), change.title(), change.publisher(), change.jurisdiction(),
                change.language(), change.kind(), null, change.toVersion(), change.detectedAt(), List.of(), List.of(),
                dev.policywatch.events.ChangeSummary.EMPTY, null, null);
    }
}
