package dev.policywatch.diff.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.policywatch.events.EventJson;
import dev.policywatch.events.Ids;
import dev.policywatch.support.Access;
import dev.policywatch.support.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The administrators' correction of a link (docs/lineage.md "Correcting a link"):
 * {@code PUT /api/documents/{id}/predecessor} with {@code {"documentId": …, "note": …}} sets the
 * predecessor, {@code DELETE /api/documents/{id}/predecessor} (optional body {@code {"note": …}}) clears
 * it. Either answers 202 with the recomputed change once it is on the corrections topic (it reaches the
 * changes topic, the history, the feed and the alerts through the topology), or 200 with the current
 * first change when the link already was as asked.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public final class LineageCorrectionController {

    private static final String RESPONSE = "{status: corrected | unchanged, change: DocumentChange} — the "
            + "recomputed change (its correction names the superseded change), or the current first change";

    private final LineageCorrections corrections;
    private final Access access;
    private final ObjectMapper json = EventJson.mapper();

    public LineageCorrectionController(LineageCorrections corrections, Access access) {
        this.corrections = corrections;
        this.access = access;
    }

    /**
     * Sets a document's predecessor (admin).
     *
     * @param request    the request (for the admin token)
     * @param documentId the document whose first change is recomputed
     * @param body       {@code {"documentId": "<predecessor>", "note": "why"}}
     * @return the outcome
     */
    @Put("/api/documents/{documentId}/predecessor")
    @Tag(name = "documents")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.ALL})
    @Operation(operationId = "setPredecessor", summary = "Set a document's predecessor (correct a link)",
            security = @SecurityRequirement(name = "bearerAuth"),
            requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json",
                    schema = @Schema(type = "object", example = "{\"documentId\": \"cac-policies.0a1b2c3d4e5f\", "
                            + "\"note\": \"the final text of the April draft\"}"))))
    @ApiResponse(responseCode = "202", description = "Corrected: the recomputed change is on its way",
            content = @Content(mediaType = "application/json", schema = @Schema(type = "object", description = RESPONSE)))
    @ApiResponse(responseCode = "200", description = "Unchanged: that already is the predecessor",
            content = @Content(mediaType = "application/json", schema = @Schema(type = "object", description = RESPONSE)))
    @ApiResponse(responseCode = "400", description = "Malformed id or body, a note over 500 characters, or the "
            + "document itself as predecessor")
    @ApiResponse(responseCode = "401", description = "No admin token, or admin endpoints are disabled")
    @ApiResponse(responseCode = "404", description = "Either document is not in the history")
    @ApiResponse(responseCode = "409", description = "The predecessor has no version fetched before the document's "
            + "first, the link would make a cycle, or a text is not in the history yet")
    public HttpResponse<String> set(HttpRequest<?> request, @PathVariable String documentId,
            @Nullable @Body String body) {
        access.requireAdmin(request);
        requireId(documentId, "documentId");
        JsonNode b = parse(body);
        JsonNode predecessor = b.path("documentId");
        if (!predecessor.isTextual()) {
            throw Problem.badRequest("body: documentId (the predecessor's) is required");
        }
        requireId(predecessor.asText(), "body: documentId");
        return answer(corrections.set(documentId, predecessor.asText(), note(b)));
    }

    /**
     * Clears a document's predecessor (admin).
     *
     * @param request    the request (for the admin token)
     * @param documentId the document whose first change is recomputed without a predecessor
     * @param body       optional {@code {"note": "why"}}
     * @return the outcome
     */
    @Delete("/api/documents/{documentId}/predecessor")
    @Tag(name = "documents")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.ALL})
    @Operation(operationId = "clearPredecessor", summary = "Clear a document's predecessor (remove a wrong link)",
            security = @SecurityRequirement(name = "bearerAuth"))
    @ApiResponse(responseCode = "202", description = "Corrected: the recomputed change is on its way",
            content = @Content(mediaType = "application/json", schema = @Schema(type = "object", description = RESPONSE)))
    @ApiResponse(responseCode = "200", description = "Unchanged: the document has no predecessor",
            content = @Content(mediaType = "application/json", schema = @Schema(type = "object", description = RESPONSE)))
    @ApiResponse(responseCode = "400", description = "Malformed id or body, or a note over 500 characters")
    @ApiResponse(responseCode = "401", description = "No admin token, or admin endpoints are disabled")
    @ApiResponse(responseCode = "404", description = "The document is not in the history")
    public HttpResponse<String> clear(HttpRequest<?> request, @PathVariable String documentId,
            @Nullable @Body String body) {
        access.requireAdmin(request);
        requireId(documentId, "documentId");
        return answer(corrections.clear(documentId, note(parse(body))));
    }

    private HttpResponse<String> answer(LineageCorrections.Outcome outcome) {
        ObjectNode out = json.createObjectNode();
        out.put("status", outcome.corrected() ? "corrected" : "unchanged");
        out.set("change", json.valueToTree(outcome.change()));
        try {
            String body = json.writeValueAsString(out);
            return (outcome.corrected() ? HttpResponse.accepted().body(body) : HttpResponse.ok(body))
                    .contentType(MediaType.APPLICATION_JSON_TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return json.createObjectNode();
        }
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw Problem.badRequest("body: a JSON object is expected");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw Problem.badRequest("body: not JSON (" + e.getOriginalMessage() + ")");
        }
    }

    private static String note(JsonNode body) {
        JsonNode n = body.path("note");
        if (n.isMissingNode() || n.isNull()) {
            return "";
        }
        if (!n.isTextual()) {
            throw Problem.badRequest("body: note must be a string");
        }
        String note = n.asText().replaceAll("\\p{Cntrl}", " ").strip();
        if (note.length() > LineageCorrections.MAX_NOTE) {
            throw Problem.badRequest("body: note is longer than " + LineageCorrections.MAX_NOTE + " characters");
        }
        return note;
    }

    private static void requireId(String id, String what) {
        if (!Ids.isValidDocumentId(id)) {
            throw Problem.badRequest(what + " must match [A-Za-z0-9._~-]{1,200}");
        }
    }
}
