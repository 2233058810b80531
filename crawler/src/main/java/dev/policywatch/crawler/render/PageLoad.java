package dev.policywatch.crawler.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.policywatch.crawler.fetch.FetchResult;
import dev.policywatch.net.OutboundHttp;
import dev.policywatch.net.UrlOrigin;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Renders one page in a fresh browser context of a running {@link Chromium}: every request the page
 * makes is paused ({@code Fetch.enable}, request stage) and answered by the crawler: the page itself with
 * the bytes already fetched, scripts, XHR, fetch and frames through {@link RenderRequest#network()} (the
 * crawler's fetcher: robots.txt, per-host delay, caps, address rule); everything else (images, media,
 * fonts, style sheets, beacons, web sockets…) and non-GET requests are refused. The DOM is read once the
 * load event fired and the page made no request for the settle time, within the page-load timeout.
 */
final class PageLoad {

    /** Request kinds answered; all others are refused unread. */
    private static final Set<String> ANSWERED = Set.of("Document", "Script", "XHR", "Fetch");

    private final Chromium browser;
    private final Cdp cdp;
    private final RenderRequest request;
    private final RenderSettings settings;
    private final Executor executor;
    private final long deadline;
    private final CountDownLatch loaded = new CountDownLatch(1);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong lastActivity = new AtomicLong(System.nanoTime());
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicLong bytesIn = new AtomicLong();
    private final AtomicBoolean pageServed = new AtomicBoolean();
    private final List<String> refused = Collections.synchronizedList(new ArrayList<>());
    private volatile String targetId;
    private volatile String session;

    private PageLoad(Chromium browser, RenderRequest request, RenderSettings settings, Executor executor) {
        this.browser = browser;
        this.cdp = browser.cdp();
        this.request = request;
        this.settings = settings;
        this.executor = executor;
        this.deadline = System.nanoTime() + settings.pageLoadTimeout().toNanos();
    }

    static Rendered render(Chromium browser, RenderRequest request, RenderSettings settings, Executor executor)
            throws RenderException {
        return new PageLoad(browser, request, settings, executor).run();
    }

    private Rendered run() throws RenderException {
        String context = call("Target.createBrowserContext", Cdp.params().put("disposeOnDetach", true), null)
                .path("browserContextId").asText();
        try {
            call("Browser.setDownloadBehavior", Cdp.params().put("behavior", "deny").put("browserContextId", context),
                    null);
            targetId = call("Target.createTarget", Cdp.params().put("url", "about:blank").put("browserContextId", context),
                    null).path("targetId").asText();
            session = call("Target.attachToTarget", Cdp.params().put("targetId", targetId).put("flatten", true), null)
                    .path("sessionId").asText();
            cdp.listen(session, this::onEvent);
            ObjectNode fetch = Cdp.params();
            fetch.putArray("patterns").addObject().put("urlPattern", "*").put("requestStage", "Request");
            call("Fetch.enable", fetch, session);
            call("Page.enable", Cdp.params(), session);
            JsonNode nav = call("Page.navigate", Cdp.params().put("url", request.url().toString()), session);
            if (nav.hasNonNull("errorText") && !nav.path("errorText").asText().isEmpty()) {
                throw new RenderException(RenderException.Kind.FAILED, "the browser could not load the page: "
                        + nav.path("errorText").asText(), false);
            }
            awaitLoadAndSettle();
            long length = call("Runtime.evaluate", Cdp.params().put("returnByValue", true).put("expression",
                    "document.documentElement ? document.documentElement.outerHTML.length : 0"), session)
                    .path("result").path("value").asLong();
            // each character is at least one byte: a DOM over the cap is not even read
            if (length > request.maxBytes()) {
                throw new RenderException(RenderException.Kind.TOO_LARGE, "the rendered page has " + length
                        + " characters, over the cap of " + request.maxBytes() + " bytes", false);
            }
            JsonNode html = call("Runtime.evaluate", Cdp.params().put("returnByValue", true)
                    .put("expression", "document.documentElement ? document.documentElement.outerHTML : ''"), session)
                    .path("result");
            return new Rendered(html.path("value").asText(""), requests.get(), refused);
        } finally {
            if (session != null) {
                cdp.unlisten(session);
            }
            cleanup("Target.disposeBrowserContext", Cdp.params().put("browserContextId", context));
        }
    }

    private void awaitLoadAndSettle() throws RenderException {
        try {
            if (!loaded.await(remainingNanos(), TimeUnit.NANOSECONDS)) {
                // its renderer may still be busy (a script in an endless loop): that browser is not used again
                throw new RenderException(RenderException.Kind.TIMEOUT, "the page did not finish loading within "
                        + settings.pageLoadTimeout().toMillis() + " ms (policywatch.crawler.render.page-load-timeout)",
                        true);
            }
            long settle = settings.settle().toNanos();
            // settled: nothing in flight and no request for the settle time; at the deadline the DOM is read as it is
            while (remainingNanos() > 0) {
                long quiet = System.nanoTime() - lastActivity.get();
                if (inFlight.get() == 0 && quiet >= settle) {
                    return;
                }
                TimeUnit.NANOSECONDS.sleep(Math.min(remainingNanos(), Math.max(10_000_000L, settle - quiet)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RenderException(RenderException.Kind.FAILED, "interrupted while the page loaded", false);
        }
    }

    private long remainingNanos() {
        return Math.max(0, deadline - System.nanoTime());
    }

    private JsonNode call(String method, ObjectNode params, String sessionId) throws RenderException {
        long left = remainingNanos();
        if (left <= 0) {
            throw new RenderException(RenderException.Kind.TIMEOUT, "the page was not rendered within "
                    + settings.pageLoadTimeout().toMillis() + " ms (policywatch.crawler.render.page-load-timeout)",
                    true);
        }
        try {
            return cdp.call(method, params, sessionId, Duration.ofNanos(left));
        } catch (Cdp.CdpException e) {
            // a browser that does not answer in time (a page in an endless loop) is not trusted again
            throw new RenderException(RenderException.Kind.FAILED, "the browser failed: " + e.getMessage(),
                    !browser.healthy() || e.getMessage().contains("no answer"));
        }
    }

    private void cleanup(String method, ObjectNode params) {
        try {
            cdp.call(method, params, null, Duration.ofSeconds(5));
        } catch (Cdp.CdpException e) {
            // the pool closes a browser that no longer answers
        }
    }

    private void onEvent(Cdp.Event event) {
        switch (event.method()) {
            case "Page.loadEventFired" -> loaded.countDown();
            case "Fetch.requestPaused" -> {
                inFlight.incrementAndGet();
                lastActivity.set(System.nanoTime());
                try {
                    executor.execute(() -> {
                        try {
                            answer(event.params());
                        } finally {
                            lastActivity.set(System.nanoTime());
                            inFlight.decrementAndGet();
                        }
                    });
                } catch (RejectedExecutionException e) {
                    inFlight.decrementAndGet();
                    fail(event.params().path("requestId").asText(), "Failed");
                }
            }
            case "Page.javascriptDialogOpening" ->
                    cdp.send("Page.handleJavaScriptDialog", Cdp.params().put("accept", false), session);
            default -> {
                // other events are not needed
            }
        }
    }

    /** Answers one paused request. */
    private void answer(JsonNode paused) {
        String id = paused.path("requestId").asText();
        String type = paused.path("resourceType").asText("Other");
        String method = paused.path("request").path("method").asText("GET").toUpperCase(Locale.ROOT);
        URI url;
        try {
            url = URI.create(paused.path("request").path("url").asText());
        } catch (IllegalArgumentException e) {
            refuse(id, paused.path("request").path("url").asText(), "not a valid URL", "BlockedByClient");
            return;
        }
        if (type.equals("Document") && paused.path("frameId").asText().equals(targetId)
                && sameDocument(url, request.url()) && pageServed.compareAndSet(false, true)) {
            // the page itself: the crawler fetched it already, under all its rules
            fulfill(id, 200, request.contentType(), request.body());
            return;
        }
        requests.incrementAndGet();
        if (!ANSWERED.contains(type)) {
            fail(id, "BlockedByClient"); // images, fonts, media, style sheets, beacons… are not needed for the text
            return;
        }
        if (!method.equals("GET")) {
            refuse(id, url.toString(), method + " requests of a page are not sent (only GET)", "BlockedByClient");
            return;
        }
        if (requests.get() > settings.maxRequests()) {
            refuse(id, url.toString(), "over the " + settings.maxRequests() + " requests a page may make "
                    + "(policywatch.crawler.render.max-requests)", "BlockedByClient");
            return;
        }
        FetchResult result = request.network().fetch(url);
        if (result instanceof FetchResult.Fetched f) {
            if (bytesIn.addAndGet(f.body().length) > request.maxBytes()) {
                refuse(id, url.toString(), "the page's requests brought more than " + request.maxBytes() + " bytes",
                        "BlockedByClient");
                return;
            }
            fulfill(id, f.status(), f.contentType(), f.body());
        } else if (result instanceof FetchResult.Failed failed) {
            if (failed.kind() == FetchResult.Kind.HTTP_STATUS && failed.status() >= 400) {
                fulfill(id, failed.status(), "text/plain", new byte[0]);
                return;
            }
            boolean refusal = failed.kind() == FetchResult.Kind.REFUSED_URL || failed.kind() == FetchResult.Kind.ROBOTS;
            if (refusal) {
                refuse(id, url.toString(), failed.reason(), "AccessDenied");
            } else {
                fail(id, failed.kind() == FetchResult.Kind.TIMEOUT || failed.kind() == FetchResult.Kind.TOO_SLOW
                        ? "TimedOut" : "Failed");
            }
        } else {
            fail(id, "Failed"); // a 304 cannot happen: the page's requests carry no validators
        }
    }

    private static boolean sameDocument(URI a, URI b) {
        return stripFragment(a).equals(stripFragment(b));
    }

    private static String stripFragment(URI u) {
        String s = u.toString();
        int hash = s.indexOf('#');
        return hash < 0 ? s : s.substring(0, hash);
    }

    private void fulfill(String id, int status, String contentType, byte[] body) {
        ObjectNode p = Cdp.params().put("requestId", id).put("responseCode", status);
        ArrayNode headers = p.putArray("responseHeaders");
        headers.addObject().put("name", "Content-Type").put("value", contentType == null ? "application/octet-stream"
                : contentType);
        // the page may read what the crawler fetched for it from another origin (nothing secret is in this browser)
        headers.addObject().put("name", "Access-Control-Allow-Origin").put("value", origin(request.url()));
        headers.addObject().put("name", "Access-Control-Allow-Credentials").put("value", "true");
        headers.addObject().put("name", "Cache-Control").put("value", "no-store");
        p.put("body", Base64.getEncoder().encodeToString(body));
        cdp.send("Fetch.fulfillRequest", p, session);
    }

    private void refuse(String id, String url, String reason, String errorReason) {
        refused.add(OutboundHttp.clip(URI.create(url.isEmpty() ? "about:blank" : safe(url))) + ": " + reason);
        fail(id, errorReason);
    }

    private static String safe(String url) {
        try {
            return URI.create(url).toString();
        } catch (IllegalArgumentException e) {
            return "about:invalid";
        }
    }

    private void fail(String id, String errorReason) {
        cdp.send("Fetch.failRequest", Cdp.params().put("requestId", id).put("errorReason", errorReason), session);
    }

    private static String origin(URI url) {
        UrlOrigin o = UrlOrigin.of(url);
        return o.toString();
    }
}
