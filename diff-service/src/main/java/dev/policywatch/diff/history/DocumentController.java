package dev.policywatch.diff.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.policywatch.events.ChangeKind;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.DocumentStatus;
import dev.policywatch.events.EventJson;
import dev.policywatch.events.Ids;
import dev.policywatch.events.Predecessor;
import dev.policywatch.support.Access;
import dev.policywatch.support.Problem;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * One document of the history with its lineage (docs/lineage.md): {@code GET /api/documents/{id}}
 * gives what {@code GET /api/documents} lists for it, plus {@code predecessor} (the earlier document
 * it replaces, from its first change) and {@code successors} (the documents that replace it).
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public final class DocumentController {

    private final HistoryStore store;
    private final Access access;
    private final ObjectMapper json = EventJson.mapper();

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
    @Tag(name = "documents")
    @Operation(operationId = "getDocument")
    @ApiResponse(responseCode = "200", description = "The document with its lineage",
            content = @Content(mediaType = "application/json", schema = @Schema(type = "object",
                    description = "{documentId, sourceId, title, url, publisher, jurisdiction, status, latestVersion, "
                            + "latestChangeId, changeCount, predecessor: {documentId, versionId, similarity, reason, "
                            + "title, url, fetchedAt, changeId} | null, successors: [{documentId, title, url, "
                            + "versionId, fetchedAt, similarity, reason, changeId}]}")))
    @ApiResponse(responseCode = "400", description = "The documentId is malformed",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = Problem.ProblemBody.class)))
    @ApiResponse(responseCode = "401", description = "A read token is set and the request lacks it",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = Problem.ProblemBody.class)))
    @ApiResponse(responseCode = "404", description = "No such document in the history",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = Problem.ProblemBody.class)))
    public HttpResponse<String> document(HttpRequest<?> request, @PathVariable String documentId) {
        access.requireRead(request);
        if (!Ids.isValidDocumentId(documentId)) {
            throw Problem.badRequest("documentId must match [A-Za-z0-9._~-]{1,200}");
        }
        HistoryStore.DocumentRow row = store.document(documentId)
                .orElseThrow(() -> Problem.notFound("no document " + documentId + " in the history"));
        DocumentChange latest = row.latest();
        ObjectNode d = json.createObjectNode();
        d.put("documentId", latest.documentId());
        d.put("sourceId", latest.sourceId());
        d.put("sourceName", latest.sourceName());
        d.put("title", latest.title());
        d.put("url", latest.url());
        d.put("publisher", latest.publisher());
        d.put("jurisdiction", latest.jurisdiction());
        d.put("language", latest.language());
        d.put("status", (latest.kind() == ChangeKind.REMOVED ? DocumentStatus.GONE : DocumentStatus.PRESENT).name());
        d.set("latestVersion", json.valueToTree(latest.toVersion()));
        d.put("latestChangeId", latest.changeId());
        d.put("changeCount", row.changeCount());
        DocumentChange first = store.firstChange(documentId).orElse(null);
        if (first != null && first.predecessor() != null) {
            ObjectNode p = json.valueToTree(first.predecessor());
            p.put("changeId", first.changeId()); // the change that compares this document with it
            d.set("predecessor", p);
        } else {
            d.putNull("predecessor");
        }
        ArrayNode successors = d.putArray("successors");
        for (DocumentChange s : store.successors(documentId)) {
            Predecessor link = s.predecessor();
            ObjectNode n = successors.addObject();
            n.put("documentId", s.documentId());
            n.put("title", s.title());
            n.put("url", s.url());
            n.put("versionId", s.toVersion().versionId());
            n.set("fetchedAt", json.valueToTree(s.toVersion().fetchedAt()));
            n.put("similarity", link.similarity());
            n.put("reason", link.reason());
            n.put("changeId", s.changeId());
        }
        try {
            return HttpResponse.ok(json.writeValueAsString(d)).contentType(MediaType.APPLICATION_JSON_TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
