package dev.policywatch.web.timeline;

import dev.policywatch.api.history.ChangePage;
import dev.policywatch.api.sources.SourceStatus;
import dev.policywatch.events.ChangeKind;
import dev.policywatch.events.ChangeType;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.web.WebSettings;
import dev.policywatch.web.api.ApiException;
import dev.policywatch.web.api.ChangeFilter;
import dev.policywatch.web.api.CrawlerApi;
import dev.policywatch.web.api.HistoryApi;
import dev.policywatch.web.page.PageException;
import dev.policywatch.web.page.PageText;
import dev.policywatch.web.page.Pages;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * {@code GET /}: the changes timeline. Filters go to {@code GET /api/changes} as they are; the next page
 * link carries the API's {@code nextCursor} and the same filters. The source and jurisdiction pickers
 * list the crawler's sources; when the crawler does not answer they become text fields.
 */
@Controller
@Requires(property = WebSettings.ENABLED, notEquals = "false")
@ExecuteOn(TaskExecutors.BLOCKING)
final class TimelineController {

    private static final int MAX_CURSOR = 500;

    private final HistoryApi history;
    private final CrawlerApi crawler;
    private final Pages pages;
    private final WebSettings settings;

    TimelineController(HistoryApi history, CrawlerApi crawler, Pages pages, WebSettings settings) {
        this.history = history;
        this.crawler = crawler;
        this.pages = pages;
        this.settings = settings;
    }

    @Get(uri = "/", produces = "text/html")
    HttpResponse<String> timeline(HttpRequest<?> request, @Nullable @QueryValue String source,
            @Nullable @QueryValue String jurisdiction, @Nullable @QueryValue String kind,
            @Nullable @QueryValue String type, @Nullable @QueryValue String q, @Nullable @QueryValue String cursor,
            @Nullable @QueryValue String significance, @Nullable @QueryValue String fact) {
        return pages.serve(request, "what.changes", () -> {
            PageText t = pages.text(request);
            ChangeFilter filter = ChangeFilter.parse(source, jurisdiction, kind, type, q, significance, fact);
            String at = cursor == null || cursor.isBlank() ? null : cursor.strip();
            if (at != null && at.length() > MAX_CURSOR) {
                throw PageException.badRequest("error.cursor");
            }
            ChangePage page = history.changes(filter, at, settings.pageSize());
            List<TimelineItem> items = new ArrayList<>();
            for (DocumentChange c : page.changes()) {
                items.add(TimelineItem.of(c, filter.q(), t));
            }
            Map<String, Object> model = new HashMap<>();
            model.put("t", t);
            model.put("nav", "timeline");
            model.put("items", items);
            model.put("filter", filter);
            model.put("filtered", filter.any());
            model.put("kind", filter.kind() == null ? "" : filter.kind().name());
            model.put("type", filter.type() == null ? "" : filter.type().name());
            model.put("kinds", Arrays.stream(ChangeKind.values())
                    .map(k -> new Option(k.name(), t.text(TimelineItem.kindKey(k)))).toList());
            model.put("types", Arrays.stream(ChangeType.values())
                    .map(ct -> new Option(ct.name(), t.text(typeKey(ct)))).toList());
            model.put("significance", filter.significance() == null ? "" : filter.significance().name());
            model.put("significances", Stream.of("SUBSTANTIVE", "EDITORIAL")
                    .map(v -> new Option(v, t.text("timeline.significance." + v))).toList());
            model.put("fact", filter.fact() == null ? "" : filter.fact().name());
            model.put("facts", Stream.of("FINE", "DEADLINE", "EFFECTIVE_DATE", "OBLIGATION")
                    .map(v -> new Option(v, t.text("timeline.fact." + v))).toList());
            model.put("nextHref", page.nextCursor() == null ? null : link(filter, page.nextCursor()));
            model.put("firstHref", at == null ? null : link(filter, null));
            List<SourceStatus> sources = sourcesOrNull();
            model.put("sources", sources == null ? null
                    : sources.stream().map(s -> new Option(s.id(), s.displayName())).toList());
            model.put("jurisdictions", sources == null ? null : jurisdictions(sources));
            return pages.ok(request, "web/timeline", model);
        });
    }

    /** A choice of a select: the value sent and the text shown. */
    public record Option(String value, String text) {
    }

    /** The message key of a type of provision change ({@code type.MODIFIED}). */
    public static String typeKey(ChangeType type) {
        return "type." + type.name();
    }

    private List<SourceStatus> sourcesOrNull() {
        try {
            return crawler.sources();
        } catch (ApiException e) {
            return null; // the timeline works without the pickers: free-text fields instead
        }
    }

    private static List<String> jurisdictions(List<SourceStatus> sources) {
        TreeSet<String> set = new TreeSet<>();
        for (SourceStatus s : sources) {
            if (s.jurisdiction() != null && !s.jurisdiction().isBlank()) {
                set.add(s.jurisdiction());
            }
        }
        return List.copyOf(set);
    }

    static String link(ChangeFilter filter, String cursor) {
        UriBuilder uri = UriBuilder.of("/");
        filter.toQuery().forEach(uri::queryParam);
        if (cursor != null) {
            uri.queryParam("cursor", cursor);
        }
        return uri.toString();
    }
}
