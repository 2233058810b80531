package dev.policywatch.diff.history;

import dev.policywatch.api.history.ChangePage;
import dev.policywatch.api.history.DocumentDiff;
import dev.policywatch.api.history.VersionText;
import dev.policywatch.api.history.DocumentList;
import dev.policywatch.api.history.DocumentSummary;
import dev.policywatch.api.history.VersionList;
import dev.policywatch.diff.DocumentComparer;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.EventJson;
import dev.policywatch.events.Ids;
import dev.policywatch.events.Language;
import dev.policywatch.events.SearchMatch;
import dev.policywatch.events.VersionRef;
import dev.policywatch.support.Access;
import dev.policywatch.support.PolicywatchSettings;
import dev.policywatch.support.Problem;
import dev.policywatch.support.ReadAccess;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
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
import java.util.ArrayList;
import java.util.List;

/**
 * The history API (CONTRACT §4): documents, versions, a version's provisions, the diff of any two
 * versions, changes with filters and cursor pagination, one change, and the Atom feed. Reads only;
 * each request passes {@link Access#requireRead} (whose 401 {@link ReadAccess} declares for all). The bodies are the records of module {@code api}
 * ({@code dev.policywatch.api.history}); a change is the {@link DocumentChange} as it was published, and
 * reads the same here as on the topic (every field written, null included).
 */
@Controller
@ReadAccess
@ExecuteOn(TaskExecutors.BLOCKING)
public final class HistoryController {

    private static final MediaType ATOM = MediaType.of("application/atom+xml;charset=utf-8");

    private final HistoryStore store;
    private final Access access;
    private final PolicywatchSettings settings;
    private final DocumentComparer comparer;

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
    @ApiResponse(responseCode = "200", description = "The documents")
    public DocumentList documents(HttpRequest<?> request) {
        access.requireRead(request);
        return new DocumentList(store.documents().stream()
                .map(row -> DocumentSummary.of(row.latest(), row.changeCount())).toList());
    }

    /**
     * A document's versions, newest first, each with the change that introduced it and its summary.
     *
     * @param request    the request (for the read token)
     * @param documentId the document's id
     * @return {@code {"documentId": ..., "items": [VersionRef + changeId + kind + summary]}}
     */
    @Get("/api/documents/{documentId}/versions")
    @KnownDocumentRead
    @Operation(operationId = "listVersions")
    @ApiResponse(responseCode = "200", description = "The versions")
    public VersionList versions(HttpRequest<?> request, @PathVariable String documentId) {
        readDocument(request, documentId);
        List<HistoryStore.VersionRow> rows = store.versions(documentId);
        if (rows.isEmpty()) {
            throw Problem.notFound("no document " + documentId + " in the history");
        }
        return new VersionList(documentId, rows.stream()
                .map(row -> new VersionList.Item(row.version(), row.changeId(), row.kind(), row.summary())).toList());
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
    @DocumentRead
    @Operation(operationId = "getVersion")
    @ApiResponse(responseCode = "200", description = "The version and its provisions")
    @ApiResponse(responseCode = "404", description = "No such document, version, or its text is not projected yet")
    public VersionText version(HttpRequest<?> request, @PathVariable String documentId,
            @PathVariable String versionId) {
        readDocument(request, documentId);
        HistoryStore.VersionRow row = requireVersion(documentId, versionId, "versionId");
        HistoryStore.Content content = requireContent(documentId, row.version());
        return new VersionText(row.version(), documentId, row.changeId(), content.title(), content.language(),
                content.segmentation().scheme().name(), content.segmentation().structure().stream()
                        .map(u -> new VersionText.Structure(u.kind().name(), u.label(), u.title(), u.path(), u.text()))
                        .toList(), content.segmentation().provisions().stream()
                        .map(p -> new VersionText.Provision(p.label(), p.path(), p.title(), p.text(), p.retired()))
                        .toList());
    }

    /**
     * The provision-level diff of any two versions of a document, or of a version of another document
     * (its draft, say: {@code fromDocument}) and a version of this one — what a reader compares across a
     * lineage (docs/lineage.md).
     *
     * @param request      the request (for the read token)
     * @param documentId   the document's id (of the {@code to} version)
     * @param from         the older version's id
     * @param to           the newer version's id
     * @param fromDocument the document of the {@code from} version when it is another one (default: this one)
     * @return the changes from {@code from} to {@code to}
     */
    @Get("/api/documents/{documentId}/diff")
    @Tag(name = "documents")
    @Operation(operationId = "diffVersions")
    @ApiResponse(responseCode = "200", description = "The diff")
    @ApiResponse(responseCode = "400", description = "from or to is missing, or the documentId is malformed")
    @ApiResponse(responseCode = "404", description = "No such document or version")
    public DocumentDiff diff(HttpRequest<?> request, @PathVariable String documentId,
            @Nullable @QueryValue String from, @Nullable @QueryValue String to,
            @Nullable @QueryValue String fromDocument) {
        readDocument(request, documentId);
        String oldDocument = fromDocument == null || fromDocument.isBlank() ? documentId : fromDocument.trim();
        if (!Ids.isValidDocumentId(oldDocument)) {
            throw Problem.badRequest("fromDocument must match " + Ids.DOCUMENT_ID_PATTERN);
        }
        if (from == null || from.isBlank() || to == null || to.isBlank()) {
            throw Problem.badRequest("diff needs both from and to (versionIds of this document)");
        }
        HistoryStore.VersionRow old = requireVersion(oldDocument, from.trim(), "from");
        HistoryStore.VersionRow neu = requireVersion(documentId, to.trim(), "to");
        DocumentComparer.Comparison comparison = comparer.compare(requireContent(oldDocument, old.version()).blocks(),
                requireContent(documentId, neu.version()).blocks());
        return new DocumentDiff(documentId, oldDocument, old.version(), neu.version(), comparison.changes(),
                comparison.structureChanges(), comparison.summary());
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
    @ApiResponse(responseCode = "200", description = "A page of changes")
    @ApiResponse(responseCode = "400", description = "A filter, limit or cursor is invalid")
    public ChangePage changes(HttpRequest<?> request, @Nullable @QueryValue String since,
            @Nullable @QueryValue String until, @Nullable @QueryValue String source,
            @Nullable @QueryValue String jurisdiction, @Nullable @QueryValue String kind,
            @Nullable @QueryValue String type, @Nullable @QueryValue String q, @Nullable @QueryValue String limit,
            @Nullable @QueryValue String cursor, @Nullable @QueryValue String significance,
            @Nullable @QueryValue String fact) {
        access.requireRead(request);
        HistoryStore.Page page = store.changes(ChangeQueryParser.parse(since, until, source, jurisdiction, kind, type, q,
                limit, cursor, significance, fact));
        boolean searched = q != null && !q.isBlank();
        List<ChangePage.Item> items = new ArrayList<>();
        for (String payload : page.payloads()) {
            DocumentChange change = EventJson.read(payload, DocumentChange.class);
            // with q, where the words are, so a reader sees why this change was found
            items.add(searched ? ChangePage.Item.searched(change, SearchMatch.find(change, q)) : ChangePage.Item.of(change));
        }
        return new ChangePage(items, page.nextCursor());
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
    @ApiResponse(responseCode = "200", description = "The change")
    @ApiResponse(responseCode = "404", description = "No such change")
    public DocumentChange change(HttpRequest<?> request, @PathVariable String changeId) {
        access.requireRead(request);
        String payload = store.change(changeId).orElseThrow(() -> Problem.notFound("no change " + clip(changeId)));
        return EventJson.read(payload, DocumentChange.class);
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
     * @param lang         the feed's language ({@code en} or {@code zh-CN}), for readers that cannot send
     *                     {@code Accept-Language}; without it, the best {@code Accept-Language} match, else English
     * @return the feed
     */
    @Get("/feeds/changes.atom")
    @Tag(name = "changes")
    @Operation(operationId = "changesFeed")
    @ApiResponse(responseCode = "200", description = "An Atom feed of the changes",
            content = @Content(mediaType = "application/atom+xml", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "400", description = "A filter or limit is invalid")
    public HttpResponse<String> feed(HttpRequest<?> request, @Nullable @QueryValue String since,
            @Nullable @QueryValue String until, @Nullable @QueryValue String source,
            @Nullable @QueryValue String jurisdiction, @Nullable @QueryValue String kind,
            @Nullable @QueryValue String type, @Nullable @QueryValue String q, @Nullable @QueryValue String limit,
            @Nullable @QueryValue String significance, @Nullable @QueryValue String fact,
            @Nullable @QueryValue String lang) {
        access.requireRead(request);
        Language language = feedLanguage(lang, request.getHeaders().get(HttpHeaders.ACCEPT_LANGUAGE));
        HistoryStore.Page page = store.changes(ChangeQueryParser.parse(since, until, source, jurisdiction, kind, type, q,
                limit, null, significance, fact));
        List<DocumentChange> changes = page.payloads().stream().map(p -> EventJson.read(p, DocumentChange.class)).toList();
        String query = request.getUri().getRawQuery();
        String self = settings.link("/feeds/changes.atom" + (query == null || query.isEmpty() ? "" : "?" + query));
        return HttpResponse.ok(ChangeFeed.render(changes, settings.publicUrl(), self, language)).contentType(ATOM)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
    }

    /** The feed's language: {@code lang} when given (400 for one policywatch does not speak), else the header's. */
    static Language feedLanguage(String lang, String acceptLanguage) {
        if (lang != null) {
            return Language.fromTag(lang).orElseThrow(() -> Problem.badRequest("lang: " + clip(lang)
                    + " is not a language of the feed; use en or zh-CN"));
        }
        return Language.fromAcceptLanguage(acceptLanguage).orElse(Language.DEFAULT);
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

    /**
     * The check of every read of one document ({@link DocumentRead} declares its answers): the read token,
     * then a well-formed {@code documentId}.
     *
     * @param access     the access rules
     * @param request    the request
     * @param documentId the path's document id
     */
    static void readDocument(Access access, HttpRequest<?> request, String documentId) {
        access.requireRead(request);
        if (!Ids.isValidDocumentId(documentId)) {
            throw Problem.badRequest("documentId must match " + Ids.DOCUMENT_ID_PATTERN);
        }
    }

    private void readDocument(HttpRequest<?> request, String documentId) {
        readDocument(access, request, documentId);
    }

    private static String clip(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
