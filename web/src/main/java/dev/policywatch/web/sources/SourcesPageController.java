package dev.policywatch.web.sources;

import dev.policywatch.api.sources.SourceStatus;
import dev.policywatch.web.api.CrawlerApi;
import dev.policywatch.web.page.PageText;
import dev.policywatch.web.page.Pages;
import dev.policywatch.web.WebSettings;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /sources}: the crawler's sources and how fetching them goes ({@code GET /api/sources}). */
@Controller
@Requires(property = WebSettings.ENABLED, notEquals = "false")
@ExecuteOn(TaskExecutors.BLOCKING)
final class SourcesPageController {

    private final CrawlerApi crawler;
    private final Pages pages;

    SourcesPageController(CrawlerApi crawler, Pages pages) {
        this.crawler = crawler;
        this.pages = pages;
    }

    @Get(uri = "/sources", produces = "text/html")
    HttpResponse<String> sources(HttpRequest<?> request) {
        return pages.serve(request, "what.sources", () -> {
            PageText t = pages.text(request);
            List<SourceRow> rows = crawler.sources().stream().map(s -> SourceRow.of(s, t)).toList();
            Map<String, Object> model = new HashMap<>();
            model.put("t", t);
            model.put("nav", "sources");
            model.put("sources", rows);
            model.put("counts", counts(rows, t));
            return pages.ok(request, "web/sources", model);
        });
    }

    /** "3 sources, 1 failing, 1 broken." in the reader's language. */
    private static String counts(List<SourceRow> rows, PageText t) {
        List<String> parts = new ArrayList<>();
        parts.add(t.count("count.sources", rows.size()));
        long failing = rows.stream().filter(r -> r.health().equals("failing")).count();
        long broken = rows.stream().filter(r -> r.health().equals("broken")).count();
        if (failing > 0) {
            parts.add(t.text("sources.failing", t.number(failing)));
        }
        if (broken > 0) {
            parts.add(t.text("sources.broken", t.number(broken)));
        }
        return t.text("sources.counts", t.join(parts));
    }
}
