package dev.policywatch.web.api;

import dev.policywatch.api.history.ChangePage;
import dev.policywatch.api.history.DocumentDetail;
import dev.policywatch.api.history.DocumentDiff;
import dev.policywatch.api.history.VersionText;
import dev.policywatch.api.history.VersionList;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.Ids;
import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The history API of diff-service as the pages use it: {@code GET /api/changes},
 * {@code GET /api/changes/{changeId}}, {@code GET /api/documents/{documentId}} and its versions. Ids
 * must already be valid document ids (the pages check them), so they go into paths as they are.
 */
@Singleton
public final class HistoryApi {

    private static final String SERVICE = "history";

    private final HistoryClient client;

    HistoryApi(HistoryClient client) {
        this.client = client;
    }

    /** One page of changes, newest first. */
    public ChangePage changes(ChangeFilter filter, String cursor, int limit) {
        return ApiCalls.call(SERVICE, "GET /api/changes", () -> client.changes(filter.source(),
                filter.jurisdiction(), filter.kind() == null ? null : filter.kind().name(),
                filter.type() == null ? null : filter.type().name(), filter.q(),
                filter.significance() == null ? null : filter.significance().name(),
                filter.fact() == null ? null : filter.fact().name(), limit, cursor));
    }

    /** One change. */
    public DocumentChange change(String changeId) {
        requireSafe(changeId);
        return ApiCalls.call(SERVICE, "GET /api/changes/{changeId}", () -> client.change(changeId));
    }

    /** A document with its lineage; empty when the history does not know it. */
    public Optional<DocumentDetail> document(String documentId) {
        requireSafe(documentId);
        try {
            return Optional.of(ApiCalls.call(SERVICE, "GET /api/documents/{documentId}",
                    () -> client.document(documentId)));
        } catch (ApiException e) {
            if (e.kind() == ApiException.Kind.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** A document's versions, newest first. */
    public List<VersionList.Item> versions(String documentId) {
        requireSafe(documentId);
        VersionList list = ApiCalls.call(SERVICE, "GET /api/documents/{documentId}/versions",
                () -> client.versions(documentId));
        return list.items().stream().sorted(Comparator.comparing((VersionList.Item v) -> v.version().fetchedAt())
                .reversed()).toList();
    }

    /** One version's text cut into provisions. */
    public VersionText version(String documentId, String versionId) {
        requireSafe(documentId);
        requireSafe(versionId);
        return ApiCalls.call(SERVICE, "GET /api/documents/{documentId}/versions/{versionId}",
                () -> client.version(documentId, versionId));
    }

    /**
     * The provision diff from version {@code from} of {@code fromDocument} to version {@code to} of
     * {@code documentId}: two versions of one document, or across a lineage (docs/lineage.md).
     */
    public DocumentDiff diff(String fromDocument, String from, String documentId, String to) {
        requireSafe(fromDocument);
        requireSafe(from);
        requireSafe(documentId);
        requireSafe(to);
        return ApiCalls.call(SERVICE, "GET /api/documents/{documentId}/diff",
                () -> client.diff(documentId, from, to, fromDocument));
    }

    /**
     * Whether {@code id} (a document's or a change's) may go into a path of the history API: a valid id
     * ({@link Ids#isValidDocumentId}) with no {@code ..}, so no page can make the API client walk a path.
     */
    public static boolean isSafeId(String id) {
        return Ids.isValidDocumentId(id) && !id.contains("..");
    }

    static void requireSafe(String id) {
        if (!isSafeId(id)) {
            throw new IllegalArgumentException("not a valid id: " + id);
        }
    }
}
