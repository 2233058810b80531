package dev.policywatch.web.sources;

import dev.policywatch.web.api.CrawlerApi;
import dev.policywatch.web.page.Pages;
import dev.policywatch.web.WebSettings;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /sources}: the crawler's sources and how fetching them goes ({@code GET /api/sources}). */
@Controller
@Requires(property = WebSettings.ENABLED, notEquals = "false")
@ExecuteOn(TaskExecutors.BLOCKING)
final class SourcesController {

    private final CrawlerApi crawler;
    private final Pages pages;

    SourcesController(CrawlerApi crawler, Pages pages) {
        this.crawler = crawler;
        this.pages = pages;
    }

    @Get(uri = "/sources", produces = "text/html")
    HttpResponse<String> sources(HttpRequest<?> request) {
        return pages.serve(request, "source list", () -> {
            List<SourceRow> rows = crawler.sources().stream().map(SourceRow::of).toList();
            Map<String, Object> model = new HashMap<>();
            model.put("nav", "sources");
            model.put("sources", rows);
            model.put("broken", rows.stream().filter(r -> r.health().equals("broken")).count());
            model.put("failing", rows.stream().filter(r -> r.health().equals("failing")).count());
            return pages.ok(request, "web/sources", model);
        });
    }
}
