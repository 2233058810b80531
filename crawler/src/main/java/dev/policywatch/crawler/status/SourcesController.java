package dev.policywatch.crawler.status;

import dev.policywatch.api.sources.AllCrawlsRequested;
import dev.policywatch.api.sources.CrawlRequested;
import dev.policywatch.api.sources.HeldBackAccepted;
import dev.policywatch.api.sources.SourceStatus;
import dev.policywatch.api.sources.SourcesReloaded;
import dev.policywatch.crawler.Crawler;
import dev.policywatch.crawler.publish.DriftGuard;
import dev.policywatch.crawler.schedule.CrawlScheduler;
import dev.policywatch.crawler.source.Source;
import dev.policywatch.crawler.source.SourceCatalog;
import dev.policywatch.support.Access;
import dev.policywatch.support.Problem;
import dev.policywatch.support.ReadAccess;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/**
 * The crawler's HTTP API (CONTRACT §4): {@code GET /api/sources}, {@code GET /api/sources/{id}},
 * {@code POST /api/sources/{id}/crawl} (admin, 202). Additions: {@code POST /api/sources/{id}/accept}
 * (admin: publish what the drift guard holds back), {@code POST /api/sources/crawl} (admin: crawl every source
 * now) and {@code POST /api/sources/reload} (admin: re-read
 * the sources file now). Thin: binds, checks access, calls the scheduler or crawler.
 */
@Controller("/api/sources")
@Tag(name = "sources")
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

    /**
     * Every configured source with its status: last fetch time, HTTP status, last change, next fetch, last
     * error.
     *
     * @param request the request (for the read token)
     * @return the sources, in the order of the sources file
     */
    @Get
    @Operation(operationId = "listSources")
    @ApiResponse(responseCode = "200", description = "The sources and their status")
    @ReadAccess
    public List<SourceStatus> list(HttpRequest<?> request) {
        access.requireRead(request);
        return catalog.sources().stream().map(this::status).toList();
    }

    /**
     * One source and its status.
     *
     * @param request  the request (for the read token)
     * @param sourceId the source's id (from the sources file)
     * @return its status
     */
    @Get("/{sourceId}")
    @Operation(operationId = "getSource")
    @ApiResponse(responseCode = "200", description = "The source and its status")
    @ReadAccess
    @ApiResponse(responseCode = "404", description = "No source with that id")
    public SourceStatus one(HttpRequest<?> request, @PathVariable String sourceId) {
        access.requireRead(request);
        return status(find(sourceId));
    }

    /**
     * Fetches the source now (admin). A fetch that starts after this request is guaranteed, also when one is
     * already running or the host's politeness delay applies.
     *
     * @param request  the request (for the admin token)
     * @param sourceId the source's id
     * @return {@code {"sourceId": ..., "status": "requested"}}
     */
    @Post("/{sourceId}/crawl")
    @Operation(operationId = "crawlSource", summary = "Crawl a source now",
            security = @SecurityRequirement(name = "bearerAuth"))
    @ApiResponse(responseCode = "202", description = "The crawl is requested; it runs in the background",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CrawlRequested.class)))
    @ApiResponse(responseCode = "401", description = "No admin token, or admin endpoints are disabled")
    @ApiResponse(responseCode = "404", description = "No source with that id")
    @ApiResponse(responseCode = "409", description = "The crawler is not running (policywatch.crawler.enabled=false)")
    public HttpResponse<CrawlRequested> crawl(HttpRequest<?> request, @PathVariable String sourceId) {
        access.requireAdmin(request);
        Source source = find(sourceId);
        if (!scheduler.isRunning()) {
            throw Problem.conflict("the crawler is not running (policywatch.crawler.enabled=false)");
        }
        scheduler.requestCrawl(source.id());
        return HttpResponse.accepted().body(CrawlRequested.of(source.id()));
    }

    /**
     * Fetches every source now (admin): a fetch of each that starts after this request, as for one
     * source. The crawls run in the background at the crawler's {@code concurrency}, one per host at a
     * time; {@code GET /api/sources} shows their outcomes.
     *
     * @param request the request (for the admin token)
     * @return {@code {"sources": n, "status": "requested"}}
     */
    @Post("/crawl")
    @Operation(operationId = "crawlAllSources", summary = "Crawl every source now",
            security = @SecurityRequirement(name = "bearerAuth"))
    @ApiResponse(responseCode = "202", description = "The crawls are requested; they run in the background",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AllCrawlsRequested.class)))
    @ApiResponse(responseCode = "401", description = "No admin token, or admin endpoints are disabled")
    @ApiResponse(responseCode = "409", description = "The crawler is not running (policywatch.crawler.enabled=false)")
    public HttpResponse<AllCrawlsRequested> crawlAll(HttpRequest<?> request) {
        access.requireAdmin(request);
        if (!scheduler.isRunning()) {
            throw Problem.conflict("the crawler is not running (policywatch.crawler.enabled=false)");
        }
        int requested = 0;
        for (Source source : catalog.sources()) {
            if (scheduler.requestCrawl(source.id())) {
                requested++;
            }
        }
        return HttpResponse.accepted().body(AllCrawlsRequested.of(requested));
    }

    /**
     * Publishes what the drift guard holds back for this source (admin): use it when a page's structure
     * changed on purpose.
     *
     * @param request  the request (for the admin token)
     * @param sourceId the source's id
     * @return {@code {"sourceId": ..., "published": n}}
     */
    @Post("/{sourceId}/accept")
    @Operation(operationId = "acceptSource", summary = "Accept held-back content",
            security = @SecurityRequirement(name = "bearerAuth"))
    @ApiResponse(responseCode = "200", description = "The number of snapshots published")
    @ApiResponse(responseCode = "401", description = "No admin token, or admin endpoints are disabled")
    @ApiResponse(responseCode = "404", description = "No source with that id")
    public HeldBackAccepted accept(HttpRequest<?> request, @PathVariable String sourceId) {
        access.requireAdmin(request);
        Source source = find(sourceId);
        int published = crawler.accept(source);
        return new HeldBackAccepted(source.id(), published);
    }

    /**
     * Re-reads the sources file now (admin).
     *
     * @param request the request (for the admin token)
     * @return {@code {"sources": n, "origin": ...}}
     */
    @Post("/reload")
    @Operation(operationId = "reloadSources", summary = "Reload the sources file",
            security = @SecurityRequirement(name = "bearerAuth"))
    @ApiResponse(responseCode = "200", description = "The number of sources now configured, and where they come from")
    @ApiResponse(responseCode = "400", description = "The sources file is invalid; the previous sources stay")
    @ApiResponse(responseCode = "401", description = "No admin token, or admin endpoints are disabled")
    public SourcesReloaded reload(HttpRequest<?> request) {
        access.requireAdmin(request);
        boolean ok = scheduler.reloadSources();
        String error = catalog.lastError();
        if (!ok && error != null) {
            throw Problem.badRequest(error);
        }
        return new SourcesReloaded(catalog.sources().size(), catalog.origin());
    }

    private Source find(String sourceId) {
        return catalog.find(sourceId).orElseThrow(() -> Problem.notFound("no source with id " + sourceId));
    }

    private SourceStatus status(Source s) {
        StatusBoard.Entry e = board.view(s.id());
        List<DriftGuard.Pending> pending = crawler.drift().pendingOf(s.id());
        String brokenReason = e.brokenReason();
        String brokenReasonKind = e.brokenReasonKind();
        if (brokenReason == null && !pending.isEmpty()) {
            brokenReason = pending.get(0).snapshot().documentId() + ": " + pending.get(0).reason();
            brokenReasonKind = pending.get(0).suspicion() == null ? null : pending.get(0).suspicion().name();
        }
        return new SourceStatus(s.id(), s.name(), s.kind().label(), s.url().toString(), s.publisher(),
                s.jurisdiction(), s.every().toString(), e.lastFetchAt(), e.lastStatus(),
                e.lastOutcome() == null ? null : e.lastOutcome().name(),
                e.lastChangeAt(), e.nextFetchAt(), e.lastError(), e.lastErrorAt(), brokenReason != null, brokenReason,
                crawler.publishedCount(s.id()), e.publishFailures(), e.running(),
                e.lastOutcome() == null ? null : e.lastOutcome().description(),
                e.lastError() == null || e.lastErrorKind() == null ? null : e.lastErrorKind().name(),
                brokenReason == null ? null : brokenReasonKind);
    }
}
