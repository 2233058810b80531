package dev.policywatch.crawler.fetch;

import dev.policywatch.crawler.CrawlerSettings;
import dev.policywatch.crawler.fetch.FetchResult.Failed;
import dev.policywatch.crawler.fetch.FetchResult.Kind;
import dev.policywatch.net.HostResolver;
import dev.policywatch.net.UrlOrigin;
import dev.policywatch.net.OutboundHttp;
import dev.policywatch.net.RefusedAddressException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.CookieManager;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.Inflater;
import okhttp3.ConnectionPool;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;
import okio.BufferedSource;
import okio.GzipSource;
import okio.InflaterSource;
import okio.Okio;

/**
 * Fetches one URL politely and defensively, with the shared OkHttp client of the {@code net} module:
 * <ul>
 *   <li>only http/https, checked at every hop; non-public addresses only at the request's trusted origin
 *       (the configured source's, or the listing's for a discovered document), at every hop, robots.txt
 *       included: a configured page that redirects to 127.0.0.1 or 169.254.169.254 is not followed
 *       ({@link OutboundHttp}: resolved once, checked, pinned);</li>
 *   <li>robots.txt consulted for every hop ({@link RobotsPolicy});</li>
 *   <li>per host one request at a time and a pause between requests ({@link HostGate});</li>
 *   <li>keep-alive: up to {@code idle-connections} idle connections are kept for reuse across hosts, so a
 *       host crawled again soon (its next document, or the next pass) costs no new handshake;</li>
 *   <li>conditional GET with the previous ETag / Last-Modified; redirects followed by hand (at most
 *       {@code max-redirects}), each hop's cookies kept in the source's jar;</li>
 *   <li>connect timeout; read timeout (headers, and silence between body reads); total timeout per
 *       exchange, which cuts a server trickling bytes;</li>
 *   <li>caps enforced while the body streams in: wire bytes ({@code max-body-bytes}, {@link WireLimit}),
 *       decoded bytes ({@code max-decompressed-bytes}) and the crawler's memory budget
 *       ({@link ByteBudget}) across every fetch in flight; gzip is OkHttp's transparent gzip, and a body
 *       gzipped without saying so or sent as {@code deflate} unasked is decoded as a stream under the same
 *       caps; a body over a cap is a {@link Failed} of kind {@link Kind#TOO_LARGE}, never a document;</li>
 *   <li>retries with exponential backoff on 5xx, 429, network errors and a busy memory budget, honouring
 *       Retry-After up to {@code max-retry-after}.</li>
 * </ul>
 * Never throws for anything the network does: every outcome is a {@link FetchResult}. Thread-safe.
 */
public final class HttpFetcher {

    private static final int MAX_ERROR_TEXT = 300;
    private static final int CHUNK = 64 * 1024;
    /** RFC 9309 §2.5: a crawler must parse at least 500 KiB of a robots.txt; the rest is not read. */
    static final long ROBOTS_MAX_BYTES = 512 * 1024;

    private final CrawlerSettings settings;
    private final OutboundHttp http;
    private final HostGate gate;
    private final RobotsPolicy robots;
    private final ByteBudget budget;

    public HttpFetcher(CrawlerSettings settings, Clock clock) {
        this(settings, clock, new ByteBudget(settings.memoryBudget()), HostResolver.system());
    }

    /**
     * @param budget   the memory budget shared by every fetch of this fetcher
     * @param resolver name resolution (tests make names resolve to private addresses)
     */
    public HttpFetcher(CrawlerSettings settings, Clock clock, ByteBudget budget, HostResolver resolver) {
        this.settings = settings;
        this.budget = budget;
        this.http = new OutboundHttp(new OkHttpClient.Builder()
                // one pool for every per-origin client: a host's next request reuses its idle connection
                .connectionPool(new ConnectionPool(settings.idleConnections(),
                        CrawlerSettings.IDLE_CONNECTION_KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS))
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .callTimeout(settings.totalTimeout())
                .addNetworkInterceptor(new WireLimit(settings.maxBodyBytes())), resolver);
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

    /** The memory budget every fetch's body is charged to. */
    public ByteBudget budget() {
        return budget;
    }

    /** Forgets the clients of origins no longer configured. */
    public void retainTrusted(java.util.Collection<UrlOrigin> origins) {
        http.retain(origins);
    }

    /** Fetches, retrying what may succeed on a second try. */
    public FetchResult fetch(FetchRequest request) {
        if (request.lease() == null) {
            try (ByteBudget.Lease own = budget.lease()) {
                return fetch(new FetchRequest(request.url(), request.validators(), request.trusted(),
                        request.cookies(), own));
            }
        }
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
        long decodedCap = settings.maxDocumentBytes();
        for (int hop = 0; ; hop++) {
            String refused = http.refusal(url, request.trusted());
            if (refused != null) {
                return Failed.of(url, 0, Kind.REFUSED_URL, refused);
            }
            RobotsPolicy.Decision decision = robots.check(url, robotsUrl -> fetchRobots(robotsUrl, request.trusted()));
            if (!decision.allowed()) {
                return Failed.of(url, 0, Kind.ROBOTS, decision.reason());
            }
            Object answer = exchange(url, request.validators(), request.cookies(), request.trusted(), request.lease(),
                    decodedCap, false);
            if (answer instanceof Failed f) {
                return f;
            }
            Answer r = (Answer) answer;
            if (isRedirect(r.status)) {
                URI next = location(url, r.headers);
                if (next == null) {
                    return Failed.of(url, r.status, Kind.REDIRECT, "HTTP " + r.status + " without a usable Location");
                }
                if (hop + 1 > settings.maxRedirects()) {
                    return Failed.of(url, r.status, Kind.REDIRECT, "more than " + settings.maxRedirects()
                            + " redirects (last to " + OutboundHttp.clip(next) + ")");
                }
                url = next;
                continue;
            }
            return toResult(url, r);
        }
    }

    private FetchResult fetchRobots(URI robotsUrl, UrlOrigin trusted) {
        // robots.txt itself: redirects followed (RFC 9309 §2.3.1.2: at least five), never checked against
        // robots, each hop under the same address rule as the pages
        URI url = robotsUrl;
        CookieManager jar = new CookieManager();
        try (ByteBudget.Lease lease = budget.lease()) {
            for (int hop = 0; hop <= 5; hop++) {
                String refused = http.refusal(url, trusted);
                if (refused != null) {
                    return Failed.of(url, 0, Kind.REFUSED_URL, refused);
                }
                Object answer = exchange(url, Validators.NONE, jar, trusted, lease, ROBOTS_MAX_BYTES, true);
                if (answer instanceof Failed f) {
                    return f;
                }
                Answer r = (Answer) answer;
                if (isRedirect(r.status) && location(url, r.headers) != null) {
                    url = location(url, r.headers);
                    continue;
                }
                return toResult(url, r);
            }
        }
        return Failed.of(url, 404, Kind.REDIRECT, "robots.txt redirected more than 5 times: treated as absent");
    }

    private FetchResult toResult(URI url, Answer r) {
        if (r.status == 304) {
            return new FetchResult.NotModified(url, validators(r.headers));
        }
        if (r.status >= 200 && r.status < 300) {
            return new FetchResult.Fetched(url, r.status, r.headers.get("content-type"), r.body,
                    validators(r.headers), r.wireBytes);
        }
        Duration retryAfter = r.status == 429 || r.status == 503 ? retryAfter(r.headers.get("retry-after")) : null;
        return new Failed(url, r.status, Kind.HTTP_STATUS, "HTTP " + r.status + " from " + OutboundHttp.clip(url),
                retryAfter);
    }

    /** A response: the status, headers and, for a 2xx, the whole decoded body. */
    private record Answer(int status, Headers headers, byte[] body, long wireBytes) {
    }

    /** A fetch given up; carries its outcome. */
    private static final class Failure extends Exception {
        final Failed failed;

        Failure(Failed failed) {
            super(failed.reason(), null, false, false);
            this.failed = failed;
        }
    }

    /** One request and, for a 2xx, its whole body; an {@link Answer} or a {@link Failed}. */
    private Object exchange(URI url, Validators validators, CookieManager cookies, UrlOrigin trusted,
            ByteBudget.Lease lease, long decodedCap, boolean truncate) {
        Request.Builder b;
        WireLimit.Meter meter = new WireLimit.Meter();
        try {
            b = new Request.Builder().url(HttpUrl.get(url)).get()
                    .header("User-Agent", settings.userAgent())
                    .header("Accept", "text/html,application/xhtml+xml,application/pdf,application/json,"
                            + "application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.8")
                    .tag(WireLimit.Meter.class, meter);
        } catch (IllegalArgumentException e) {
            return Failed.of(url, 0, Kind.REFUSED_URL, "cannot request " + OutboundHttp.clip(url) + ": "
                    + e.getMessage());
        }
        if (validators.etag() != null) {
            b.header("If-None-Match", validators.etag());
        }
        if (validators.lastModified() != null) {
            b.header("If-Modified-Since", validators.lastModified());
        }
        try {
            for (Map.Entry<String, List<String>> e : cookies.get(url, Map.of()).entrySet()) {
                if (!e.getValue().isEmpty()) {
                    b.header(e.getKey(), String.join("; ", e.getValue()));
                }
            }
        } catch (IOException e) {
            // a broken cookie store only loses cookies; the request still goes out
        }
        long start = System.nanoTime();
        boolean headersReceived = false;
        try (HostGate.Permit ignored = gate.enter(url);
                Response response = http.client(trusted).newCall(b.build()).execute()) {
            headersReceived = true;
            try {
                cookies.put(url, response.headers().toMultimap());
            } catch (IOException | IllegalArgumentException e) {
                // as above: cookies are best effort
            }
            int status = response.code();
            Headers headers = response.headers();
            if (status < 200 || status >= 300) {
                return new Answer(status, headers, new byte[0], meter.bytes);
            }
            byte[] body = readBody(url, response, lease, decodedCap, truncate);
            return new Answer(status, headers, body, meter.bytes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Failed.of(url, 0, Kind.NETWORK, "interrupted");
        } catch (Failure f) {
            return f.failed;
        } catch (IOException e) {
            return networkFailure(url, e, headersReceived, System.nanoTime() - start);
        }
    }

    /**
     * Reads the decoded body as it streams in, charging each chunk to the lease and stopping at the first
     * byte over a cap (so an oversized body costs at most the cap, never its full size).
     */
    private byte[] readBody(URI url, Response response, ByteBudget.Lease lease, long cap, boolean truncate)
            throws IOException, InterruptedException, Failure {
        BufferedSource source = decoded(url, response);
        long announced = response.body().contentLength();
        if (announced > cap && !truncate) {
            throw new Failure(Failed.of(url, response.code(), Kind.TOO_LARGE, "body of " + announced
                    + " bytes announced, over the cap of " + cap + " bytes" + (cap < settings.maxDecompressedBytes()
                            ? " that the crawler's memory budget of " + budget.capacity() + " bytes can extract "
                                    + "(policywatch.crawler.memory-budget)" : "") + ": not read"));
        }
        if (announced > 0 && !truncate && !lease.couldHold(announced)) {
            throw new Failure(overBudget(url, response.code()));
        }
        Buffer body = new Buffer();
        long taken = 0;
        boolean done = false;
        try {
            while (true) {
                long room = cap - body.size();
                if (room <= 0) {
                    if (truncate || source.exhausted()) {
                        break; // robots.txt: the first bytes are what counts; or exactly the cap
                    }
                    throw new Failure(Failed.of(url, response.code(), Kind.TOO_LARGE, "decoded body larger than "
                            + "the cap of " + cap + " bytes" + (cap < settings.maxDecompressedBytes()
                                    ? " that the crawler's memory budget of " + budget.capacity() + " bytes can "
                                            + "extract (policywatch.crawler.memory-budget)" : "")
                            + " (" + wireText(response) + "): not used"));
                }
                long n = source.read(body, Math.min(CHUNK, room));
                if (n == -1) {
                    break;
                }
                if (!lease.take(n, settings.readTimeout())) {
                    if (!lease.couldHold(n)) {
                        throw new Failure(overBudget(url, response.code()));
                    }
                    throw new Failure(Failed.of(url, response.code(), Kind.MEMORY_BUSY, "the crawler's memory "
                            + "budget of " + budget.capacity() + " bytes is in use by other crawls (waited at most "
                            + settings.readTimeout().toMillis() + " ms): will try again"));
                }
                taken += n;
            }
            byte[] bytes = body.readByteArray();
            done = true;
            return bytes;
        } finally {
            body.clear();
            if (!done) {
                lease.release(taken);
            }
        }
    }

    private Failed overBudget(URI url, int status) {
        return Failed.of(url, status, Kind.TOO_LARGE, "document larger than the crawler's memory budget of "
                + budget.capacity() + " bytes (policywatch.crawler.memory-budget): not used");
    }

    private static String wireText(Response response) {
        String encoding = encoding(response);
        return encoding.isEmpty() ? "not compressed" : encoding + " on the wire";
    }

    /** The Content-Encoding the server sent (OkHttp removes it from the response it decoded). */
    private static String encoding(Response response) {
        Response network = response.networkResponse();
        String e = (network != null ? network : response).header("Content-Encoding");
        return e == null ? "" : e.trim().toLowerCase(Locale.ROOT);
    }

    /** The body source with any content coding removed, as a stream. */
    private static BufferedSource decoded(URI url, Response response) throws IOException, Failure {
        BufferedSource source = response.body().source();
        String encoding = encoding(response);
        String type = response.header("Content-Type", "").toLowerCase(Locale.ROOT);
        switch (encoding) {
            case "gzip", "x-gzip" -> {
                // decoded by OkHttp's transparent gzip when it asked for it; x-gzip it does not know
                return encoding.equals("gzip") ? source : Okio.buffer(new GzipSource(source));
            }
            case "", "identity" -> {
                // some servers gzip without saying so; a real .gz file says application/gzip
                if (source.request(2) && (source.getBuffer().getByte(0) & 0xFF) == 0x1F
                        && (source.getBuffer().getByte(1) & 0xFF) == 0x8B
                        && !type.contains("gzip") && !type.contains("octet-stream")) {
                    return Okio.buffer(new GzipSource(source));
                }
                return source;
            }
            case "deflate" -> {
                // zlib-wrapped by the standard, raw deflate by some servers
                boolean zlib = source.request(2) && ((source.getBuffer().getByte(0) & 0x0F) == 8)
                        && (((source.getBuffer().getByte(0) & 0xFF) << 8) | (source.getBuffer().getByte(1) & 0xFF)) % 31 == 0;
                return Okio.buffer(new InflaterSource(source, new Inflater(!zlib)));
            }
            default -> throw new Failure(Failed.of(url, response.code(), Kind.BAD_CONTENT,
                    "unsupported Content-Encoding " + clipText(encoding)));
        }
    }

    private Failed networkFailure(URI url, IOException e, boolean headersReceived, long tookNanos) {
        if (e instanceof RefusedAddressException) {
            return Failed.of(url, 0, Kind.REFUSED_URL, "refused " + OutboundHttp.clip(url) + ": " + e.getMessage());
        }
        if (e instanceof WireLimit.TooLarge) {
            return Failed.of(url, 200, Kind.TOO_LARGE, e.getMessage());
        }
        if (e instanceof InterruptedIOException && tookNanos >= settings.totalTimeout().toNanos() - 50_000_000L) {
            return Failed.of(url, 0, Kind.TOO_SLOW, "no complete answer within the total timeout of "
                    + settings.totalTimeout().toMillis() + " ms");
        }
        if (e instanceof SocketTimeoutException) {
            String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("connect")) {
                return Failed.of(url, 0, Kind.TIMEOUT, "connect timeout to " + url.getHost());
            }
            return headersReceived
                    ? Failed.of(url, 0, Kind.TOO_SLOW, "body stalled longer than the read timeout of "
                            + settings.readTimeout().toMillis() + " ms")
                    : Failed.of(url, 0, Kind.TIMEOUT, "no response headers within the read timeout");
        }
        if (e instanceof ConnectException) {
            return Failed.of(url, 0, Kind.NETWORK, "cannot connect to " + url.getHost()
                    + (url.getPort() > 0 ? ":" + url.getPort() : ""));
        }
        if (e instanceof UnknownHostException) {
            return Failed.of(url, 0, Kind.NETWORK, "unknown host " + url.getHost());
        }
        String m = String.valueOf(e.getMessage());
        if (headersReceived && (e instanceof EOFException || m.contains("gzip") || m.contains("CRC")
                || m.contains("FEXTRA") || m.contains("inflat") || m.contains("Inflat") || m.contains("magic"))) {
            return Failed.of(url, 0, Kind.BAD_CONTENT, "corrupt compressed body: " + clipText(m));
        }
        return Failed.of(url, 0, Kind.NETWORK, e.getClass().getSimpleName() + (e.getMessage() == null ? ""
                : ": " + clipText(e.getMessage())));
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static URI location(URI base, Headers headers) {
        String location = headers.get("location");
        if (location == null || location.isBlank()) {
            return null;
        }
        try {
            return base.resolve(new URI(location.trim().replace(" ", "%20")));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static Validators validators(Headers headers) {
        return new Validators(headers.get("etag"), headers.get("last-modified"));
    }

    static Duration retryAfter(String v) {
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
