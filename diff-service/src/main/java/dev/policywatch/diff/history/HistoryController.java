package dev.policywatch.diff.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.policywatch.diff.DocumentComparer;
import dev.policywatch.events.ChangeKind;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.DocumentStatus;
import dev.policywatch.events.EventJson;
import dev.policywatch.events.Ids;
import dev.policywatch.events.SearchMatch;
import dev.policywatch.events.VersionRef;
import dev.policywatch.support.Access;
import dev.policywatch.support.PolicywatchSettings;
import dev.policywatch.support.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/**
 * The history API (CONTRACT §4): documents, versions, a version's provisions, the diff of any two
 * versions, changes with filters and cursor pagination, one change, and the Atom feed. Reads only;
 * each request passes {@link Access#requireRead}. Bodies are written with the events' own JSON
 * mapper, so a change reads the same here as on the topic.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public final class HistoryController {

    private static final MediaType ATOM = MediaType.of("application/atom+xml;charset=utf-8");

    private final HistoryStore store;
    private final Access access;
    private final PolicywatchSettings settings;
    private final DocumentComparer comparer;
    private final ObjectMapper json = EventJson.mapper();

    public HistoryController(HistoryStore store, Access access, PolicywatchSettings settings, DocumentComparer comparer) {
        this.store = store;
        this.access = access;
        this.settings = settings;
        this.comparer = comparer;
    }

    /**
     * Documents in the history with their latest version and change count.
     *
     * @param request the request (for the read token)
     * @return {@code {"items": [...]}}
     */
    @Get("/api/documents")
    @Tag(name = "documents")
    @Operation(operationId = "listDocuments")
    @ApiResponse(responseCode = "200", description = "The documents",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(type = "object",
                            description = "{\"items\": [document, latestVersion, latestChangeId, changeCount]}")))
    @ApiResponse(responseCode = "401", description = "A read token is set and the request lacks it",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = Problem.ProblemBody.class)))
    public HttpResponse<String> documents(HttpRequest<?> request) {
        access.requireRead(request);
        ArrayNode items = json.createArrayNode();
        for (HistoryStore.DocumentRow row : store.documents()) {
            DocumentChange latest = row.latest();
            ObjectNode d = items.addObject();
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
        }
        ObjectNode body = json.createObjectNode();
        body.set("items", items);
        return ok(body);
    }

    /**
     * A document's versions, oldest first, each with the change that introduced it.
     *
     * @param request    the request (for the read token)
     * @param documentId the document's id
     * @return {@code {"documentId": ..., "items": [VersionRef + changeId + kind]}}
     */
    @Get("/api/documents/{documentId}/versions")
    @Tag(name = "documents")
    @Operation(operationId = "listVersions")
    @ApiResponse(responseCode = "200", description = "The versions",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(type = "object")))
    @ApiResponse(responseCode = "400", description = "The documentId is malformed",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = Problem.ProblemBody.class)))
    @ApiResponse(responseCode = "401", description = "A read token is set and the request lacks it",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = Problem.ProblemBody.class)))
    @ApiResponse(responseCode = "404", description = "No such document in the history",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = Problem.ProblemBody.class)))
    public HttpResponse<String> versions(HttpRequest<?> request, @PathVariable String documentId) {
        access.requireRead(request);
        requireDocumentId(documentId);
        List<HistoryStore.VersionRow> rows = store.versions(documentId);
        if (rows.isEmpty()) {
            throw Problem.notFound("no document " + documentId + " in the history");
        }
        ObjectNode body = json.createObjectNode();
        body.put("documentId", documentId);
        ArrayNode items = body.putArray("items");
        for (HistoryStore.VersionRow row : rows) {
            ObjectNode v = json.valueToTree(row.version());
            v.put("changeId", row.changeId());
            v.put("kind", row.kind().name());
            items.add(v);
        }
        return ok(body);
    }

    /**
     * One version of a document with its provisions and structure.
     *
     * @param request    the request (for the read token)
     * @param documentId the document's id
     * @param versionId  the version's id
     * @return the version, its title, language, segmentation scheme, structure and provisions
     */
    @Get("/api/documents/{documentId}/versions/{versionId}")
    @Tag(name = "documents")
    @Operation(operationId = "getVersion")
    @ApiResponse(responseCode = "200", description = "The version and its provisions",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(type = "object")))
    @ApiResponse(responseCode = "400", description = "The documentId is malformed",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = Problem.ProblemBody.class)))
    @ApiResponse(responseCode = "401", description = "A read token is set and the request lacks it",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = Problem.ProblemBody.class)))
    @ApiResponse(responseCode = "404", description = "No such document, version, or its text is not projected yet",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = Problem.ProblemBody.class)))
    public HttpResponse<String> version(HttpRequest<?> request, @PathVariable String documentId,
            @PathVariable String versionId) {
        access.requireRead(request);
        requireDocumentId(documentId);
        HistoryStore.VersionRow row = requireVersion(documentId, versionId, "versionId");
        HistoryStore.Content content = requireContent(documentId, row.version());
        ObjectNode body = json.valueToTree(row.version());
        body.put("documentId", documentId);
        body.put("changeId", row.changeId());
        body.put("title", content.title());
        body.put("language", content.language());
        body.put("scheme", content.segmentation().scheme().name());
        body.set("structure", json.valueToTree(content.segmentation().structure()));
        body.set("provisions", json.valueToTree(content.segmentation().provisions()));
        return ok(body);
    }

    /**
     * The provision-level diff of any two versions of a document.
     *
     * @param request    the request (for the read token)
     * @param documentId the document's id
     * @param from       the older version's id
     * @param to         the newer version's id
     * @return the changes from {@code from} to {@code to}
     */
    @Get("/api/documents/{documentId}/diff")
    @Tag(name = "documents")
    @Operation(operationId = "diffVersions")
    @ApiResponse(responseCode = "200", description = "The diff",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = HistoryOpenApi.DocumentDiff.class)))
    @ApiResponse(responseCode = "400", description = "from or to is missing, or the documentId is malformed",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = Problem.ProblemBody.class)))
    @ApiResponse(responseCode = "401", description = "A read token is set and the request lacks it",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = Problem.ProblemBody.class)))
    @ApiResponse(responseCode = "404", description = "No such document or version",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = Problem.ProblemBody.class)))
    public HttpResponse<String> diff(HttpRequest<?> request, @PathVariable String documentId,
            @Nullable @QueryValue String from, @Nullable @QueryValue String to) {
        access.requireRead(request);
        requireDocumentId(documentId);
        if (from == null || from.isBlank() || to == null || to.isBlank()) {
            throw Problem.badRequest("diff needs both from and to (versionIds of this document)");
        }
        HistoryStore.VersionRow old = requireVersion(documentId, from.trim(), "from");
        HistoryStore.VersionRow neu = requireVersion(documentId, to.trim(), "to");
        DocumentComparer.Comparison comparison = comparer.compare(requireContent(documentId, old.version()).blocks(),
                requireContent(documentId, neu.version()).blocks());
        ObjectNode body = json.createObjectNode();
        body.put("documentId", documentId);
        body.set("from", json.valueToTree(old.version()));
        body.set("to", json.valueToTree(neu.version()));
        body.set("changes", json.valueToTree(comparison.changes()));
        body.set("structureChanges", json.valueToTree(comparison.structureChanges()));
        body.set("summary", json.valueToTree(comparison.summary()));
        return ok(body);
    }

    /**
     * Changes, newest first, with filters and cursor pagination.
     *
     * @param request      the request (for the read token)
     * @param since        changes detected at or after this instant (ISO-8601, or a date: midnight UTC)
     * @param until        changes detected before this instant (ISO-8601, or a date: midnight UTC)
     * @param source       only this source id
     * @param jurisdiction only this jurisdiction
     * @param kind         DocumentChange kinds, comma-separated (BASELINE only when asked for)
     * @param type         provision change types, comma-separated (ADDED, REMOVED, MODIFIED, RENUMBERED...)
     * @param q            words searched in the changed provisions' text
     * @param limit        page size, 1 to 500 (default 50)
     * @param cursor       the {@code nextCursor} of the previous page
     * @param significance SUBSTANTIVE: leave out changes that are editorial only; EDITORIAL: only those
     * @param fact         fact kinds, comma-separated (FINE, DEADLINE, EFFECTIVE_DATE, OBLIGATION): changes
     *                     with a provision carrying one of them
     * @return {@code {"items": [DocumentChange, ...], "nextCursor": "..." | null}}; with {@code q}, each item
     *         also carries {@code match}: the first changed provision containing the words, with a snippet
     */
    @Get("/api/changes")
    @Tag(name = "changes")
    @Operation(operationId = "listChanges")
    @ApiResponse(responseCode = "200", description = "A page of changes",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = HistoryOpenApi.ChangePage.class)))
    @ApiResponse(responseCode = "400", description = "A filter, limit or cursor is invalid",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = Problem.ProblemBody.class)))
    @ApiResponse(responseCode = "401", description = "A read token is set and the request lacks it",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = Problem.ProblemBody.class)))
    public HttpResponse<String> changes(HttpRequest<?> request, @Nullable @QueryValue String since,
            @Nullable @QueryValue String until, @Nullable @QueryValue String source,
            @Nullable @QueryValue String jurisdiction, @Nullable @QueryValue String kind,
            @Nullable @QueryValue String type, @Nullable @QueryValue String q, @Nullable @QueryValue String limit,
            @Nullable @QueryValue String cursor, @Nullable @QueryValue String significance,
            @Nullable @QueryValue String fact) {
        access.requireRead(request);
        HistoryStore.Page page = store.changes(ChangeQueryParser.parse(since, until, source, jurisdiction, kind, type, q,
                limit, cursor, significance, fact));
        ObjectNode body = json.createObjectNode();
        ArrayNode items = body.putArray("items");
        for (String payload : page.payloads()) {
            JsonNode item = readTree(payload);
            if (q != null && !q.isBlank() && item instanceof ObjectNode change) {
                // where the words are, so a reader sees why this change was found
                SearchMatch match = SearchMatch.find(EventJson.read(payload, DocumentChange.class), q);
                change.set("match", match == null ? NullNode.getInstance() : json.valueToTree(match));
            }
            items.add(item);
        }
        body.put("nextCursor", page.nextCursor());
        return ok(body);
    }

    /**
     * One change, as it was published on {@code policywatch.changes}.
     *
     * @param request  the request (for the read token)
     * @param changeId the change's id
     * @return the DocumentChange
     */
    @Get("/api/changes/{changeId}")
    @Tag(name = "changes")
    @Operation(operationId = "getChange")
    @ApiResponse(responseCode = "200", description = "The change",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = DocumentChange.class)))
    @ApiResponse(responseCode = "401", description = "A read token is set and the request lacks it",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = Problem.ProblemBody.class)))
    @ApiResponse(responseCode = "404", description = "No such change",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = Problem.ProblemBody.class)))
    public HttpResponse<String> change(HttpRequest<?> request, @PathVariable String changeId) {
        access.requireRead(request);
        String payload = store.change(changeId).orElseThrow(() -> Problem.notFound("no change " + clip(changeId)));
        return HttpResponse.ok(payload).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    /**
     * The changes as an Atom feed, newest first; the same filters as {@code GET /api/changes}.
     *
     * @param request      the request (for the read token)
     * @param since        changes detected at or after this instant (ISO-8601, or a date: midnight UTC)
     * @param until        changes detected before this instant (ISO-8601, or a date: midnight UTC)
     * @param source       only this source id
     * @param jurisdiction only this jurisdiction
     * @param kind         DocumentChange kinds, comma-separated (BASELINE only when asked for)
     * @param type         provision change types, comma-separated (ADDED, REMOVED, MODIFIED, RENUMBERED...)
     * @param q            words searched in the changed provisions' text
     * @param limit        page size, 1 to 500 (default 50)
     * @param significance SUBSTANTIVE: leave out changes that are editorial only; EDITORIAL: only those
     * @param fact         fact kinds, comma-separated (FINE, DEADLINE, EFFECTIVE_DATE, OBLIGATION)
     * @return the feed
     */
    @Get("/feeds/changes.atom")
    @Tag(name = "changes")
    @Operation(operationId = "changesFeed")
    @ApiResponse(responseCode = "200", description = "An Atom feed of the changes",
            content = @Content(mediaType = "application/atom+xml", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "400", description = "A filter or limit is invalid",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = Problem.ProblemBody.class)))
    @ApiResponse(responseCode = "401", description = "A read token is set and the request lacks it",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = Problem.ProblemBody.class)))
    public HttpResponse<String> feed(HttpRequest<?> request, @Nullable @QueryValue String since,
            @Nullable @QueryValue String until, @Nullable @QueryValue String source,
            @Nullable @QueryValue String jurisdiction, @Nullable @QueryValue String kind,
            @Nullable @QueryValue String type, @Nullable @QueryValue String q, @Nullable @QueryValue String limit,
            @Nullable @QueryValue String significance, @Nullable @QueryValue String fact) {
        access.requireRead(request);
        HistoryStore.Page page = store.changes(ChangeQueryParser.parse(since, until, source, jurisdiction, kind, type, q,
                limit, null, significance, fact));
        List<DocumentChange> changes = page.payloads().stream().map(p -> EventJson.read(p, DocumentChange.class)).toList();
        String query = request.getUri().getRawQuery();
        String self = settings.link("/feeds/changes.atom" + (query == null || query.isEmpty() ? "" : "?" + query));
        return HttpResponse.ok(ChangeFeed.render(changes, settings.publicUrl(), self)).contentType(ATOM);
    }

    private HistoryStore.VersionRow requireVersion(String documentId, String versionId, String parameter) {
        return store.version(documentId, versionId).orElseThrow(() -> Problem.notFound(
                parameter + ": no version " + clip(versionId) + " of document " + documentId));
    }

    private HistoryStore.Content requireContent(String documentId, VersionRef version) {
        return store.content(documentId, version.contentHash()).orElseThrow(() -> Problem.notFound(
                "the text of version " + version.versionId() + " of " + documentId
                        + " is not in the history yet (its snapshot has not been projected)"));
    }

    private static void requireDocumentId(String documentId) {
        if (!Ids.isValidDocumentId(documentId)) {
            throw Problem.badRequest("documentId must match [A-Za-z0-9._~-]{1,200}");
        }
    }

    private JsonNode readTree(String payload) {
        try {
            return json.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored change is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private HttpResponse<String> ok(ObjectNode body) {
        try {
            return HttpResponse.ok(json.writeValueAsString(body)).contentType(MediaType.APPLICATION_JSON_TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static String clip(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
