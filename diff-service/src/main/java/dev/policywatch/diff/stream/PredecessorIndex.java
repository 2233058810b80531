package dev.policywatch.diff.stream;

import dev.policywatch.engine.lineage.PredecessorMatcher;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Where the topology finds the documents a new document may replace (docs/lineage.md): documents of
 * the same jurisdiction whose latest version was fetched before {@code before}, other than the new
 * one, not gone, and plausible by title or identifiers ({@link PredecessorMatcher#plausible}) — each
 * with the text of that latest version. A draft and its final are usually in different partitions of
 * the snapshots topic, so the index is the history (the whole corpus), not this task's stores.
 */
@FunctionalInterface
public interface PredecessorIndex {

    /** No index: nothing is ever linked (tests and tools that run the topology without a history). */
    PredecessorIndex NONE = (jurisdiction, documentId, title, identifiers, before) -> List.of();

    /** The plausible candidates, at most a bounded number, most recent first. */
    List<Candidate> candidates(String jurisdiction, String documentId, String title, Set<String> identifiers,
            Instant before);

    /** A candidate: the document as the matcher reads it, its URL, and when its latest version was fetched. */
    record Candidate(PredecessorMatcher.Document document, String url, Instant fetchedAt) {
    }
}
