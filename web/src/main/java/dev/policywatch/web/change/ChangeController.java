package dev.policywatch.web.change;

import dev.policywatch.events.ChangeKind;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.Ids;
import dev.policywatch.web.api.HistoryApi;
import dev.policywatch.web.page.Formats;
import dev.policywatch.web.page.PageException;
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
        return pages.serve(request, "change", () -> {
            if (!Ids.isValidDocumentId(changeId) || changeId.contains("..")) {
                throw PageException.notFound("There is no change with that id.");
            }
            DocumentChange c = history.change(changeId);
            Map<String, Object> model = new HashMap<>();
            model.put("nav", "");
            model.put("c", c);
            model.put("title", c.title() == null || c.title().isBlank() ? c.documentId() : c.title());
            model.put("lang", Formats.lang(c.language()));
            model.put("kindLabel", kindLabel(c.kind()));
            model.put("kindClass", c.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            model.put("detectedAt", Formats.time(c.detectedAt()));
            model.put("detectedIso", Formats.iso(c.detectedAt()));
            model.put("fromAt", c.fromVersion() == null ? null : Formats.time(c.fromVersion().fetchedAt()));
            model.put("toAt", Formats.time(c.toVersion().fetchedAt()));
            model.put("sourceHref", Formats.safeHref(c.url()));
            model.put("documentHref", "/documents/" + c.documentId());
            model.put("summary", c.summary().describe());
            model.put("unchanged", c.summary().unchanged());
            boolean zh = c.language() != null && c.language().toLowerCase(java.util.Locale.ROOT).startsWith("zh");
            model.put("provisions", c.changes().stream().map(p -> ProvisionDiff.of(p, zh)).toList());
            model.put("headline", c.kind() == ChangeKind.UPDATED ? c.summary().headline() : null);
            model.put("meaning", meaning(c));
            model.put("structure", c.structureChanges().stream().map(ProvisionDiff::of).toList());
            model.put("note", note(c.kind(), c.changes().isEmpty()));
            // a huge edit arrives truncated (docs/events.md): say so, and where the whole diff is
            model.put("truncated", Boolean.TRUE.equals(c.truncated()) ? "Too large to list in full: the first "
                    + c.changes().size() + " of " + c.summary().total() + " changed provisions are shown. The whole "
                    + "diff is served by the history API at " + c.fullDiff() : null);
            return pages.ok(request, "web/change", model);
        });
    }

    /** "3 substantive · 64 editorial", or null for a change written before meanings existed. */
    private static String meaning(DocumentChange c) {
        int s = c.summary().substantive();
        int e = c.summary().editorial();
        return s + e == 0 ? null : s + " substantive · " + e + " editorial";
    }

    private static String kindLabel(ChangeKind kind) {
        return switch (kind) {
            case BASELINE -> "First version";
            case NEW_DOCUMENT -> "New document";
            case UPDATED -> "Updated";
            case REMOVED -> "Removed";
        };
    }

    /** What to say where the list of provision changes is empty or not the point. */
    private static String note(ChangeKind kind, boolean noProvisions) {
        return switch (kind) {
            case BASELINE -> "This is the first version policywatch recorded of this document. Later changes are "
                    + "compared with it.";
            case NEW_DOCUMENT -> "A newly published document. Its provisions are not listed one by one; later "
                    + "changes to it will be.";
            case REMOVED -> "The document is no longer available at its address.";
            case UPDATED -> noProvisions ? "No provision changed in this version." : null;
        };
    }
}
