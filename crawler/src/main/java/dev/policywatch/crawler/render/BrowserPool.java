package dev.policywatch.crawler.render;

import dev.policywatch.crawler.fetch.FetchResult;
import dev.policywatch.crawler.fetch.Validators;
import dev.policywatch.engine.extract.Extractor;
import dev.policywatch.net.OutboundHttp;
import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import jakarta.inject.Singleton;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The headless browsers that render {@code render: browser} sources: at most
 * {@code policywatch.crawler.render.browsers} (default 1), each rendering one page at a time, started
 * when a page needs one, closed after {@code idle-timeout} unused, after any failure that leaves it in
 * doubt, and all at shutdown (the context's close, or a JVM shutdown hook). Without Chromium at the
 * configured path nothing is started and {@link #render} answers {@link RenderException.Kind#UNAVAILABLE}.
 * Thread-safe.
 */
@Singleton
public final class BrowserPool implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BrowserPool.class);

    /** The status of a {@code render: browser} source without Chromium. */
    public static final String NEEDS_CHROMIUM = "render: browser needs chromium; install it or set render: http";

    private final RenderSettings settings;
    private final Semaphore permits;
    private final Deque<Chromium> idle = new ArrayDeque<>();
    private final List<Chromium> all = new ArrayList<>();
    private final ExecutorService requests;
    private final ScheduledExecutorService reaper;
    private final Thread shutdownHook;
    private boolean closed;

    public BrowserPool(RenderSettings settings) {
        this.settings = settings;
        this.permits = new Semaphore(settings.browsers(), true);
        AtomicInteger n = new AtomicInteger();
        this.requests = Executors.newCachedThreadPool(r -> daemon(r, "render-request-" + n.incrementAndGet()));
        this.reaper = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "render-reaper"));
        long every = Math.max(1000, settings.idleTimeout().toMillis() / 2);
        reaper.scheduleWithFixedDelay(this::closeIdle, every, every, TimeUnit.MILLISECONDS);
        this.shutdownHook = new Thread(this::closeBrowsers, "render-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Why no page can be rendered, or null when Chromium is there to try. */
    public String unavailable() {
        return Files.isExecutable(settings.chromium()) ? null
                : NEEDS_CHROMIUM + " (no executable at " + settings.chromium() + ", policywatch.crawler.render.chromium)";
    }

    /** The settings in use. */
    public RenderSettings settings() {
        return settings;
    }

    /**
     * Renders the page in a browser of the pool, waiting for one to be free.
     *
     * @throws RenderException when the page could not be rendered; {@link RenderException.Kind#UNAVAILABLE}
     *                         when there is no browser to render it
     */
    public Rendered render(RenderRequest request) throws RenderException {
        String missing = unavailable();
        if (missing != null) {
            throw RenderException.unavailable(missing);
        }
        Duration wait = settings.pageLoadTimeout().multipliedBy(2).plus(settings.startTimeout());
        try {
            if (!permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new RenderException(RenderException.Kind.TIMEOUT, "no browser free within " + wait.toSeconds()
                        + " s (policywatch.crawler.render.browsers is " + settings.browsers() + ")", false);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RenderException(RenderException.Kind.FAILED, "interrupted waiting for a browser", false);
        }
        Chromium browser = null;
        boolean keep = false;
        try {
            browser = take();
            Rendered rendered = PageLoad.render(browser, request, settings, requests);
            keep = browser.healthy();
            return rendered;
        } catch (RenderException e) {
            keep = browser != null && !e.browserBroken() && browser.healthy();
            throw e;
        } finally {
            if (browser != null) {
                giveBack(browser, keep);
            }
            permits.release();
        }
    }

    /**
     * The fetched page as the browser renders it: a {@link FetchResult.Fetched} whose body is the rendered DOM
     * (UTF-8 HTML, no validators: a page built in script can change while its HTML does not), or a
     * {@link FetchResult.Failed} saying why not ({@code render-unavailable}, {@code render-error},
     * {@code timeout}, {@code too-large}). A page that is not HTML (a PDF) is returned as it is.
     *
     * @param maxBytes the largest rendered DOM, and the most the page's own requests may bring in
     * @param network  answers the page's requests (the crawler's fetcher under the source's rules)
     */
    public FetchResult render(FetchResult.Fetched page, long maxBytes, RenderRequest.Network network) {
        if (Extractor.formatOf(page.body(), page.contentType(), page.finalUrl().toString()) != Extractor.Format.HTML) {
            return page;
        }
        try {
            Rendered r = render(new RenderRequest(page.finalUrl(), page.body(), page.contentType(), maxBytes, network));
            if (!r.refused().isEmpty()) {
                LOG.info("Rendering {}: {} of the page's {} request(s) refused: {}", OutboundHttp.clip(page.finalUrl()),
                        r.refused().size(), r.requests(), r.refused());
            }
            byte[] body = ("<!DOCTYPE html>\n" + r.html()).getBytes(StandardCharsets.UTF_8);
            if (body.length > maxBytes) {
                return FetchResult.Failed.of(page.finalUrl(), page.status(), FetchResult.Kind.TOO_LARGE,
                        "the rendered page has " + body.length + " bytes, over the cap of " + maxBytes + " bytes");
            }
            return new FetchResult.Fetched(page.finalUrl(), page.status(), "text/html; charset=utf-8", body,
                    Validators.NONE, page.wireBytes());
        } catch (RenderException e) {
            FetchResult.Kind kind = switch (e.kind()) {
                case UNAVAILABLE -> FetchResult.Kind.RENDER_UNAVAILABLE;
                case TIMEOUT -> FetchResult.Kind.TOO_SLOW;
                case TOO_LARGE -> FetchResult.Kind.TOO_LARGE;
                case FAILED -> FetchResult.Kind.RENDER;
            };
            return FetchResult.Failed.of(page.finalUrl(), page.status(), kind, e.getMessage());
        }
    }

    private Chromium take() throws RenderException {
        synchronized (this) {
            if (closed) {
                throw new RenderException(RenderException.Kind.UNAVAILABLE, "the crawler is shutting down", false);
            }
            while (!idle.isEmpty()) {
                Chromium c = idle.pollFirst();
                if (c.healthy()) {
                    return c;
                }
                all.remove(c);
                c.close();
            }
        }
        Chromium started = Chromium.start(settings.chromium(), settings.startTimeout());
        synchronized (this) {
            if (closed) {
                started.close();
                throw new RenderException(RenderException.Kind.UNAVAILABLE, "the crawler is shutting down", false);
            }
            all.add(started);
        }
        LOG.info("Started a headless browser for rendering ({} running)", running());
        return started;
    }

    private void giveBack(Chromium browser, boolean keep) {
        browser.used();
        synchronized (this) {
            if (keep && !closed) {
                idle.addFirst(browser);
                return;
            }
            all.remove(browser);
        }
        browser.close();
    }

    private void closeIdle() {
        List<Chromium> stale = new ArrayList<>();
        synchronized (this) {
            idle.removeIf(c -> {
                if (c.idle().compareTo(settings.idleTimeout()) >= 0 || !c.healthy()) {
                    stale.add(c);
                    return true;
                }
                return false;
            });
            all.removeAll(stale);
        }
        stale.forEach(Chromium::close);
    }

    /** Browsers running now. */
    public synchronized int running() {
        return all.size();
    }

    /** Every process of every browser running now (for tests and diagnostics). */
    public synchronized List<ProcessHandle> processes() {
        List<ProcessHandle> out = new ArrayList<>();
        all.forEach(c -> out.addAll(c.processTree()));
        return out;
    }

    private void closeBrowsers() {
        List<Chromium> toClose;
        synchronized (this) {
            closed = true;
            toClose = new ArrayList<>(all);
            all.clear();
            idle.clear();
        }
        toClose.forEach(Chromium::close);
    }

    @Override
    @PreDestroy
    public void close() {
        closeBrowsers();
        reaper.shutdownNow();
        requests.shutdownNow();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs anyway
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
