package dev.policywatch.diff.stream;

import dev.policywatch.diff.DocumentComparer;
import dev.policywatch.events.Block;
import dev.policywatch.events.ChangeKind;
import dev.policywatch.events.ChangeSummary;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.DocumentStatus;
import dev.policywatch.events.Ids;
import dev.policywatch.events.Origin;
import dev.policywatch.events.StatusChange;
import dev.policywatch.engine.diff.TitleDiff;
import dev.policywatch.engine.lineage.DraftMarkers;
import dev.policywatch.events.PageSnapshot;
import dev.policywatch.events.VersionRef;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The pure core of the topology: given what is known of a document and a new snapshot of it, decides
 * whether there is a new version and, if so, the {@link DocumentChange} it makes (CONTRACT §2).
 * <ul>
 *   <li>same content hash and status as the stored version: nothing ({@link Skip.Reason#IDENTICAL});</li>
 *   <li>fetched before the stored version (arrived late): nothing ({@link Skip.Reason#LATE});</li>
 *   <li>first snapshot: {@code NEW_DOCUMENT} when DISCOVERED, else {@code BASELINE};</li>
 *   <li>a GONE snapshot: {@code REMOVED} (its provisions are not listed);</li>
 *   <li>a title that changed is a change even with the same text: its change is in
 *       {@code structureChanges}, and a title that lost its draft marker sets {@code statusChange}
 *       ("draft became final", {@link TitleDiff});</li>
 *   <li>otherwise {@code UPDATED} with the comparer's provision changes. A document that comes back
 *       after being gone is compared with the empty gone version: all its provisions are added.</li>
 * </ul>
 * Every change is bounded by a {@link ChangeBudget}. No clock, no Kafka: detectedAt is passed in. Thread-safe if the comparer is.
 */
public final class ChangeDetector {

    private final DocumentComparer comparer;
    private final ChangeBudget budget;

    public ChangeDetector(DocumentComparer comparer) {
        this(comparer, ChangeBudget.defaults());
    }

    /** {@code budget} bounds each change's size (a huge edit is truncated, see {@link ChangeBudget}). */
    public ChangeDetector(DocumentComparer comparer, ChangeBudget budget) {
        this.comparer = Objects.requireNonNull(comparer, "comparer");
        this.budget = Objects.requireNonNull(budget, "budget");
    }

    /** The outcome for one snapshot. */
    public sealed interface Decision permits Emit, Skip {
    }

    /** A new version: the change to publish, and the head and blocks to keep. */
    public record Emit(DocumentChange change, DocumentHead next, List<Block> blocks) implements Decision {
    }

    /** No new version. */
    public record Skip(Reason reason) implements Decision {

        /** Why nothing is published. */
        public enum Reason { IDENTICAL, LATE }
    }

    /**
     * Decides on {@code snapshot} given the stored {@code previous} head (null for a first snapshot).
     * {@code previousBlocks} is only called when the engine has to compare: most snapshots are
     * identical resends and never need the stored text.
     */
    public Decision decide(DocumentHead previous, Supplier<List<Block>> previousBlocks, PageSnapshot snapshot,
            Instant detectedAt) {
        if (previous != null) {
            if (snapshot.fetchedAt().isBefore(previous.version().fetchedAt())) {
                return new Skip(Skip.Reason.LATE);
            }
            if (snapshot.status() == previous.status()
                    && snapshot.contentHash().equals(previous.version().contentHash())
                    && TitleDiff.change(previous.title(), snapshot.title()).isEmpty()) {
                return new Skip(Skip.Reason.IDENTICAL);
            }
        }
        VersionRef to = VersionRef.of(snapshot);
        VersionRef from = previous == null ? null : previous.version();
        DocumentHead next = new DocumentHead(to, snapshot.status(), snapshot.title());
        ChangeKind kind;
        DocumentComparer.Comparison comparison;
        StatusChange status = null;
        if (snapshot.status() == DocumentStatus.GONE) {
            kind = ChangeKind.REMOVED;
            comparison = new DocumentComparer.Comparison(List.of(), List.of(), ChangeSummary.EMPTY);
        } else if (previous == null) {
            kind = snapshot.origin() == Origin.DISCOVERED ? ChangeKind.NEW_DOCUMENT : ChangeKind.BASELINE;
            comparison = new DocumentComparer.Comparison(List.of(), List.of(), ChangeSummary.EMPTY);
        } else {
            kind = ChangeKind.UPDATED;
            // a document back after being gone is compared with its empty gone version
            List<Block> before = previous.status() == DocumentStatus.GONE ? List.of() : previousBlocks.get();
            comparison = comparer.compare(before, snapshot.blocks());
            // the title is compared whatever the content selector kept (the crawler reads it from the whole page)
            String oldTitle = previous.title();
            comparison = new DocumentComparer.Comparison(comparison.changes(),
                    TitleDiff.withTitle(comparison.structureChanges(), oldTitle, snapshot.title()), comparison.summary());
            status = TitleDiff.draftBecameFinal(oldTitle, snapshot.title(), snapshot.language())
                    .map(headline -> new StatusChange(DraftMarkers.marker(oldTitle).orElse(null), headline))
                    .orElse(null);
        }
        String changeId = Ids.changeId(snapshot.documentId(), from == null ? null : from.versionId(), to.versionId());
        DocumentChange change = new DocumentChange(DocumentChange.SCHEMA_VERSION, changeId, snapshot.documentId(),
                snapshot.sourceId(), snapshot.sourceName(), snapshot.url(), snapshot.title(), snapshot.publisher(),
                snapshot.jurisdiction(), snapshot.language(), kind, from, to, detectedAt, comparison.changes(),
                comparison.structureChanges(), Lineage.headed(comparison.summary(), status), null, status);
        return new Emit(budget.fit(change), next, snapshot.blocks());
    }
}
