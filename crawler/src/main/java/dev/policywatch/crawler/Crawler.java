package dev.policywatch.crawler;

import dev.policywatch.crawler.discover.AttachmentLinks;
import dev.policywatch.crawler.discover.LinkExtractor;
import dev.policywatch.crawler.fetch.ByteBudget;
import dev.policywatch.crawler.fetch.FetchRequest;
import dev.policywatch.crawler.fetch.FetchResult;
import dev.policywatch.crawler.fetch.HttpFetcher;
import dev.policywatch.crawler.fetch.Validators;
import dev.policywatch.crawler.publish.DriftGuard;
import dev.policywatch.crawler.publish.PublishedState;
import dev.policywatch.crawler.publish.SnapshotPublisher;
import dev.policywatch.crawler.render.BrowserPool;
import dev.policywatch.crawler.source.Source;
import dev.policywatch.crawler.state.CrawlMemory;
import dev.policywatch.crawler.state.CrawlStateStore;
import dev.policywatch.crawler.status.CrawlMetrics;
import dev.policywatch.crawler.status.StatusBoard;
import dev.policywatch.engine.extract.Charsets;
import dev.policywatch.engine.extract.ExtractOptions;
import dev.policywatch.engine.extract.ExtractedDocument;
import dev.policywatch.engine.extract.ExtractionException;
import dev.policywatch.engine.extract.Extractor;
import dev.policywatch.engine.extract.UnsupportedFormatException;
import dev.policywatch.events.DocumentStatus;
import dev.policywatch.events.Ids;
import dev.policywatch.events.Origin;
import dev.policywatch.events.PageSnapshot;
import dev.policywatch.net.UrlOrigin;
import dev.policywatch.events.Block;
import jakarta.inject.Singleton;
import java.net.CookieManager;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jsoup.Jsoup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crawls one source once: fetches its page (or its index and then each linked document), extracts the
 * text, guards against selector drift and publishes a {@link PageSnapshot} for each document whose
 * content changed. Synchronous and safe to call from several threads for different sources; the
 * scheduler makes sure one source is never crawled twice at once. Logs one INFO line per crawl.
 *
 * <p>Per-document memory (validators for conditional GET, consecutive 404/410 count, the origin given
 * when first seen) and each index's validators and links are a {@link CrawlMemory} in the
 * {@link CrawlStateStore}, which keeps them in a compacted topic: after a restart the first fetch is
 * still conditional, 404 counts go on, and a link seen before the restart but not yet published keeps
 * the origin it was first given (the published hashes are rebuilt from the snapshots topic).
 *
 * <p>Attachments: when a source follows them ({@code attachments: true}, the default), the files a
 * fetched HTML document links to ({@code .pdf .doc .docx .wps .ofd}, at most {@code max-attachments})
 * are crawled right after it, each as a document of its own ({@code <parent>.<hash of its URL>},
 * titled by its link text, naming its parent), with the same politeness, robots, caps and address
 * rule as a link found on a listing. The list is remembered with the parent, so a parent answering
 * 304 still has its attachments re-checked. A format the engine does not read is skipped with a
 * warning on the source; nothing about one attachment stops the others or the crawl.
 */
@Singleton
public class Crawler {

    private static final Logger LOG = LoggerFactory.getLogger(Crawler.class);

    private final CrawlerSettings settings;
    private final CrawlClock clock;
    private final SnapshotPublisher publisher;
    private final StatusBoard board;
    private final CrawlMetrics metrics;
    private final HttpFetcher fetcher;
    private final DriftGuard drift;
    private final Extractor extractor = new Extractor();
    private final LinkExtractor linkExtractor = new LinkExtractor();
    private final AttachmentLinks attachmentLinks = new AttachmentLinks();
    private final CrawlStateStore memory;
    private final Map<String, CookieManager> jars = new ConcurrentHashMap<>();
    private final BrowserPool browsers;

    public Crawler(CrawlerSettings settings, CrawlClock clock, SnapshotPublisher publisher, StatusBoard board,
            CrawlMetrics metrics, CrawlStateStore memory, BrowserPool browsers) {
        this.settings = settings;
        this.browsers = browsers;
        this.clock = clock;
        this.publisher = publisher;
        this.board = board;
        this.metrics = metrics;
        this.memory = memory;
        this.fetcher = new HttpFetcher(settings, clock.clock());
        this.drift = new DriftGuard(settings.driftShrink(), settings.driftConfirmations());
    }

    /** The fetcher (its host gate is shared with the scheduler's dispatch). */
    public HttpFetcher fetcher() {
        return fetcher;
    }

    /** The drift guard, for status. */
    public DriftGuard drift() {
        return drift;
    }

    /** Crawls the source now, in the calling thread. */
    public CrawlReport crawl(Source source) {
        long start = System.nanoTime();
        board.started(source.id(), clock.now());
        CrawlReport report;
        try {
            String noBrowser = source.renderInBrowser() ? browsers.unavailable() : null;
            if (noBrowser != null) {
                // nothing fetched: the raw HTML of a page built in script would be published as a page without its text
                report = new CrawlReport(source.id(), CrawlOutcome.RENDER_UNAVAILABLE, 0, millis(start), 0, 0,
                        noBrowser, null);
            } else {
                report = source.kind().isIndex() ? crawlIndex(source, start) : crawlPage(source, start);
            }
        } catch (OutOfMemoryError | InternalError e) {
            // the process cannot be trusted any more: end it so a supervisor restarts it
            dev.policywatch.support.FatalErrors.fatal(e);
            throw e;
        } catch (RuntimeException e) {
            // a bug, not the web: reported in the status and logged with its stack, the scheduler goes on
            LOG.error("Crawl of source {} failed unexpectedly", source.id(), e);
            report = new CrawlReport(source.id(), CrawlOutcome.INTERNAL_ERROR, 0, millis(start), 0, 0,
                    "internal error: " + e, null);
        }
        memory.retryUnsaved();
        board.finished(report, clock.now());
        if (report.error() != null) {
            LOG.info("Crawl {}: {} HTTP {} in {} ms, {} document(s), {} published; error: {}", source.id(),
                    report.outcome(), report.httpStatus(), report.millis(), report.documents(), report.published(),
                    report.error());
        } else {
            LOG.info("Crawl {}: {} HTTP {} in {} ms, {} document(s), {} published", source.id(), report.outcome(),
                    report.httpStatus(), report.millis(), report.documents(), report.published());
        }
        return report;
    }

    /** Publishes what the drift guard holds back for the source (an admin accepted it). */
    public int accept(Source source) {
        int published = 0;
        for (PageSnapshot s : drift.accept(source.id())) {
            try {
                publisher.publish(s);
                published++;
                board.changed(source.id(), clock.now());
            } catch (SnapshotPublisher.PublishException e) {
                board.publishFailed(source.id());
                LOG.error("Accepted snapshot of {} not published: {}", s.documentId(), e.getMessage());
            }
        }
        board.clearBroken(source.id());
        LOG.info("Source {}: admin accepted {} held-back document(s)", source.id(), published);
        return published;
    }

    private CrawlReport crawlPage(Source source, long start) {
        boolean known = publisher.state().get(source.id()).isPresent();
        DocOutcome o = crawlDocument(source, source.id(), source.url(), Origin.CONFIGURED,
                UrlOrigin.of(source.url()), null);
        Tally attached = crawlAttachments(source, source.id(), Origin.CONFIGURED, known, o);
        String warning = o.warning != null ? o.warning : attached.warning();
        return new CrawlReport(source.id(), !o.published && attached.published > 0 ? CrawlOutcome.PUBLISHED : o.outcome,
                o.status, millis(start), 1 + attached.documents, (o.published ? 1 : 0) + attached.published,
                o.error != null ? o.error : attached.error, warning, o.error != null ? o.outcome : attached.errorKind,
                o.warning != null ? o.warningKind : attached.warningKind);
    }

    /** What the attachments of one or more documents came to. */
    private static final class Tally {
        int documents;
        int published;
        String error;
        CrawlOutcome errorKind;
        String warningKind;
        final List<String> warnings = new ArrayList<>();

        void add(String documentId, DocOutcome o) {
            documents++;
            published += o.published ? 1 : 0;
            if (o.error != null && error == null) {
                error = documentId + ": " + o.error;
                errorKind = o.outcome;
            }
            if (o.warning != null) {
                warningKind = warnings.isEmpty() ? o.warningKind : warningKind;
                warnings.add(documentId + ": " + o.warning);
            }
        }

        void add(Tally other) {
            documents += other.documents;
            published += other.published;
            errorKind = error != null ? errorKind : other.errorKind;
            warningKind = warnings.isEmpty() ? other.warningKind : warningKind;
            error = error != null ? error : other.error;
            warnings.addAll(other.warnings);
        }

        String warning() {
            return warnings.isEmpty() ? null : warnings.size() == 1 ? warnings.get(0)
                    : warnings.get(0) + " (and " + (warnings.size() - 1) + " more)";
        }
    }

    /** An attachment being crawled: the document it is attached to and its link text. */
    private record AttachmentOf(String parentDocumentId, String title) {
    }

    /**
     * Crawls the attachments the parent links to, as last extracted (now, or before a 304). Nothing is
     * followed when the parent could not be fetched this time.
     *
     * @param parentKnown whether the parent had been published before this crawl: attachments new on a
     *                    known page are {@code DISCOVERED} (alerted), those found with the page {@code BACKFILL}
     */
    private Tally crawlAttachments(Source source, String parentId, Origin parentOrigin, boolean parentKnown,
            DocOutcome parent) {
        Tally tally = new Tally();
        CrawlMemory mem = parent.memory();
        if (source.attachmentLimit() == 0 || parent.status() < 200 || parent.status() >= 400 || mem.links().isEmpty()) {
            return tally;
        }
        PublishedState state = publisher.state();
        // an attachment may be at a private address only on the source URL's own origin, like a listed document
        UrlOrigin trusted = UrlOrigin.of(source.url());
        for (URI url : mem.links().subList(0, Math.min(mem.links().size(), source.attachmentLimit()))) {
            String documentId = Ids.discoveredDocumentId(parentId, url);
            if (!Ids.isValidDocumentId(documentId)) {
                continue; // a parent id near the length limit: its attachments cannot be named
            }
            Origin origin = state.get(documentId).map(PublishedState.Entry::origin)
                    .or(() -> Optional.ofNullable(memory.get(documentId).origin()))
                    .orElse(parentKnown || parentOrigin == Origin.DISCOVERED ? Origin.DISCOVERED : Origin.BACKFILL);
            DocOutcome o = crawlDocument(source, documentId, url, origin, trusted,
                    new AttachmentOf(parentId, mem.linkTitles().get(url.toString())));
            tally.add(documentId, o);
        }
        return tally;
    }

    private CrawlReport crawlIndex(Source source, long start) {
        String key = CrawlStateStore.indexKey(source.id());
        Optional<CrawlMemory> known = memory.find(key);
        CrawlMemory index = known.orElse(CrawlMemory.NONE);
        List<URI> links;
        int status;
        CrawlOutcome indexOutcome;
        // the index's body is needed only until its links are read: its bytes go back to the budget then
        try (ByteBudget.Lease lease = fetcher.budget().lease()) {
        FetchResult result = fetch(FetchRequest.configured(source.url(), validators(source, index), jar(source), lease));
        result = rendered(source, result, UrlOrigin.of(source.url()), lease);
        indexOutcome = CrawlOutcome.of(result);
        if (result instanceof FetchResult.NotModified) {
            links = index.links();
            status = 304;
        } else if (result instanceof FetchResult.Fetched f) {
            status = f.status();
            try {
                LinkExtractor.Found found = linkExtractor.extract(source, f.body(), f.contentType(), f.finalUrl());
                int bound = source.maxDocuments() != null ? source.maxDocuments() : settings.maxDocumentsPerListing();
                links = found.links().size() > bound ? found.links().subList(0, bound) : found.links();
                if (found.links().size() > bound) {
                    LOG.warn("Source {}: {} links found, following the first {}", source.id(), found.links().size(),
                            bound);
                }
            } catch (RuntimeException e) {
                return new CrawlReport(source.id(), CrawlOutcome.BAD_CONTENT, status, millis(start), 0, 0,
                        "cannot read the " + source.kind().label() + " index: " + e.getMessage(), null);
            }
            if (links.isEmpty()) {
                // an index that suddenly lists nothing is a redesign or an error page, not "no documents"
                return new CrawlReport(source.id(), CrawlOutcome.HELD_BACK, status, millis(start), 0, 0, null,
                        "the links selector matched no document link", null,
                        DriftGuard.Suspicion.NO_DOCUMENT_LINKS.name());
            }
            memory.put(key, index.withValidators(f.validators()).withLinks(links));
        } else {
            FetchResult.Failed failed = (FetchResult.Failed) result;
            return new CrawlReport(source.id(), CrawlOutcome.of(failed), failed.status(), millis(start), 0, 0,
                    failed.reason(), null);
        }
        }
        PublishedState state = publisher.state();
        // the index's first crawl gives its links BACKFILL; a link already seen keeps its first origin
        boolean firstCrawl = known.isEmpty() && !state.anyOfSource(source.id());
        // a discovered document may be at a private address only on the listing's own origin (scheme, host, port)
        UrlOrigin listingOrigin = UrlOrigin.of(source.url());
        int published = 0;
        String error = null;
        CrawlOutcome errorKind = null;
        String warningKind = null;
        List<String> warnings = new ArrayList<>();
        Tally attachments = new Tally();
        for (URI link : links) {
            String documentId = Ids.discoveredDocumentId(source.id(), link);
            Origin origin = state.get(documentId).map(PublishedState.Entry::origin)
                    .or(() -> Optional.ofNullable(memory.get(documentId).origin()))
                    .orElse(firstCrawl ? Origin.BACKFILL : Origin.DISCOVERED);
            boolean documentKnown = state.get(documentId).isPresent();
            DocOutcome o = crawlDocument(source, documentId, link, origin, listingOrigin, null);
            Tally attached = crawlAttachments(source, documentId, origin, documentKnown, o);
            attachments.add(attached);
            published += (o.published ? 1 : 0) + attached.published;
            if (o.error != null && error == null) {
                error = documentId + ": " + o.error;
                errorKind = o.outcome;
            }
            if (o.warning != null) {
                warningKind = warnings.isEmpty() ? o.warningKind : warningKind;
                warnings.add(documentId + ": " + o.warning);
            }
        }
        warningKind = warnings.isEmpty() ? attachments.warningKind : warningKind;
        warnings.addAll(attachments.warnings);
        errorKind = error != null ? errorKind : attachments.errorKind;
        error = error != null ? error : attachments.error;
        String warning = warnings.isEmpty() ? null : warnings.size() == 1 ? warnings.get(0)
                : warnings.get(0) + " (and " + (warnings.size() - 1) + " more)";
        return new CrawlReport(source.id(), published > 0 ? CrawlOutcome.PUBLISHED : indexOutcome, status, millis(start),
                links.size() + attachments.documents, published, error, warning, errorKind, warningKind);
    }

    /** What one document came to; {@code warningKind} says what its warning is about, as a code. */
    private record DocOutcome(CrawlOutcome outcome, int status, boolean published, String error, String warning,
            CrawlMemory memory, String warningKind) {

        /** An outcome whose warning, if any, is named by the outcome (an attachment skipped: UNSUPPORTED_FORMAT). */
        DocOutcome(CrawlOutcome outcome, int status, boolean published, String error, String warning, CrawlMemory memory) {
            this(outcome, status, published, error, warning, memory, warning == null ? null : outcome.name());
        }
    }

    /** Crawls one document and keeps (and writes) its memory afterwards, whatever happened. */
    private DocOutcome crawlDocument(Source source, String documentId, URI url, Origin origin,
            UrlOrigin trusted, AttachmentOf attachment) {
        CrawlMemory mem = memory.get(documentId).withFirstOrigin(origin);
        DocOutcome o;
        // the body's bytes stay charged to the memory budget until its text is published or dropped
        try (ByteBudget.Lease lease = fetcher.budget().lease()) {
            o = crawlDocument(source, documentId, url, origin, trusted, mem, lease, attachment);
        }
        memory.put(documentId, o.memory());
        return o;
    }

    private DocOutcome crawlDocument(Source source, String documentId, URI url, Origin origin,
            UrlOrigin trusted, CrawlMemory mem, ByteBudget.Lease lease, AttachmentOf attachment) {
        FetchResult result = fetch(new FetchRequest(url, attachment != null ? mem.validators() : validators(source, mem),
                trusted, jar(source), lease));
        if (attachment == null) {
            result = rendered(source, result, trusted, lease);
        }
        Optional<PublishedState.Entry> previous = publisher.state().get(documentId);
        if (result instanceof FetchResult.NotModified) {
            return new DocOutcome(CrawlOutcome.NOT_MODIFIED, 304, false, null, null, mem.withGoneCount(0));
        }
        if (result instanceof FetchResult.Failed failed) {
            if (!failed.saysGone()) {
                return new DocOutcome(CrawlOutcome.of(failed), failed.status(), false, failed.reason(), null, mem);
            }
            int count = mem.goneCount() + 1;
            mem = mem.withGoneCount(count);
            boolean wasPresent = previous.isPresent() && previous.get().status() == DocumentStatus.PRESENT;
            if (previous.isPresent() && previous.get().status() == DocumentStatus.GONE) {
                return new DocOutcome(CrawlOutcome.of(failed), failed.status(), false, failed.reason()
                        + " (already reported gone)", null, mem);
            }
            if (count < settings.goneAfter() || !wasPresent) {
                return new DocOutcome(CrawlOutcome.of(failed), failed.status(), false, failed.reason() + " (" + count + " of "
                        + settings.goneAfter() + " before the document counts as gone)", null, mem);
            }
            drift.forget(documentId);
            PageSnapshot gone = PageSnapshot.gone(documentId, source.id(), source.name(), source.publisher(),
                    source.jurisdiction(), url.toString(), clock.now(), null, previous.get().origin());
            return publish(source, gone, CrawlOutcome.GONE, failed.status(), mem, mem);
        }
        FetchResult.Fetched fetched = (FetchResult.Fetched) result;
        mem = mem.withGoneCount(0);
        long allowance = fetched.body().length * CrawlerSettings.EXTRACTION_OVERHEAD;
        if (!lease.couldHold(allowance)) {
            return tooLarge(source, documentId, fetched.status(), "document of " + fetched.body().length
                    + " bytes needs about " + (fetched.body().length + allowance) + " bytes of memory to extract, over "
                    + "the crawler's memory budget of " + fetcher.budget().capacity()
                    + " bytes (policywatch.crawler.memory-budget)", mem);
        }
        try {
            if (!lease.take(allowance, settings.totalTimeout())) {
                return new DocOutcome(CrawlOutcome.MEMORY_BUSY, fetched.status(), false, "the crawler's memory budget is in use "
                        + "by other crawls: extraction postponed to the next crawl", null, mem);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DocOutcome(CrawlOutcome.MEMORY_BUSY, fetched.status(), false, "interrupted", null, mem);
        }
        // parsed here, before extraction, so the two parses' garbage never overlaps with the snapshot
        boolean selectorMatched = attachment != null || selectorMatched(source, fetched);
        if (attachment == null) {
            mem = withAttachmentLinks(source, fetched, mem);
        }
        // the source's selectors are about its pages: an attachment (even one that is really HTML) is read whole
        ExtractOptions options = attachment != null ? ExtractOptions.NONE
                : new ExtractOptions(source.content(), source.exclude());
        ExtractedDocument doc;
        try {
            doc = extractor.extract(fetched.body(), fetched.contentType(), fetched.finalUrl().toString(), options);
        } catch (UnsupportedFormatException e) {
            if (attachment != null) {
                // a linked spreadsheet or image is not a crawl error: said on the source, skipped, asked again next time
                return new DocOutcome(CrawlOutcome.UNSUPPORTED_FORMAT, fetched.status(), false, null,
                        "attachment skipped: " + e.getMessage(), mem);
            }
            return new DocOutcome(CrawlOutcome.EXTRACTION_ERROR, fetched.status(), false, "cannot extract text: " + e.getMessage(),
                    null, mem);
        } catch (ExtractionException | IllegalArgumentException e) {
            return new DocOutcome(CrawlOutcome.EXTRACTION_ERROR, fetched.status(), false, "cannot extract text: " + e.getMessage(),
                    null, mem);
        }
        if (doc.blocks().isEmpty() && previous.isEmpty()) {
            return new DocOutcome(CrawlOutcome.EXTRACTION_ERROR, fetched.status(), false, "no text found in the document", null,
                    mem);
        }
        long textBytes = utf8Length(doc);
        if (textBytes > settings.maxSnapshotBytes()) {
            // the serialized snapshot is at least its text: it could never be published, so it is not built
            return tooLarge(source, documentId, fetched.status(), "document text of " + textBytes
                    + " bytes is over the " + settings.maxSnapshotBytes() + " bytes a snapshot may carry", mem);
        }
        String title = attachment != null && attachment.title() != null ? attachment.title() : doc.title();
        PageSnapshot snapshot = PageSnapshot.present(documentId, source.id(), source.name(), source.publisher(),
                source.jurisdiction(), fetched.finalUrl().toString(), clock.now(), doc.contentType(), title,
                doc.language(), origin, doc.blocks());
        if (attachment != null) {
            snapshot = snapshot.withParent(attachment.parentDocumentId());
        }
        // a new title with the same text is a change too ("（征求意见稿）" removed outside the content selector)
        if (previous.isPresent() && previous.get().sameAs(snapshot)) {
            drift.forget(documentId);
            return new DocOutcome(CrawlOutcome.UNCHANGED, fetched.status(), false, null, null,
                    mem.withValidators(fetched.validators()));
        }
        int previousLength = previous.filter(p -> p.status() == DocumentStatus.PRESENT)
                .map(PublishedState.Entry::textLength).orElse(-1);
        DriftGuard.Verdict verdict = drift.assess(snapshot, selectorMatched, previousLength);
        if (!verdict.publish()) {
            // validators are not kept: the next fetch must see the body again to confirm or clear it
            LOG.warn("Source {} looks broken, document {} not published: {}", source.id(), documentId,
                    verdict.warning());
            return new DocOutcome(CrawlOutcome.HELD_BACK, fetched.status(), false, null, verdict.warning(), mem,
                    verdict.suspicion().name());
        }
        if (verdict.warning() != null) {
            LOG.warn("Source {} document {}: {}", source.id(), documentId, verdict.warning());
        }
        return publish(source, snapshot, CrawlOutcome.PUBLISHED, fetched.status(), mem.withValidators(fetched.validators()), mem);
    }

    /**
     * The validators to send: none for a page rendered in the browser (its script may fetch new text while
     * its HTML stays the same, so a 304 would hide a change).
     */
    private static Validators validators(Source source, CrawlMemory mem) {
        return source.renderInBrowser() ? Validators.NONE : mem.validators();
    }

    /**
     * For a {@code render: browser} source, the fetched HTML page as headless Chromium renders it; the page's
     * own requests go through the crawler's fetcher under the same rules as the page (robots.txt, the per-host
     * delay, the caps, and the address rule: private addresses only at {@code trusted}). The rendered DOM is
     * charged to the document's memory lease. Anything else is returned as it is.
     */
    private FetchResult rendered(Source source, FetchResult result, UrlOrigin trusted, ByteBudget.Lease lease) {
        if (!source.renderInBrowser() || !(result instanceof FetchResult.Fetched page)) {
            return result;
        }
        FetchResult out = browsers.render(page, settings.maxDocumentBytes(),
                url -> fetch(new FetchRequest(url, Validators.NONE, trusted, jar(source))));
        if (out instanceof FetchResult.Fetched r && r != page) {
            try {
                if (!lease.take(r.body().length, settings.readTimeout())) {
                    return FetchResult.Failed.of(page.finalUrl(), page.status(), FetchResult.Kind.MEMORY_BUSY,
                            "the crawler's memory budget is in use by other crawls: the rendered page is read next time");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return FetchResult.Failed.of(page.finalUrl(), page.status(), FetchResult.Kind.MEMORY_BUSY, "interrupted");
            }
        }
        return out;
    }

    /** The document's memory with the attachments its HTML links to now (none for other formats). */
    private CrawlMemory withAttachmentLinks(Source source, FetchResult.Fetched fetched, CrawlMemory mem) {
        if (source.attachmentLimit() == 0 || Extractor.formatOf(fetched.body(), fetched.contentType(),
                fetched.finalUrl().toString()) != Extractor.Format.HTML) {
            return mem.links().isEmpty() ? mem : mem.withAttachments(List.of(), Map.of());
        }
        List<URI> urls = new ArrayList<>();
        Map<String, String> titles = new LinkedHashMap<>();
        for (AttachmentLinks.Attachment a : attachmentLinks.find(fetched.body(), fetched.contentType(),
                fetched.finalUrl(), source.exclude(), source.attachmentLimit())) {
            urls.add(a.url());
            titles.put(a.url().toString(), a.title());
        }
        return mem.withAttachments(urls, titles);
    }

    /** Publishes; the document's memory becomes {@code ifPublished}, or stays {@code otherwise} on failure. */
    private DocOutcome publish(Source source, PageSnapshot snapshot, CrawlOutcome outcome, int status,
            CrawlMemory ifPublished, CrawlMemory otherwise) {
        try {
            publisher.publish(snapshot);
            board.changed(source.id(), clock.now());
            return new DocOutcome(outcome, status, true, null, null, ifPublished);
        } catch (SnapshotPublisher.SnapshotTooLargeException e) {
            drift.forget(snapshot.documentId());
            return tooLarge(source, snapshot.documentId(), status, e.getMessage(), otherwise);
        } catch (SnapshotPublisher.PublishException e) {
            // validators and published hash stay as they were: the next crawl fetches and publishes again
            board.publishFailed(source.id());
            LOG.error("Source {}: {}", source.id(), e.getMessage());
            return new DocOutcome(CrawlOutcome.PUBLISH_FAILED, status, false, e.getMessage(), null, otherwise);
        }
    }

    /** An oversized document: shown on its source as {@code too-large}, never published, validators not kept. */
    private DocOutcome tooLarge(Source source, String documentId, int status, String why, CrawlMemory mem) {
        LOG.warn("Source {} document {} not published: {}", source.id(), documentId, why);
        return new DocOutcome(CrawlOutcome.TOO_LARGE, status, false, why + ": not published", null, mem);
    }

    /** The UTF-8 size of the document's text: a lower bound of its serialized snapshot's size. */
    private static long utf8Length(ExtractedDocument doc) {
        long n = doc.title() == null ? 0 : utf8Length(doc.title());
        for (Block b : doc.blocks()) {
            n += utf8Length(b.text());
        }
        return n;
    }

    private static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return n;
    }

    private boolean selectorMatched(Source source, FetchResult.Fetched fetched) {
        if (source.content() == null
                || Extractor.formatOf(fetched.body(), fetched.contentType(), fetched.finalUrl().toString())
                != Extractor.Format.HTML) {
            return true;
        }
        String html = Charsets.decode(fetched.body(), Charsets.detect(fetched.body(), fetched.contentType(), true));
        return !Jsoup.parse(html).select(source.content()).isEmpty();
    }

    private FetchResult fetch(FetchRequest request) {
        long start = System.nanoTime();
        FetchResult result = fetcher.fetch(request);
        metrics.record(result, Duration.ofNanos(System.nanoTime() - start));
        return result;
    }

    private CookieManager jar(Source source) {
        return jars.computeIfAbsent(source.id(), k -> new CookieManager());
    }

    /** Documents of the source published at least once. */
    public long publishedCount(String sourceId) {
        return publisher.state().countOfSource(sourceId);
    }

    /** Forgets what is kept (in memory and in the state topic) for sources no longer configured. */
    public void retain(Set<String> sourceIds) {
        jars.keySet().retainAll(sourceIds);
        memory.retain(sourceIds);
    }

    private static long millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
