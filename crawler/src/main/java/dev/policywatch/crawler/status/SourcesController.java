package dev.policywatch.crawler.status;

import dev.policywatch.crawler.Crawler;
import dev.policywatch.crawler.publish.DriftGuard;
import dev.policywatch.crawler.schedule.CrawlScheduler;
import dev.policywatch.crawler.source.Source;
import dev.policywatch.crawler.source.SourceCatalog;
import dev.policywatch.support.Access;
import dev.policywatch.support.Problem;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import java.util.List;
import java.util.Map;

/**
 * The crawler's HTTP API (CONTRACT §4): {@code GET /api/sources}, {@code GET /api/sources/{id}},
 * {@code POST /api/sources/{id}/crawl} (admin, 202). Additions: {@code POST /api/sources/{id}/accept}
 * (admin: publish what the drift guard holds back) and {@code POST /api/sources/reload} (admin: re-read
 * the sources file now). Thin: binds, checks access, calls the scheduler or crawler.
 */
@Controller("/api/sources")
public class SourcesController {

    private final SourceCatalog catalog;
    private final StatusBoard board;
    private final CrawlScheduler scheduler;
    private final Crawler crawler;
    private final Access access;

    public SourcesController(SourceCatalog catalog, StatusBoard board, CrawlScheduler scheduler, Crawler crawler,
            Access access) {
        this.catalog = catalog;
        this.board = board;
        this.scheduler = scheduler;
        this.crawler = crawler;
        this.access = access;
    }

    @Get
    public List<SourceStatus> list(HttpRequest<?> request) {
        access.requireRead(request);
        return catalog.sources().stream().map(this::status).toList();
    }

    @Get("/{sourceId}")
    public SourceStatus one(HttpRequest<?> request, @PathVariable String sourceId) {
        access.requireRead(request);
        return status(find(sourceId));
    }

    @Post("/{sourceId}/crawl")
    public HttpResponse<Map<String, Object>> crawl(HttpRequest<?> request, @PathVariable String sourceId) {
        access.requireAdmin(request);
        Source source = find(sourceId);
        if (!scheduler.isRunning()) {
            throw Problem.conflict("the crawler is not running (policywatch.crawler.enabled=false)");
        }
        scheduler.requestCrawl(source.id());
        return HttpResponse.accepted().body(Map.of("sourceId", source.id(), "status", "requested"));
    }

    @Post("/{sourceId}/accept")
    public Map<String, Object> accept(HttpRequest<?> request, @PathVariable String sourceId) {
        access.requireAdmin(request);
        Source source = find(sourceId);
        int published = crawler.accept(source);
        return Map.of("sourceId", source.id(), "published", published);
    }

    @Post("/reload")
    public Map<String, Object> reload(HttpRequest<?> request) {
        access.requireAdmin(request);
        boolean ok = scheduler.reloadSources();
        String error = catalog.lastError();
        if (!ok && error != null) {
            throw Problem.badRequest(error);
        }
        return Map.of("sources", catalog.sources().size(), "origin", catalog.origin());
    }

    private Source find(String sourceId) {
        return catalog.find(sourceId).orElseThrow(() -> Problem.notFound("no source with id " + sourceId));
    }

    private SourceStatus status(Source s) {
        StatusBoard.Entry e = board.view(s.id());
        List<DriftGuard.Pending> pending = crawler.drift().pendingOf(s.id());
        String brokenReason = e.brokenReason();
        if (brokenReason == null && !pending.isEmpty()) {
            brokenReason = pending.get(0).snapshot().documentId() + ": " + pending.get(0).reason();
        }
        return new SourceStatus(s.id(), s.name(), s.kind().label(), s.url().toString(), s.publisher(),
                s.jurisdiction(), s.every().toString(), e.lastFetchAt(), e.lastStatus(), e.lastOutcome(),
                e.lastChangeAt(), e.nextFetchAt(), e.lastError(), e.lastErrorAt(), brokenReason != null, brokenReason,
                crawler.publishedCount(s.id()), e.publishFailures(), e.running());
    }
}
