package dev.policywatch.diff.stream;

import dev.policywatch.diff.DocumentComparer;
import dev.policywatch.engine.lineage.Identifiers;
import dev.policywatch.engine.lineage.PredecessorMatcher;
import dev.policywatch.events.Block;
import dev.policywatch.events.ChangeKind;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.Predecessor;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives a document's first change ({@code NEW_DOCUMENT} or {@code BASELINE}) its predecessor: asks the
 * {@link PredecessorIndex} for candidates, {@link PredecessorMatcher} for the one it replaces, and
 * rewrites the change with {@link Lineage#withPredecessor}. A failure to link is logged and the change
 * goes out unlinked: lineage never holds a change back. Thread-safe if the index is.
 */
final class Linker {

    private static final Logger LOG = LoggerFactory.getLogger(Linker.class);

    private final PredecessorIndex index;
    private final DocumentComparer comparer;
    private final ChangeBudget budget;
    private final PredecessorMatcher matcher = new PredecessorMatcher();

    Linker(PredecessorIndex index, DocumentComparer comparer, ChangeBudget budget) {
        this.index = index;
        this.comparer = comparer;
        this.budget = budget;
    }

    DocumentChange link(DocumentChange change, List<Block> blocks) {
        if (index == PredecessorIndex.NONE || blocks.isEmpty()
                || (change.kind() != ChangeKind.NEW_DOCUMENT && change.kind() != ChangeKind.BASELINE)) {
            return change;
        }
        try {
            List<PredecessorIndex.Candidate> candidates = index.candidates(change.jurisdiction(), change.documentId(),
                    change.title(), Identifiers.of(change.title(), blocks), change.toVersion().fetchedAt());
            if (candidates.isEmpty()) {
                return change;
            }
            Optional<PredecessorMatcher.Match> match = matcher.find(new PredecessorMatcher.Document(
                    change.documentId(), null, change.jurisdiction(), change.title(), blocks),
                    candidates.stream().map(PredecessorIndex.Candidate::document).toList());
            if (match.isEmpty()) {
                return change;
            }
            PredecessorMatcher.Match m = match.get();
            PredecessorIndex.Candidate pred = candidates.stream()
                    .filter(c -> c.document().documentId().equals(m.documentId())).findFirst().orElseThrow();
            LOG.info("{} {} replaces {} ({})", change.kind(), change.documentId(), m.documentId(), m.reason());
            return Lineage.withPredecessor(change, new Predecessor(m.documentId(), m.versionId(), m.similarity(),
                    m.reason(), pred.document().title(), pred.url(), pred.fetchedAt(), m.basis(), m.identifier(), null),
                    pred.document().blocks(), blocks,
                    comparer, budget);
        } catch (RuntimeException e) {
            LOG.warn("Lineage of {} not computed, change {} goes out unlinked: {}", change.documentId(),
                    change.changeId(), e.toString());
            return change;
        }
    }
}
