package dev.policywatch.diff.history;

import dev.policywatch.api.history.DocumentDetail;
import dev.policywatch.api.history.DocumentSummary;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.Predecessor;
import dev.policywatch.support.Access;
import dev.policywatch.support.Problem;
import dev.policywatch.support.ReadAccess;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * One document of the history with its lineage (docs/lineage.md): {@code GET /api/documents/{id}}
 * gives what {@code GET /api/documents} lists for it, plus {@code predecessor} (the earlier document
 * it replaces, from its first change) and {@code successors} (the documents that replace it).
 */
@Controller
@ReadAccess
@ExecuteOn(TaskExecutors.BLOCKING)
public final class DocumentController {

    private final HistoryStore store;
    private final Access access;

    public DocumentController(HistoryStore store, Access access) {
        this.store = store;
        this.access = access;
    }

    /**
     * One document with its latest version, change count, predecessor and successors.
     *
     * @param request    the request (for the read token)
     * @param documentId the document's id
     * @return the document
     */
    @Get("/api/documents/{documentId}")
    @KnownDocumentRead
    @Operation(operationId = "getDocument")
    @ApiResponse(responseCode = "200", description = "The document with its lineage")
    public DocumentDetail document(HttpRequest<?> request, @PathVariable String documentId) {
        HistoryController.readDocument(access, request, documentId);
        HistoryStore.DocumentRow row = store.document(documentId)
                .orElseThrow(() -> Problem.notFound("no document " + documentId + " in the history"));
        DocumentChange first = store.firstChange(documentId).orElse(null);
        // the change that compares this document with its predecessor is its first
        DocumentDetail.PredecessorLink predecessor = first != null && first.predecessor() != null
                ? new DocumentDetail.PredecessorLink(first.predecessor(), first.changeId()) : null;
        List<DocumentDetail.Successor> successors = new ArrayList<>();
        for (DocumentChange s : store.successors(documentId)) {
            Predecessor link = s.predecessor();
            successors.add(new DocumentDetail.Successor(s.documentId(), s.title(), s.url(), s.toVersion().versionId(),
                    s.toVersion().fetchedAt(), link.similarity(), link.reason(), s.changeId(), link.reasonCode(),
                    link.identifier(), link.note()));
        }
        return new DocumentDetail(DocumentSummary.of(row.latest(), row.changeCount()), predecessor, successors);
    }
}
