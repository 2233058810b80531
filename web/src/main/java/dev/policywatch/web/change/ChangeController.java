package dev.policywatch.web.change;

import dev.policywatch.events.ChangeKind;
import dev.policywatch.events.DocumentChange;
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
import java.util.Map;

/** {@code GET /changes/{changeId}}: one change with its provision diffs, from {@code GET /api/changes/{changeId}}. */
@Controller
@Requires(property = WebSettings.ENABLED, notEquals = "false")
@ExecuteOn(TaskExecutors.BLOCKING)
final class ChangeController {

    private final HistoryApi history;
    private final Pages pages;

    ChangeController(HistoryApi history, Pages pages) {
        this.history = history;
        this.pages = pages;
    }

    @Get(uri = "/changes/{changeId}", produces = "text/html")
    HttpResponse<String> change(HttpRequest<?> request, @PathVariable String changeId) {
        return pages.serve(request, "what.change", () -> {
            if (!HistoryApi.isSafeId(changeId)) {
                throw PageException.notFound("error.noSuchChange");
            }
            DocumentChange c = history.change(changeId);
            PageText t = pages.text(request);
            Map<String, Object> model = new HashMap<>();
            model.put("t", t);
            model.put("nav", "");
            model.put("c", c);
            model.put("title", c.title() == null || c.title().isBlank() ? c.documentId() : c.title());
            model.put("lang", Formats.lang(c.language()));
            model.put("kindLabel", t.text("kind." + c.kind().name()));
            model.put("kindClass", c.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            model.put("detectedAt", t.time(c.detectedAt()));
            model.put("detectedIso", Formats.iso(c.detectedAt()));
            model.put("fromAt", c.fromVersion() == null ? null : t.time(c.fromVersion().fetchedAt()));
            model.put("toAt", t.time(c.toVersion().fetchedAt()));
            model.put("sourceHref", Formats.safeHref(c.url()));
            model.put("documentHref", "/documents/" + c.documentId());
            model.put("summary", t.summary(c.summary()));
            model.put("unchanged", c.summary().unchanged());
            model.put("provisions", c.changes().stream().map(p -> ProvisionDiff.of(p, t)).toList());
            model.put("headline", c.kind() == ChangeKind.UPDATED ? c.summary().headline() : null);
            model.put("meaning", meaning(c, t));
            model.put("structure", c.structureChanges().stream().map(p -> ProvisionDiff.of(p, t)).toList());
            model.put("note", note(c, t));
            // a huge edit arrives truncated (docs/events.md): say so, and where the whole diff is
            model.put("truncated", Boolean.TRUE.equals(c.truncated()) ? t.text("change.truncated",
                    t.number(c.changes().size()), t.number(c.summary().total()), c.fullDiff()) : null);
            return pages.ok(request, "web/change", model);
        });
    }

    /** "3 substantive · 64 editorial", or null for a change written before meanings existed. */
    private static String meaning(DocumentChange c, PageText t) {
        int s = c.summary().substantive();
        int e = c.summary().editorial();
        return s + e == 0 ? null : t.text("change.meaning", t.number(s), t.number(e));
    }

    /**
     * What to say where the list of provision changes is empty or not the point. A new document linked to a
     * predecessor lists its provision diff against it (docs/lineage.md): no note then.
     */
    private static String note(DocumentChange c, PageText t) {
        boolean diffed = c.kind() == ChangeKind.UPDATED
                || c.kind() == ChangeKind.NEW_DOCUMENT && c.predecessor() != null;
        return diffed && !c.changes().isEmpty() ? null : t.text("change.note." + c.kind().name());
    }
}
