package dev.policywatch.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.policywatch.events.ChangeKind;
import dev.policywatch.events.ChangeSummary;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.EventJson;
import dev.policywatch.events.Ids;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The history API of diff-service: {@code GET /api/changes}, {@code GET /api/changes/{changeId}},
 * {@code GET /api/documents/{documentId}/versions}. Ids must already be valid document ids (the pages
 * check them), so they go into paths as they are.
 */
@Singleton
public final class HistoryApi {

    private final ApiClient api;

    HistoryApi(ApiClient api) {
        this.api = api;
    }

    /** One page of changes, newest first. */
    public ChangePage changes(ChangeFilter filter, String cursor, int limit) {
        Map<String, String> query = new LinkedHashMap<>(filter.toQuery());
        query.put("limit", Integer.toString(limit));
        query.put("cursor", cursor);
        JsonNode page = api.get(ApiClient.Service.HISTORY, "/api/changes", query);
        try {
            List<DocumentChange> items = new ArrayList<>();
            for (JsonNode item : page.path("items")) {
                items.add(EventJson.mapper().treeToValue(item, DocumentChange.class));
            }
            JsonNode next = page.get("nextCursor");
            return new ChangePage(items, next == null || next.isNull() ? null : next.asText());
        } catch (Exception e) {
            ApiClient.warnUnreadable(e);
            throw new ApiException(ApiException.Kind.UNAVAILABLE, 200, "history",
                    "the history API answered something this page cannot read", e);
        }
    }

    /** One change. */
    public DocumentChange change(String changeId) {
        requireSafe(changeId);
        return api.get(ApiClient.Service.HISTORY, "/api/changes/" + changeId, DocumentChange.class);
    }

    /**
     * A document's lineage ({@code GET /api/documents/{id}}); {@link DocumentLineage#NONE} when the
     * history does not know the document or predates lineage.
     */
    public DocumentLineage lineage(String documentId) {
        requireSafe(documentId);
        JsonNode answer;
        try {
            answer = api.get(ApiClient.Service.HISTORY, "/api/documents/" + documentId, Map.of());
        } catch (ApiException e) {
            if (e.kind() == ApiException.Kind.NOT_FOUND) {
                return DocumentLineage.NONE;
            }
            throw e;
        }
        JsonNode p = answer.path("predecessor");
        DocumentLineage.Link predecessor = p.isObject() && text(p, "documentId") != null
                ? new DocumentLineage.Link(text(p, "documentId"), text(p, "title"), instant(text(p, "fetchedAt")),
                        text(p, "changeId"), text(p, "reason"))
                : null;
        List<DocumentLineage.Link> successors = new ArrayList<>();
        for (JsonNode n : answer.path("successors")) {
            if (text(n, "documentId") != null) {
                successors.add(new DocumentLineage.Link(text(n, "documentId"), text(n, "title"),
                        instant(text(n, "fetchedAt")), text(n, "changeId"), text(n, "reason")));
            }
        }
        return new DocumentLineage(predecessor, successors);
    }

    /**
     * A document's versions, newest first. Reads either a bare array of versions or an object with
     * {@code versions} (or {@code items}) and the document's fields: readers ignore what they do not know.
     */
    public DocumentHistory versions(String documentId) {
        requireSafe(documentId);
        JsonNode answer = api.get(ApiClient.Service.HISTORY, "/api/documents/" + documentId + "/versions", Map.of());
        JsonNode list = answer.isArray() ? answer : answer.has("versions") ? answer.get("versions") : answer.path("items");
        try {
            List<DocumentVersion> versions = new ArrayList<>();
            for (JsonNode v : list) {
                versions.add(version(v));
            }
            // Oldest first to fill in the ids of the changes that introduced each version, then newest first.
            versions.sort(Comparator.comparing(DocumentVersion::fetchedAt,
                    Comparator.nullsFirst(Comparator.naturalOrder())));
            List<DocumentVersion> withIds = new ArrayList<>();
            String previous = null;
            for (DocumentVersion v : versions) {
                String changeId = v.changeId() != null ? v.changeId() : Ids.changeId(documentId, previous, v.versionId());
                withIds.add(new DocumentVersion(v.versionId(), v.fetchedAt(), v.contentHash(), changeId, v.kind(),
                        v.summary()));
                previous = v.versionId();
            }
            Collections.reverse(withIds);
            return new DocumentHistory(documentId, text(answer, "title"), text(answer, "url"),
                    text(answer, "publisher"), text(answer, "jurisdiction"), withIds);
        } catch (RuntimeException e) {
            ApiClient.warnUnreadable(e);
            throw new ApiException(ApiException.Kind.UNAVAILABLE, 200, "history",
                    "the history API answered something this page cannot read", e);
        }
    }

    private static DocumentVersion version(JsonNode v) {
        String versionId = text(v, "versionId");
        if (versionId == null) {
            throw new IllegalArgumentException("a version without versionId");
        }
        ChangeSummary summary = null;
        JsonNode s = v.get("summary");
        if (s != null && s.isObject()) {
            summary = new ChangeSummary(s.path("added").asInt(), s.path("removed").asInt(), s.path("modified").asInt(),
                    s.path("renumbered").asInt(), s.path("unchanged").asInt());
        }
        String kind = text(v, "kind");
        ChangeKind changeKind = null;
        if (kind != null) {
            try {
                changeKind = ChangeKind.valueOf(kind.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                changeKind = null; // a kind newer than this UI: shown without it
            }
        }
        return new DocumentVersion(versionId, instant(text(v, "fetchedAt")), text(v, "contentHash"),
                text(v, "changeId"), changeKind, summary);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.isObject() ? node.get(field) : null;
        return value == null || value.isNull() || !value.isValueNode() ? null : value.asText();
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static void requireSafe(String id) {
        if (!Ids.isValidDocumentId(id) || id.contains("..")) {
            throw new IllegalArgumentException("not a valid id: " + id);
        }
    }
}
