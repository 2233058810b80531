package dev.policywatch.web.document;

import dev.policywatch.events.ChangeKind;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.Ids;
import dev.policywatch.web.api.ApiException;
import dev.policywatch.web.api.DocumentHistory;
import dev.policywatch.web.api.DocumentLineage;
import dev.policywatch.web.api.DocumentVersion;
import dev.policywatch.web.api.HistoryApi;
import dev.policywatch.web.page.Formats;
import dev.policywatch.web.page.PageException;
import dev.policywatch.web.page.PageText;
import dev.policywatch.web.page.Pages;
import dev.policywatch.web.WebSettings;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /documents/{documentId}}: the document's versions ({@code GET /api/documents/{id}/versions})
 * and, for its title and address, the change that introduced the newest one.
 */
@Controller
@Requires(property = WebSettings.ENABLED, notEquals = "false")
@ExecuteOn(TaskExecutors.BLOCKING)
final class DocumentController {

    private final HistoryApi history;
    private final Pages pages;

    DocumentController(HistoryApi history, Pages pages) {
        this.history = history;
        this.pages = pages;
    }

    @Get(uri = "/documents/{documentId}", produces = "text/html")
    HttpResponse<String> document(HttpRequest<?> request, @PathVariable String documentId) {
        return pages.serve(request, "what.document", () -> {
            if (!Ids.isValidDocumentId(documentId) || documentId.contains("..")) {
                throw PageException.notFound("error.noSuchDocument");
            }
            DocumentHistory doc = history.versions(documentId);
            if (doc.versions().isEmpty()) {
                throw PageException.notFound("error.noVersions");
            }
            PageText t = pages.text(request);
            DocumentChange latest = latestChange(doc.versions().get(0));
            String title = first(doc.title(), latest == null ? null : latest.title(), documentId);
            Map<String, Object> model = new HashMap<>();
            model.put("t", t);
            model.put("nav", "");
            model.put("documentId", documentId);
            model.put("title", title);
            model.put("lang", latest == null ? null : Formats.lang(latest.language()));
            model.put("url", first(doc.url(), latest == null ? null : latest.url(), null));
            model.put("sourceHref", Formats.safeHref(first(doc.url(), latest == null ? null : latest.url(), null)));
            model.put("publisher", first(doc.publisher(), latest == null ? null : latest.publisher(), null));
            model.put("jurisdiction", first(doc.jurisdiction(), latest == null ? null : latest.jurisdiction(), null));
            model.put("source", latest == null ? null
                    : first(latest.sourceName(), latest.sourceId(), null));
            model.put("sourceLink", latest == null ? null : "/?source="
                    + java.net.URLEncoder.encode(latest.sourceId(), java.nio.charset.StandardCharsets.UTF_8));
            model.put("versions", rows(doc.versions(), t));
            DocumentLineage lineage = history.lineage(documentId);
            model.put("predecessor", lineage.predecessor() == null ? null : link(lineage.predecessor(), t));
            model.put("successors", lineage.successors().stream().map(l -> link(l, t)).toList());
            return pages.ok(request, "web/document", model);
        });
    }

    /** A linked document as the page shows it: its page, title, the date of its linked version, the change comparing the two. */
    public record LineageLink(String href, String title, String date, String dateIso, String changeHref, String reason) {
    }

    private static LineageLink link(DocumentLineage.Link l, PageText t) {
        return new LineageLink("/documents/" + l.documentId(), l.title() == null ? l.documentId() : l.title(),
                t.date(l.fetchedAt()),
                l.fetchedAt() == null ? null : Formats.iso(l.fetchedAt()),
                l.changeId() == null ? null : "/changes/" + l.changeId(), l.reason());
    }

    /** One row of the versions table. */
    public record VersionRow(String versionId, String fetchedAt, String fetchedIso, String changeHref, String what,
            boolean latest) {
    }

    private static List<VersionRow> rows(List<DocumentVersion> versions, PageText t) {
        int n = versions.size();
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> {
            DocumentVersion v = versions.get(i);
            return new VersionRow(v.versionId(), t.time(v.fetchedAt()), Formats.iso(v.fetchedAt()),
                    v.changeId() == null ? null : "/changes/" + v.changeId(), what(v, i == n - 1, t), i == 0);
        }).toList();
    }

    private static String what(DocumentVersion v, boolean oldest, PageText t) {
        if (v.kind() == ChangeKind.BASELINE || v.kind() == null && oldest) {
            return t.text("document.what.BASELINE");
        }
        if (v.kind() == ChangeKind.NEW_DOCUMENT || v.kind() == ChangeKind.REMOVED) {
            return t.text("document.what." + v.kind().name());
        }
        return v.summary() == null ? t.text("kind.UPDATED") : t.summary(v.summary());
    }

    private DocumentChange latestChange(DocumentVersion newest) {
        if (newest.changeId() == null) {
            return null;
        }
        try {
            return history.change(newest.changeId());
        } catch (ApiException e) {
            if (e.kind() == ApiException.Kind.UNAVAILABLE) {
                throw e;
            }
            return null; // the versions are there; the page does without the title
        }
    }

    private static String first(String a, String b, String fallback) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b != null && !b.isBlank() ? b : fallback;
    }
}
