package dev.policywatch.web.document;

import dev.policywatch.api.history.DocumentDetail;
import dev.policywatch.api.history.DocumentSummary;
import dev.policywatch.api.history.VersionList;
import dev.policywatch.events.ChangeKind;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.Predecessor;
import dev.policywatch.web.api.ApiException;
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
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /documents/{documentId}}: the document's versions ({@code GET /api/documents/{id}/versions}),
 * its lineage ({@code GET /api/documents/{id}}) and, for its title and address, the change that
 * introduced the newest version; the form comparing any two versions of its lineage ({@link LineageVersions})
 * and a link to each version's text ({@link VersionPagesController}).
 */
@Controller
@Requires(property = WebSettings.ENABLED, notEquals = "false")
@ExecuteOn(TaskExecutors.BLOCKING)
final class DocumentPageController {

    private final HistoryApi history;
    private final Pages pages;

    DocumentPageController(HistoryApi history, Pages pages) {
        this.history = history;
        this.pages = pages;
    }

    @Get(uri = "/documents/{documentId}", produces = "text/html")
    HttpResponse<String> document(HttpRequest<?> request, @PathVariable String documentId) {
        return pages.serve(request, "what.document", () -> {
            if (!HistoryApi.isSafeId(documentId)) {
                throw PageException.notFound("error.noSuchDocument");
            }
            List<VersionList.Item> versions = history.versions(documentId);
            if (versions.isEmpty()) {
                throw PageException.notFound("error.noVersions");
            }
            PageText t = pages.text(request);
            DocumentChange latest = latestChange(versions.get(0));
            DocumentDetail detail = history.document(documentId).orElse(null);
            DocumentSummary doc = detail == null ? null : detail.document();
            String title = first(doc == null ? null : doc.title(), latest == null ? null : latest.title(), documentId);
            String url = first(doc == null ? null : doc.url(), latest == null ? null : latest.url(), null);
            Map<String, Object> model = new HashMap<>();
            model.put("t", t);
            model.put("nav", "");
            model.put("documentId", documentId);
            model.put("title", title);
            model.put("lang", latest == null ? null : Formats.lang(latest.language()));
            model.put("url", url);
            model.put("sourceHref", Formats.safeHref(url));
            model.put("publisher", first(doc == null ? null : doc.publisher(), latest == null ? null : latest.publisher(), null));
            model.put("jurisdiction", first(doc == null ? null : doc.jurisdiction(),
                    latest == null ? null : latest.jurisdiction(), null));
            model.put("source", latest == null ? null
                    : first(latest.sourceName(), latest.sourceId(), null));
            model.put("sourceLink", latest == null ? null : "/?source="
                    + java.net.URLEncoder.encode(latest.sourceId(), java.nio.charset.StandardCharsets.UTF_8));
            model.put("versions", rows(documentId, versions, t));
            DocumentDetail.PredecessorLink p = detail == null ? null : detail.predecessor();
            model.put("predecessor", p == null ? null : link(p.link().documentId(), p.link().title(),
                    p.link().fetchedAt(), p.changeId(), reason(p.link().reasonCode(), p.link().identifier(),
                            p.link().note(), p.link().similarity(), p.link().reason(), t), t));
            model.put("successors", detail == null ? List.of() : detail.successors().stream()
                    .map(n -> link(n.documentId(), n.title(), n.fetchedAt(), n.changeId(), reason(n.reasonCode(),
                            n.identifier(), n.note(), n.similarity(), n.reason(), t), t)).toList());
            model.put("compare", LineageVersions.of(history, documentId, title, detail, versions, t));
            return pages.ok(request, "web/document", model);
        });
    }

    /**
     * A linked document as the page shows it: its page, title, the date of its linked version, the change
     * comparing the two, and why they were linked.
     */
    public record LineageLink(String href, String title, String date, String dateIso, String changeHref, Reason reason) {
    }

    /** Why two documents were linked, in the reader's words ({@code lang} null), else the history's English prose. */
    public record Reason(String text, String lang) {
    }

    /**
     * The reason of a link in the reader's language, from its code and parameters (the shared identifier,
     * the administrator's note, the alignment); the English prose, marked {@code lang="en"}, for a code
     * this page does not know; null when there is neither.
     */
    static Reason reason(Predecessor.Basis code, String identifier, String note, double similarity, String prose,
            PageText t) {
        if (code == null || !t.has("lineage.reason." + code.name())) {
            return prose == null || prose.isBlank() ? null : new Reason(prose, "en");
        }
        String named = identifier;
        int colon = identifier == null ? -1 : identifier.indexOf(':');
        if (colon > 0 && t.has("lineage.identifier." + identifier.substring(0, colon))) {
            named = t.text("lineage.identifier." + identifier.substring(0, colon), identifier.substring(colon + 1));
        }
        String key = "lineage.reason." + code.name() + (note != null && t.has("lineage.reason." + code.name() + ".note")
                ? ".note" : "");
        return new Reason(t.text(key, named == null ? "" : named, Math.round(similarity * 100), note == null ? "" : note),
                null);
    }

    private static LineageLink link(String documentId, String title, Instant fetchedAt, String changeId, Reason reason,
            PageText t) {
        return new LineageLink("/documents/" + documentId, title == null ? documentId : title, t.date(fetchedAt),
                fetchedAt == null ? null : Formats.iso(fetchedAt), changeId == null ? null : "/changes/" + changeId,
                reason);
    }

    /** One row of the versions table. */
    public record VersionRow(String versionId, String fetchedAt, String fetchedIso, String changeHref, String what,
            boolean latest, String textHref) {
    }

    private static List<VersionRow> rows(String documentId, List<VersionList.Item> versions, PageText t) {
        int n = versions.size();
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> {
            VersionList.Item v = versions.get(i);
            Instant fetchedAt = v.version().fetchedAt();
            return new VersionRow(v.version().versionId(), t.time(fetchedAt), Formats.iso(fetchedAt),
                    v.changeId() == null ? null : "/changes/" + v.changeId(), what(v, i == n - 1, t), i == 0,
                    "/documents/" + documentId + "/versions/" + v.version().versionId());
        }).toList();
    }

    private static String what(VersionList.Item v, boolean oldest, PageText t) {
        if (v.kind() == ChangeKind.BASELINE || v.kind() == null && oldest) {
            return t.text("document.what.BASELINE");
        }
        if (v.kind() == ChangeKind.NEW_DOCUMENT || v.kind() == ChangeKind.REMOVED) {
            return t.text("document.what." + v.kind().name());
        }
        return v.summary() == null ? t.text("kind.UPDATED") : t.summary(v.summary());
    }

    private DocumentChange latestChange(VersionList.Item newest) {
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
