package dev.policywatch.web.document;

import dev.policywatch.api.history.DocumentDetail;
import dev.policywatch.api.history.DocumentDiff;
import dev.policywatch.api.history.VersionText;
import dev.policywatch.events.VersionRef;
import dev.policywatch.web.WebSettings;
import dev.policywatch.web.api.HistoryApi;
import dev.policywatch.web.change.ProvisionDiff;
import dev.policywatch.web.page.Formats;
import dev.policywatch.web.page.PageException;
import dev.policywatch.web.page.PageText;
import dev.policywatch.web.page.Pages;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pages behind the document page's lineage tools (docs/lineage.md "Reading a lineage"):
 * {@code GET /documents/{id}/compare?from=doc:version&to=doc:version}, the provision diff between any two
 * versions of a lineage ({@code GET /api/documents/{to}/diff?fromDocument=}), rendered with the change
 * page's diff fragment; and {@code GET /documents/{id}/versions/{versionId}}, one version's text
 * ({@code GET /api/documents/{id}/versions/{versionId}}).
 */
@Controller
@Requires(property = WebSettings.ENABLED, notEquals = "false")
@ExecuteOn(TaskExecutors.BLOCKING)
final class VersionPagesController {

    private final HistoryApi history;
    private final Pages pages;

    VersionPagesController(HistoryApi history, Pages pages) {
        this.history = history;
        this.pages = pages;
    }

    @Get(uri = "/documents/{documentId}/compare{?from,to}", produces = "text/html")
    HttpResponse<String> compare(HttpRequest<?> request, @PathVariable String documentId,
            @Nullable @QueryValue String from, @Nullable @QueryValue String to) {
        return pages.serve(request, "what.compare", () -> {
            requireId(documentId, "error.noSuchDocument");
            String[] a = versionOf(from);
            String[] b = versionOf(to);
            DocumentDiff d = history.diff(a[0], a[1], b[0], b[1]);
            PageText t = pages.text(request);
            Optional<DocumentDetail> fromDoc = history.document(a[0]);
            Optional<DocumentDetail> toDoc = a[0].equals(b[0]) ? fromDoc : history.document(b[0]);
            Map<String, Object> model = new HashMap<>();
            model.put("t", t);
            model.put("nav", "");
            model.put("documentHref", "/documents/" + documentId);
            model.put("documentTitle", title(documentId.equals(b[0]) ? toDoc : documentId.equals(a[0]) ? fromDoc
                    : history.document(documentId), documentId));
            model.put("from", side(a[0], d.from(), fromDoc, t));
            model.put("to", side(b[0], d.to(), toDoc, t));
            model.put("lang", toDoc.map(x -> Formats.lang(x.document().language())).orElse(null));
            model.put("summary", t.summary(d.summary()));
            model.put("unchanged", d.summary().unchanged());
            model.put("provisions", d.changes().stream().map(p -> ProvisionDiff.of(p, t)).toList());
            model.put("structure", d.structureChanges().stream().map(p -> ProvisionDiff.of(p, t)).toList());
            return pages.ok(request, "web/compare", model);
        });
    }

    @Get(uri = "/documents/{documentId}/versions/{versionId}", produces = "text/html")
    HttpResponse<String> version(HttpRequest<?> request, @PathVariable String documentId,
            @PathVariable String versionId) {
        return pages.serve(request, "what.version", () -> {
            requireId(documentId, "error.noSuchDocument");
            requireId(versionId, "error.noSuchVersion");
            VersionText v = history.version(documentId, versionId);
            PageText t = pages.text(request);
            Map<String, Object> model = new HashMap<>();
            model.put("t", t);
            model.put("nav", "");
            model.put("title", v.title() == null || v.title().isBlank() ? documentId : v.title());
            model.put("lang", Formats.lang(v.language()));
            model.put("documentHref", "/documents/" + documentId);
            model.put("changeHref", v.changeId() == null ? null : "/changes/" + v.changeId());
            model.put("fetchedAt", t.time(v.version().fetchedAt()));
            model.put("fetchedIso", Formats.iso(v.version().fetchedAt()));
            model.put("versionId", versionId);
            model.put("blocks", blocks(v));
            model.put("provisionCount", v.provisions().size());
            return pages.ok(request, "web/version", model);
        });
    }

    /** One side of a comparison: the document, its title and the version's time, linking to the version's text. */
    public record Side(String documentHref, String title, String at, String iso, String textHref) {
    }

    private static Side side(String documentId, VersionRef v, Optional<DocumentDetail> doc, PageText t) {
        return new Side("/documents/" + documentId, title(doc, documentId), t.time(v.fetchedAt()),
                Formats.iso(v.fetchedAt()), "/documents/" + documentId + "/versions/" + v.versionId());
    }

    private static String title(Optional<DocumentDetail> doc, String documentId) {
        return doc.map(d -> d.document().title()).filter(s -> !s.isBlank()).orElse(documentId);
    }

    /**
     * A piece of a version's text in document order: a heading ({@code kind} "heading"), the preamble, or a
     * provision with its label, heading and text.
     */
    public record Block(String kind, String label, String title, String text, boolean retired) {
    }

    /**
     * The preamble, then each provision, each preceded by the headings (chapters, sections) it is the first
     * provision of; headings with no provision under them come last.
     */
    static List<Block> blocks(VersionText v) {
        List<Block> out = new ArrayList<>();
        List<VersionText.Structure> headings = new ArrayList<>();
        for (VersionText.Structure s : v.structure()) {
            if ("PREAMBLE".equals(s.kind())) {
                out.add(new Block("preamble", null, "", s.text(), false));
            } else if ("HEADING".equals(s.kind())) {
                headings.add(s);
            }
        }
        for (VersionText.Provision p : v.provisions()) {
            List<String> within = p.path().isEmpty() ? List.of() : p.path().subList(0, p.path().size() - 1);
            headings.removeIf(h -> {
                boolean opens = !h.path().isEmpty() && h.path().size() <= within.size()
                        && within.subList(0, h.path().size()).equals(h.path());
                if (opens) {
                    out.add(heading(h));
                }
                return opens;
            });
            out.add(new Block("provision", p.label(), p.title(), p.text(), p.retired()));
        }
        headings.forEach(h -> out.add(heading(h)));
        return out;
    }

    private static Block heading(VersionText.Structure h) {
        return new Block("heading", h.label(), h.title(), h.text(), false);
    }

    /** {@code documentId:versionId} from the compare form, or 400. */
    private static String[] versionOf(String value) {
        int colon = value == null ? -1 : value.indexOf(':');
        if (colon < 0) {
            throw PageException.badRequest("error.compare.choose");
        }
        String[] parts = {value.substring(0, colon), value.substring(colon + 1)};
        for (String id : parts) {
            if (!HistoryApi.isSafeId(id)) {
                throw PageException.badRequest("error.compare.choose");
            }
        }
        return parts;
    }

    private static void requireId(String id, String messageKey) {
        if (!HistoryApi.isSafeId(id)) {
            throw PageException.notFound(messageKey);
        }
    }
}
