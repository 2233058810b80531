package dev.policywatch.diff.history;

import dev.policywatch.diff.DiffSettings;
import dev.policywatch.diff.DocumentComparer;
import dev.policywatch.diff.stream.ChangeBudget;
import dev.policywatch.diff.stream.Lineage;
import dev.policywatch.engine.lineage.PredecessorMatcher;
import dev.policywatch.events.ChangeKind;
import dev.policywatch.events.Correction;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.Ids;
import dev.policywatch.events.Predecessor;
import dev.policywatch.support.Problem;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An administrator's correction of a document's predecessor (docs/lineage.md "Correcting a link"):
 * the document's first change is recomputed from the history — with the chosen predecessor's latest
 * version fetched before it ({@link Lineage#withPredecessor}, the same computation as the topology's)
 * or with none ({@link Lineage#withoutPredecessor}) — as a new change that names the one it supersedes
 * ({@link Correction}), and published to the corrections topic, which the topology relays to the
 * changes topic. Nothing is rewritten: the superseded change stays in the history, marked.
 */
@Singleton
public final class LineageCorrections {

    private static final Logger LOG = LoggerFactory.getLogger(LineageCorrections.class);
    private static final int MAX_CHAIN = 1000;

    private final HistoryStore store;
    private final DocumentComparer comparer;
    private final ChangeBudget budget;
    private final CorrectionPublisher publisher;
    private final Supplier<Instant> clock;
    private final PredecessorMatcher matcher = new PredecessorMatcher();

    @Inject
    public LineageCorrections(HistoryStore store, DocumentComparer comparer, DiffSettings settings,
            CorrectionPublisher publisher) {
        this(store, comparer, new ChangeBudget(settings.maxChangeBytes()), publisher, Instant::now);
    }

    LineageCorrections(HistoryStore store, DocumentComparer comparer, ChangeBudget budget, CorrectionPublisher publisher,
            Supplier<Instant> clock) {
        this.store = store;
        this.comparer = comparer;
        this.budget = budget;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** What a correction did: {@code corrected} false when the link already was as asked (nothing published). */
    public record Outcome(boolean corrected, DocumentChange change) {
    }

    /**
     * Makes {@code predecessorId} the predecessor of {@code documentId}.
     *
     * @throws Problem 404 for an unknown document, 400 for a document that would be its own predecessor,
     *                 409 when the predecessor has no version fetched before the document's first, when
     *                 the link would make a cycle, or when a text is not in the history yet
     */
    public Outcome set(String documentId, String predecessorId, String note) {
        DocumentChange first = first(documentId);
        if (predecessorId.equals(documentId)) {
            throw Problem.badRequest("a document cannot be its own predecessor");
        }
        Predecessor current = first.predecessor();
        if (current != null && current.documentId().equals(predecessorId)) {
            return new Outcome(false, first);
        }
        HistoryStore.DocumentRow predecessorRow = store.document(predecessorId)
                .orElseThrow(() -> Problem.notFound("no document " + predecessorId + " in the history"));
        Instant before = first.toVersion().fetchedAt();
        HistoryStore.VersionRow version = store.versions(predecessorId).stream()
                .filter(v -> v.kind() != ChangeKind.REMOVED && v.version().fetchedAt().isBefore(before))
                .findFirst()
                .orElseThrow(() -> Problem.conflict(predecessorId + " has no version fetched before " + documentId
                        + "'s first version (" + before + "): a predecessor is an earlier text"));
        requireNoCycle(documentId, predecessorId);
        HistoryStore.Content predecessorText = text(predecessorId, version.version().contentHash());
        HistoryStore.Content ownText = text(documentId, first.toVersion().contentHash());
        double similarity = matcher.alignment(predecessorText.blocks(), ownText.blocks());
        String title = predecessorText.title() != null ? predecessorText.title() : predecessorRow.latest().title();
        Predecessor predecessor = new Predecessor(predecessorId, version.version().versionId(), similarity,
                reason(note, similarity), title, predecessorRow.latest().url(), version.version().fetchedAt(),
                Predecessor.Basis.SET_BY_ADMINISTRATOR, null, note);
        DocumentChange recomputed = Lineage.withPredecessor(Lineage.withoutPredecessor(first), predecessor,
                predecessorText.blocks(), ownText.blocks(), comparer, budget);
        return publish(first, recomputed, Ids.correctionId(first.changeId(), version.version().versionId()), note);
    }

    /** Makes {@code documentId} replace no earlier document. */
    public Outcome clear(String documentId, String note) {
        DocumentChange first = first(documentId);
        if (first.predecessor() == null) {
            return new Outcome(false, first);
        }
        return publish(first, Lineage.withoutPredecessor(first), Ids.correctionId(first.changeId(), null), note);
    }

    private Outcome publish(DocumentChange first, DocumentChange recomputed, String changeId, String note) {
        Instant now = clock.get();
        String previous = first.predecessor() == null ? null : first.predecessor().documentId();
        DocumentChange corrected = recomputed.corrected(changeId, now, new Correction(first.changeId(), previous,
                note, now));
        publisher.publish(corrected);
        LOG.info("Predecessor of {} corrected: {} -> {} (change {} supersedes {})", first.documentId(), previous,
                corrected.predecessor() == null ? null : corrected.predecessor().documentId(), changeId,
                first.changeId());
        return new Outcome(true, corrected);
    }

    private DocumentChange first(String documentId) {
        return store.firstChange(documentId)
                .orElseThrow(() -> Problem.notFound("no document " + documentId + " in the history"));
    }

    private HistoryStore.Content text(String documentId, String contentHash) {
        return store.content(documentId, contentHash).orElseThrow(() -> Problem.conflict("the text of " + documentId
                + " is not in the history yet; try again in a moment"));
    }

    /** Refuses a link whose predecessor descends from the document (its chain of predecessors reaches it). */
    private void requireNoCycle(String documentId, String predecessorId) {
        Set<String> seen = new HashSet<>();
        String at = predecessorId;
        while (at != null && seen.add(at) && seen.size() < MAX_CHAIN) {
            if (at.equals(documentId)) {
                throw Problem.conflict(predecessorId + " already descends from " + documentId
                        + ": the link would make a cycle");
            }
            at = store.firstChange(at).map(DocumentChange::predecessor).map(Predecessor::documentId).orElse(null);
        }
    }

    private static String reason(String note, double similarity) {
        return "set by an administrator" + (note.isEmpty() ? "" : ": " + note) + "; provisions align "
                + Math.round(similarity * 100) + " %";
    }
}
