package dev.policywatch.diff.history;

import dev.policywatch.api.history.PredecessorClearRequest;
import dev.policywatch.api.history.PredecessorCorrection;
import dev.policywatch.api.history.PredecessorRequest;
import dev.policywatch.events.Ids;
import dev.policywatch.support.Access;
import dev.policywatch.support.Problem;
import dev.policywatch.support.RequestBodies;
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
 * {@code PUT /api/documents/{id}/predecessor} with a {@link PredecessorRequest} sets the predecessor,
 * {@code DELETE /api/documents/{id}/predecessor} (optional {@link PredecessorClearRequest}) clears it.
 * Either answers a {@link PredecessorCorrection}: 202 with the recomputed change once it is on the
 * corrections topic (it reaches the changes topic, the history, the feed and the alerts through the
 * topology), or 200 with the current first change when the link already was as asked. Bodies are read
 * by {@link RequestBodies} (strict JSON, Bean Validation).
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public final class LineageCorrectionController {

    private final LineageCorrections corrections;
    private final Access access;
    private final RequestBodies bodies;

    public LineageCorrectionController(LineageCorrections corrections, Access access, RequestBodies bodies) {
        this.corrections = corrections;
        this.access = access;
        this.bodies = bodies;
    }

    /**
     * Sets a document's predecessor (admin).
     *
     * @param request    the request (for the admin token)
     * @param documentId the document whose first change is recomputed
     * @param body       the predecessor and a note, as JSON
     * @return the outcome
     */
    @Put("/api/documents/{documentId}/predecessor")
    @Tag(name = "documents")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.ALL})
    @Operation(operationId = "setPredecessor", summary = "Set a document's predecessor (correct a link)",
            security = @SecurityRequirement(name = "bearerAuth"),
            requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = PredecessorRequest.class))))
    @ApiResponse(responseCode = "202", description = "Corrected: the recomputed change is on its way",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = PredecessorCorrection.class)))
    @ApiResponse(responseCode = "200", description = "Unchanged: that already is the predecessor",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = PredecessorCorrection.class)))
    @ApiResponse(responseCode = "400", description = "Malformed id or body (the detail names the field), a note over "
            + "500 characters, or the document itself as predecessor")
    @ApiResponse(responseCode = "401", description = "No admin token, or admin endpoints are disabled")
    @ApiResponse(responseCode = "404", description = "Either document is not in the history")
    @ApiResponse(responseCode = "409", description = "The predecessor has no version fetched before the document's "
            + "first, the link would make a cycle, or a text is not in the history yet")
    public HttpResponse<PredecessorCorrection> set(HttpRequest<?> request, @PathVariable String documentId,
            @Nullable @Body String body) {
        access.requireAdmin(request);
        requireId(documentId);
        PredecessorRequest req = bodies.read(body, PredecessorRequest.class);
        return answer(corrections.set(documentId, req.documentId(), req.note()));
    }

    /**
     * Clears a document's predecessor (admin).
     *
     * @param request    the request (for the admin token)
     * @param documentId the document whose first change is recomputed without a predecessor
     * @param body       optional: a note, as JSON
     * @return the outcome
     */
    @Delete("/api/documents/{documentId}/predecessor")
    @Tag(name = "documents")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.ALL})
    @Operation(operationId = "clearPredecessor", summary = "Clear a document's predecessor (remove a wrong link)",
            security = @SecurityRequirement(name = "bearerAuth"),
            requestBody = @RequestBody(required = false, content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = PredecessorClearRequest.class))))
    @ApiResponse(responseCode = "202", description = "Corrected: the recomputed change is on its way",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = PredecessorCorrection.class)))
    @ApiResponse(responseCode = "200", description = "Unchanged: the document has no predecessor",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = PredecessorCorrection.class)))
    @ApiResponse(responseCode = "400", description = "Malformed id or body (the detail names the field), or a note "
            + "over 500 characters")
    @ApiResponse(responseCode = "401", description = "No admin token, or admin endpoints are disabled")
    @ApiResponse(responseCode = "404", description = "The document is not in the history")
    public HttpResponse<PredecessorCorrection> clear(HttpRequest<?> request, @PathVariable String documentId,
            @Nullable @Body String body) {
        access.requireAdmin(request);
        requireId(documentId);
        PredecessorClearRequest req = body == null || body.isBlank() ? PredecessorClearRequest.NONE
                : bodies.read(body, PredecessorClearRequest.class);
        return answer(corrections.clear(documentId, req.note()));
    }

    private static HttpResponse<PredecessorCorrection> answer(LineageCorrections.Outcome outcome) {
        return outcome.corrected() ? HttpResponse.accepted().body(PredecessorCorrection.corrected(outcome.change()))
                : HttpResponse.ok(PredecessorCorrection.unchanged(outcome.change()));
    }

    private static void requireId(String documentId) {
        if (!Ids.isValidDocumentId(documentId)) {
            throw Problem.badRequest("documentId must match " + Ids.DOCUMENT_ID_PATTERN);
        }
    }
}
