package dev.policywatch.web.api;

import java.time.Instant;
import java.util.List;

/**
 * A document's lineage as {@code GET /api/documents/{id}} gives it (docs/lineage.md): the earlier
 * document it replaces (null if none) and the documents that replace it.
 */
public record DocumentLineage(Link predecessor, List<Link> successors) {

    public static final DocumentLineage NONE = new DocumentLineage(null, List.of());

    public DocumentLineage {
        successors = successors == null ? List.of() : List.copyOf(successors);
    }

    /**
     * One linked document: its id and title, when its linked version was fetched, and the change that
     * compares the two (the successor's first change).
     */
    public record Link(String documentId, String title, Instant fetchedAt, String changeId, String reason) {
    }
}
