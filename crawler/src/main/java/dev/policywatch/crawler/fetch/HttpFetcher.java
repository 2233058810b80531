package dev.policywatch.crawler.fetch;

import dev.policywatch.crawler.CrawlerSettings;
import dev.policywatch.crawler.fetch.FetchResult.Failed;
import dev.policywatch.crawler.fetch.FetchResult.Kind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.DataFormatException;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * Fetches one URL politely and defensively, with the JDK {@link HttpClient}:
 * <ul>
 *   <li>only http/https, checked at every hop; a discovered URL only to its listing's host or to public
 *       addresses ({@link UrlGuard});</li>
 *   <li>robots.txt consulted for every hop ({@link RobotsPolicy});</li>
 *   <li>per host one request at a time and a pause between requests ({@link HostGate});</li>
 *   <li>conditional GET with the previous ETag / Last-Modified; redirects followed by hand (at most
 *       {@code max-redirects}), each hop's cookies kept in the source's jar;</li>
 *   <li>connect timeout; read timeout (headers, and silence between body chunks); total timeout per
 *       exchange, which cuts a server trickling bytes;</li>
 *   <li>body cap and decoded-size cap; gzip and deflate decoded here, also when the server sends them
 *       unasked; a truncated body is a {@link Failed} of kind {@link Kind#TOO_LARGE}, never a document;</li>
 *   <li>retries with exponential backoff on 5xx, 429 and network errors, honouring Retry-After up to
 *       {@code max-retry-after}.</li>
 * </ul>
 * Never throws for anything the network does: every outcome is a {@link FetchResult}. Thread-safe.
 */
public final class HttpFetcher {

    private static final int MAX_ERROR_TEXT = 300;

    private final CrawlerSettings settings;
    private final HttpClient client;
    private final HostGate gate;
    private final RobotsPolicy robots;

    public HttpFetcher(CrawlerSettings settings, Clock clock) {
        this.settings = settings;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.gate = new HostGate(settings.perHostDelay());
        this.robots = new RobotsPolicy(robotsAgent(settings.userAgent()), settings.robotsCacheTtl(),
                settings.robotsFailureTtl(), clock);
    }

    /** The politeness gate shared by every request of this fetcher. */
    public HostGate gate() {
        return gate;
    }

    /** The robots.txt cache. */
    public RobotsPolicy robots() {
        return robots;
    }

    /** Fetches, retrying what may succeed on a second try. */
    public FetchResult fetch(FetchRequest request) {
        int attempt = 0;
        while (true) {
            FetchResult result = fetchOnce(request);
            if (!(result instanceof Failed failed) || !failed.retryable() || attempt >= settings.maxRetries()) {
                return result;
            }
            Duration wait = failed.retryAfter() != null ? failed.retryAfter()
                    : settings.retryBackoff().multipliedBy(1L << attempt);
            if (wait.compareTo(settings.maxRetryAfter()) > 0) {
                return new Failed(failed.finalUrl(), failed.status(), failed.kind(), failed.reason()
                        + "; Retry-After " + wait.toSeconds() + " s is longer than max-retry-after, not waiting",
                        failed.retryAfter());
            }
            attempt++;
            try {
                TimeUnit.NANOSECONDS.sleep(wait.toNanos());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return failed;
            }
        }
    }

    /** One attempt: follows redirects, checks each hop, no retries. */
    FetchResult fetchOnce(FetchRequest request) {
        URI url = request.url();
        for (int hop = 0; ; hop++) {
            String refused = request.discoveredOn() == null ? UrlGuard.schemeProblem(url)
                    : UrlGuard.discoveredProblem(url, request.discoveredOn());
            if (refused != null) {
                return Failed.of(url, 0, Kind.REFUSED_URL, refused);
            }
            RobotsPolicy.Decision decision = robots.check(url, this::fetchRobots);
            if (!decision.allowed()) {
                return Failed.of(url, 0, Kind.ROBOTS, decision.reason());
            }
            Object answer = exchange(url, request.validators(), request.cookies());
            if (answer instanceof Failed f) {
                return f;
            }
            Response r = (Response) answer;
            if (isRedirect(r.status)) {
                URI next = location(url, r.headers);
                if (next == null) {
                    return Failed.of(url, r.status, Kind.REDIRECT, "HTTP " + r.status + " without a usable Location");
                }
                if (hop + 1 > settings.maxRedirects()) {
                    return Failed.of(url, r.status, Kind.REDIRECT, "more than " + settings.maxRedirects()
                            + " redirects (last to " + UrlGuard.clip(next) + ")");
                }
                url = next;
                continue;
            }
            return toResult(url, r);
        }
    }

    private FetchResult fetchRobots(URI robotsUrl) {
        // robots.txt itself: redirects followed (RFC 9309 §2.3.1.2: at least five), never checked against robots
        URI url = robotsUrl;
        CookieManager jar = new CookieManager();
        for (int hop = 0; hop <= 5; hop++) {
            if (UrlGuard.schemeProblem(url) != null) {
                return Failed.of(url, 404, Kind.REDIRECT, "robots.txt redirected away from http(s)");
            }
            Object answer = exchange(url, Validators.NONE, jar);
            if (answer instanceof Failed f) {
                return f;
            }
            Response r = (Response) answer;
            if (isRedirect(r.status) && location(url, r.headers) != null) {
                url = location(url, r.headers);
                continue;
            }
            return toResult(url, r);
        }
        return Failed.of(url, 404, Kind.REDIRECT, "robots.txt redirected more than 5 times: treated as absent");
    }

    private FetchResult toResult(URI url, Response r) {
        if (r.status == 304) {
            return new FetchResult.NotModified(url, validators(r.headers));
        }
        if (r.status >= 200 && r.status < 300) {
            if (r.truncated) {
                return Failed.of(url, r.status, Kind.TOO_LARGE, r.truncationReason);
            }
            return new FetchResult.Fetched(url, r.status, r.headers.firstValue("content-type").orElse(null), r.body,
                    validators(r.headers), r.wireBytes);
        }
        Duration retryAfter = r.status == 429 || r.status == 503 ? retryAfter(r.headers) : null;
        return new Failed(url, r.status, Kind.HTTP_STATUS, "HTTP " + r.status + " from " + UrlGuard.clip(url),
                retryAfter);
    }

    private record Response(int status, HttpHeaders headers, byte[] body, long wireBytes, boolean truncated,
            String truncationReason) {
    }

    /** One request and its whole body; a {@link Response} or a {@link Failed}. */
    private Object exchange(URI url, Validators validators, CookieManager cookies) {
        HttpRequest.Builder b;
        try {
            b = HttpRequest.newBuilder(url).GET().timeout(settings.readTimeout())
                    .header("User-Agent", settings.userAgent())
                    .header("Accept", "text/html,application/xhtml+xml,application/pdf,application/json,"
                            + "application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.8")
                    .header("Accept-Encoding", "gzip, deflate");
        } catch (IllegalArgumentException e) {
            return Failed.of(url, 0, Kind.REFUSED_URL, "cannot request " + UrlGuard.clip(url) + ": " + e.getMessage());
        }
        if (validators.etag() != null) {
            b.header("If-None-Match", validators.etag());
        }
        if (validators.lastModified() != null) {
            b.header("If-Modified-Since", validators.lastModified());
        }
        try {
            Map<String, List<String>> cookieHeaders = cookies.get(url, Map.of());
            for (Map.Entry<String, List<String>> e : cookieHeaders.entrySet()) {
                if (!e.getValue().isEmpty()) {
                    b.header(e.getKey(), String.join("; ", e.getValue()));
                }
            }
        } catch (IOException e) {
            // a broken cookie store only loses cookies; the request still goes out
        }
        HttpRequest request = b.build();
        CappedBody[] body = new CappedBody[1];
        try (HostGate.Permit ignored = gate.enter(url)) {
            CompletableFuture<HttpResponse<CappedBody.Body>> future = client.sendAsync(request, info -> {
                long declared = info.headers().firstValueAsLong("content-length").orElse(-1);
                body[0] = new CappedBody(settings.maxBodyBytes(), declared);
                return body[0];
            });
            HttpResponse<CappedBody.Body> response = await(future, body, url);
            try {
                cookies.put(url, response.headers().map());
            } catch (IOException e) {
                // as above: cookies are best effort
            }
            CappedBody.Body raw = response.body();
            if (raw.truncated()) {
                return new Response(response.statusCode(), response.headers(), new byte[0], raw.bytes().length, true,
                        "body larger than the cap of " + settings.maxBodyBytes() + " bytes: not used");
            }
            return decode(response.statusCode(), response.headers(), raw.bytes(), url);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Failed.of(url, 0, Kind.NETWORK, "interrupted");
        } catch (Failure f) {
            return f.failed;
        }
    }

    private static final class Failure extends Exception {
        final Failed failed;

        Failure(Failed failed) {
            super(failed.reason(), null, false, false);
            this.failed = failed;
        }
    }

    private HttpResponse<CappedBody.Body> await(CompletableFuture<HttpResponse<CappedBody.Body>> future,
            CappedBody[] body, URI url) throws InterruptedException, Failure {
        long start = System.nanoTime();
        long total = settings.totalTimeout().toNanos();
        long idle = settings.readTimeout().toNanos();
        while (true) {
            long now = System.nanoTime();
            long remaining = start + total - now;
            if (remaining <= 0) {
                future.cancel(true);
                throw new Failure(Failed.of(url, 0, Kind.TOO_SLOW, "no complete answer within the total timeout of "
                        + settings.totalTimeout().toMillis() + " ms"));
            }
            if (body[0] != null && now - body[0].lastActivityNanos() > idle) {
                future.cancel(true);
                throw new Failure(Failed.of(url, 0, Kind.TOO_SLOW, "body stalled longer than the read timeout of "
                        + settings.readTimeout().toMillis() + " ms"));
            }
            try {
                return future.get(Math.min(remaining, TimeUnit.MILLISECONDS.toNanos(200)), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                // loop: check the deadlines again
            } catch (ExecutionException e) {
                throw new Failure(networkFailure(url, e.getCause()));
            }
        }
    }

    private static Failed networkFailure(URI url, Throwable cause) {
        if (cause instanceof HttpConnectTimeoutException) {
            return Failed.of(url, 0, Kind.TIMEOUT, "connect timeout to " + url.getHost());
        }
        if (cause instanceof HttpTimeoutException) {
            return Failed.of(url, 0, Kind.TIMEOUT, "no response headers within the read timeout");
        }
        if (cause instanceof ConnectException) {
            return Failed.of(url, 0, Kind.NETWORK, "cannot connect to " + url.getHost()
                    + (url.getPort() > 0 ? ":" + url.getPort() : ""));
        }
        String message = cause == null ? "unknown error" : cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + clipText(cause.getMessage()));
        return Failed.of(url, 0, Kind.NETWORK, message);
    }

    private Object decode(int status, HttpHeaders headers, byte[] wire, URI url) {
        String encoding = headers.firstValue("content-encoding").orElse("").trim().toLowerCase(Locale.ROOT);
        String type = headers.firstValue("content-type").orElse("").toLowerCase(Locale.ROOT);
        boolean gzipMagic = wire.length > 2 && (wire[0] & 0xFF) == 0x1F && (wire[1] & 0xFF) == 0x8B;
        boolean gzip = encoding.equals("gzip") || encoding.equals("x-gzip")
                // some servers gzip without saying so; a real .gz file says application/gzip
                || encoding.isEmpty() && gzipMagic && !type.contains("gzip") && !type.contains("octet-stream");
        if (!gzip && !encoding.equals("deflate")) {
            return new Response(status, headers, wire, wire.length, false, null);
        }
        long cap = settings.maxDecompressedBytes();
        try (InputStream in = gzip ? new GZIPInputStream(new ByteArrayInputStream(wire), 8192) : inflater(wire)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(wire.length * 4, 1 << 20));
            byte[] buf = new byte[16384];
            int n;
            while ((n = in.read(buf)) > 0) {
                if (out.size() + (long) n > cap) {
                    return new Response(status, headers, new byte[0], wire.length, true, "decoded body larger than "
                            + "the cap of " + cap + " bytes (" + wire.length + " bytes compressed): not used");
                }
                out.write(buf, 0, n);
            }
            return new Response(status, headers, out.toByteArray(), wire.length, false, null);
        } catch (ZipException | java.io.EOFException e) {
            return Failed.of(url, status, Kind.BAD_CONTENT, "corrupt " + (gzip ? "gzip" : "deflate") + " body: "
                    + clipText(String.valueOf(e.getMessage())));
        } catch (IOException e) {
            return Failed.of(url, status, Kind.BAD_CONTENT, "cannot decode body: " + clipText(String.valueOf(e.getMessage())));
        }
    }

    private static InputStream inflater(byte[] wire) {
        // "deflate" is zlib-wrapped by the standard, raw deflate by some servers: try zlib first
        Inflater probe = new Inflater();
        probe.setInput(wire, 0, Math.min(wire.length, 64));
        boolean zlib;
        try {
            probe.inflate(new byte[64]);
            zlib = true;
        } catch (DataFormatException e) {
            zlib = false;
        } finally {
            probe.end();
        }
        return new InflaterInputStream(new ByteArrayInputStream(wire), new Inflater(!zlib), 8192);
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static URI location(URI base, HttpHeaders headers) {
        String location = headers.firstValue("location").orElse(null);
        if (location == null || location.isBlank()) {
            return null;
        }
        try {
            return base.resolve(new URI(location.trim().replace(" ", "%20")));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static Validators validators(HttpHeaders headers) {
        return new Validators(headers.firstValue("etag").orElse(null), headers.firstValue("last-modified").orElse(null));
    }

    static Duration retryAfter(HttpHeaders headers) {
        String v = headers.firstValue("retry-after").orElse(null);
        if (v == null) {
            return null;
        }
        v = v.trim();
        try {
            long seconds = Long.parseLong(v);
            return Duration.ofSeconds(Math.max(0, seconds));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    /** The robots.txt product token: the User-Agent's first word without its version. */
    static String robotsAgent(String userAgent) {
        String first = userAgent.trim().split("[\\s/;(]", 2)[0];
        return first.isEmpty() ? "policywatch" : first;
    }

    private static String clipText(String s) {
        return s.length() > MAX_ERROR_TEXT ? s.substring(0, MAX_ERROR_TEXT) + "…" : s;
    }
}
