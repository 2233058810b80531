package dev.policywatch.crawler.check;

import dev.policywatch.crawler.CrawlerSettings;
import dev.policywatch.crawler.discover.AttachmentLinks;
import dev.policywatch.crawler.discover.LinkExtractor;
import dev.policywatch.crawler.fetch.FetchRequest;
import dev.policywatch.crawler.fetch.FetchResult;
import dev.policywatch.crawler.fetch.HttpFetcher;
import dev.policywatch.crawler.fetch.Validators;
import dev.policywatch.crawler.render.BrowserPool;
import dev.policywatch.crawler.source.Source;
import dev.policywatch.engine.Engine;
import dev.policywatch.engine.extract.ExtractOptions;
import dev.policywatch.engine.extract.ExtractedDocument;
import dev.policywatch.engine.extract.ExtractionException;
import dev.policywatch.engine.extract.Extractor;
import dev.policywatch.net.UrlOrigin;
import java.net.CookieManager;
import java.net.URI;
import java.time.Clock;
import java.util.List;

/**
 * Fetches a source once, as the crawler would (same client, robots.txt, per-host delay, caps and
 * address rule) but publishing nothing, and says what it found: for a page its title, how many
 * provisions the engine counts and which attachments it links to; for a listing, feed or JSON index
 * how many document links it holds, then the same for its first document. What an operator runs
 * before adding a source. Not thread-safe (one fetch at a time is the point).
 */
public final class SourceChecker {

    /** What one source gave. {@code problem} is null when everything could be read. */
    public record Report(String sourceId, String kind, int httpStatus, int links, URI document, String title,
            String contentType, int provisions, List<AttachmentLinks.Attachment> attachments, String problem) {

        public Report {
            attachments = attachments == null ? List.of() : List.copyOf(attachments);
        }

        public boolean ok() {
            return problem == null;
        }
    }

    private final CrawlerSettings settings;
    private final HttpFetcher fetcher;
    private final BrowserPool browsers;
    private final Engine engine = new Engine();
    private final LinkExtractor links = new LinkExtractor();
    private final AttachmentLinks attachments = new AttachmentLinks();

    public SourceChecker(CrawlerSettings settings, BrowserPool browsers) {
        this.settings = settings;
        this.fetcher = new HttpFetcher(settings, Clock.systemUTC());
        this.browsers = browsers;
    }

    public Report check(Source source) {
        CookieManager cookies = new CookieManager();
        UrlOrigin trusted = UrlOrigin.of(source.url());
        String kind = source.kind().label();
        String noBrowser = source.renderInBrowser() ? browsers.unavailable() : null;
        if (noBrowser != null) {
            return new Report(source.id(), kind, 0, 0, null, null, null, 0, List.of(), noBrowser);
        }
        if (!source.kind().isIndex()) {
            return document(source, kind, source.url(), trusted, cookies, -1, 0);
        }
        FetchResult index = fetch(source, source.url(), trusted, cookies);
        if (!(index instanceof FetchResult.Fetched f)) {
            return failed(source, kind, index, -1);
        }
        List<URI> found;
        try {
            found = links.extract(source, f.body(), f.contentType(), f.finalUrl()).links();
        } catch (RuntimeException e) {
            return new Report(source.id(), kind, f.status(), 0, null, null, null, 0, List.of(),
                    "cannot read the " + kind + " index: " + e.getMessage());
        }
        if (found.isEmpty()) {
            return new Report(source.id(), kind, f.status(), 0, null, null, null, 0, List.of(),
                    "the links selector matched no document link");
        }
        return document(source, kind, found.get(0), trusted, cookies, found.size(), f.status());
    }

    private Report document(Source source, String kind, URI url, UrlOrigin trusted, CookieManager cookies, int linkCount,
            int indexStatus) {
        FetchResult result = fetch(source, url, trusted, cookies);
        if (!(result instanceof FetchResult.Fetched f)) {
            return failed(source, kind, result, linkCount);
        }
        int status = linkCount >= 0 ? indexStatus : f.status();
        ExtractedDocument doc;
        try {
            doc = engine.extract(f.body(), f.contentType(), f.finalUrl().toString(),
                    new ExtractOptions(source.content(), source.exclude()));
        } catch (ExtractionException | IllegalArgumentException e) {
            return new Report(source.id(), kind, status, Math.max(0, linkCount), f.finalUrl(), null, null, 0, List.of(),
                    "cannot extract text: " + e.getMessage());
        }
        List<AttachmentLinks.Attachment> attached = source.attachmentLimit() > 0
                && Extractor.formatOf(f.body(), f.contentType(), f.finalUrl().toString()) == Extractor.Format.HTML
                ? attachments.find(f.body(), f.contentType(), f.finalUrl(), source.exclude(), source.attachmentLimit())
                : List.of();
        int provisions = engine.segment(doc.blocks()).provisions().size();
        String problem = doc.blocks().isEmpty() ? "no text found (check the content selector)" : null;
        return new Report(source.id(), kind, status, Math.max(0, linkCount), f.finalUrl(), doc.title(), doc.contentType(),
                provisions, attached, problem);
    }

    /** Fetches as the crawler does; a {@code render: browser} source's HTML is rendered in the browser. */
    private FetchResult fetch(Source source, URI url, UrlOrigin trusted, CookieManager cookies) {
        FetchResult result = fetcher.fetch(new FetchRequest(url, Validators.NONE, trusted, cookies));
        if (!source.renderInBrowser() || !(result instanceof FetchResult.Fetched page)) {
            return result;
        }
        return browsers.render(page, settings.maxDocumentBytes(),
                u -> fetcher.fetch(new FetchRequest(u, Validators.NONE, trusted, cookies)));
    }

    private static Report failed(Source source, String kind, FetchResult result, int linkCount) {
        int status = result instanceof FetchResult.Failed x ? x.status() : 304;
        String reason = result instanceof FetchResult.Failed x ? x.reason() : result.outcome();
        return new Report(source.id(), kind, status, Math.max(0, linkCount), null, null, null, 0, List.of(), reason);
    }
}
