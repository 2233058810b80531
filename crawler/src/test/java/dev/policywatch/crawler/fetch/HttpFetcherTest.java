package dev.policywatch.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policywatch.crawler.CrawlerSettings;
import dev.policywatch.crawler.TestSupport;
import dev.policywatch.net.UrlOrigin;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fetcher against a real local HTTP server that misbehaves in every way the web does. */
class HttpFetcherTest {

    private TestSupport.Site site;
    private HttpFetcher fetcher;

    @BeforeEach
    void start() throws IOException {
        site = TestSupport.site();
        fetcher = new HttpFetcher(TestSupport.fastSettings(), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private FetchResult get(String path) {
        return fetcher.fetch(new FetchRequest(site.url(path), Validators.NONE, local(), new CookieManager()));
    }

    /** The site's origin, trusted as a configured source's own origin is. */
    private UrlOrigin local() {
        return UrlOrigin.of(site.url("/"));
    }

    @Test
    void followsARedirectChainAndRecordsTheFinalUrl() {
        site.on("/a", ex -> redirect(ex, 301, "/b"));
        site.on("/b", ex -> redirect(ex, 302, site.url("/c").toString()));
        site.html("/c", "<html><body><p>final</p></body></html>");

        FetchResult result = get("/a");

        assertThat(result).isInstanceOf(FetchResult.Fetched.class);
        assertThat(result.finalUrl()).isEqualTo(site.url("/c"));
    }

    @Test
    void givesUpOnARedirectLoopAfterFiveHops() {
        site.on("/loop", ex -> redirect(ex, 302, "/loop"));

        FetchResult result = get("/loop");

        assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
            assertThat(f.kind()).isEqualTo(FetchResult.Kind.REDIRECT);
            assertThat(f.reason()).contains("more than 5 redirects");
        });
        assertThat(site.requestsTo("/loop")).hasSize(6);
    }

    @Test
    void refusesARedirectToAFileUrl() {
        site.on("/evil", ex -> redirect(ex, 302, "file:///etc/passwd"));

        FetchResult result = get("/evil");

        assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
            assertThat(f.kind()).isEqualTo(FetchResult.Kind.REFUSED_URL);
            assertThat(f.reason()).contains("file:");
        });
    }

    @Test
    void cutsASixtyMegabyteBodyAtTheCapAndReportsIt() {
        site.on("/huge", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/html");
            ex.sendResponseHeaders(200, 0); // chunked: the size is not announced
            byte[] chunk = new byte[1 << 20];
            java.util.Arrays.fill(chunk, (byte) 'a');
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 60; i++) {
                    out.write(chunk);
                }
            }
        });

        FetchResult result = get("/huge");

        assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
            assertThat(f.kind()).isEqualTo(FetchResult.Kind.TOO_LARGE);
            assertThat(f.reason()).contains("cap");
        });
    }

    @Test
    void refusesABodyWhoseAnnouncedLengthIsOverTheCapWithoutReadingIt() {
        site.on("/announced", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/html");
            ex.sendResponseHeaders(200, 60L * 1024 * 1024);
            ex.getResponseBody().write(new byte[1024]);
        });

        assertThat(get("/announced")).isInstanceOfSatisfying(FetchResult.Failed.class,
                f -> assertThat(f.kind()).isEqualTo(FetchResult.Kind.TOO_LARGE));
    }

    @Test
    void cutsAGzipBombAtTheDecodedCap() throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 120; i++) {
                gz.write(zeros);
            }
        }
        byte[] bomb = zipped.toByteArray();
        site.on("/bomb", ex -> {
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            TestSupport.send(ex, 200, "text/html", bomb);
        });

        FetchResult result = get("/bomb");

        assertThat(bomb.length).isLessThan(1 << 20);
        assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
            assertThat(f.kind()).isEqualTo(FetchResult.Kind.TOO_LARGE);
            assertThat(f.reason()).contains("decoded body larger than");
        });
    }

    @Test
    void decodesGzipAndAsksForIt() throws IOException {
        byte[] html = "<html><body><p>第一条 压缩</p></body></html>".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write(html);
        }
        site.on("/gz", ex -> {
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            TestSupport.send(ex, 200, "text/html; charset=utf-8", zipped.toByteArray());
        });
        // and a server that gzips without saying so
        site.on("/gz-unlabelled", ex -> TestSupport.send(ex, 200, "text/html; charset=utf-8", zipped.toByteArray()));

        assertThat(get("/gz")).isInstanceOfSatisfying(FetchResult.Fetched.class,
                f -> assertThat(f.body()).isEqualTo(html));
        assertThat(get("/gz-unlabelled")).isInstanceOfSatisfying(FetchResult.Fetched.class,
                f -> assertThat(f.body()).isEqualTo(html));
        assertThat(site.requestsTo("/gz").get(0).header("Accept-Encoding")).contains("gzip");
        assertThat(site.requestsTo("/gz").get(0).header("User-Agent")).isEqualTo(TestSupport.USER_AGENT);
    }

    @Test
    void cutsASlowTrickleAtTheTotalTimeout() {
        site.on("/trickle", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/html");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            for (int i = 0; i < 100; i++) { // a byte every 300 ms: never silent for the 1 s read timeout
                out.write('a');
                out.flush();
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });

        long start = System.nanoTime();
        FetchResult result = fetcher.fetch(new FetchRequest(site.url("/trickle"), Validators.NONE, local(),
                new CookieManager()));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
            assertThat(f.kind()).isEqualTo(FetchResult.Kind.TOO_SLOW);
            assertThat(f.reason()).contains("total timeout");
        });
        assertThat(took).isBetween(Duration.ofMillis(2900), Duration.ofSeconds(6));
    }

    @Test
    void waitsForRetryAfterOn429ThenFetches() {
        AtomicInteger calls = new AtomicInteger();
        site.on("/busy", ex -> {
            if (calls.incrementAndGet() == 1) {
                ex.getResponseHeaders().set("Retry-After", "1");
                TestSupport.send(ex, 429, "text/plain", "slow down");
            } else {
                TestSupport.send(ex, 200, "text/html", "<p>ok</p>");
            }
        });

        FetchResult result = get("/busy");

        assertThat(result).isInstanceOf(FetchResult.Fetched.class);
        var requests = site.requestsTo("/busy");
        assertThat(requests).hasSize(2);
        assertThat(Duration.ofNanos(requests.get(1).nanoTime() - requests.get(0).nanoTime()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void retriesA500ThenSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        site.on("/flaky", ex -> TestSupport.send(ex, calls.incrementAndGet() == 1 ? 500 : 200, "text/html", "<p>ok</p>"));

        assertThat(get("/flaky")).isInstanceOf(FetchResult.Fetched.class);
        assertThat(site.requestsTo("/flaky")).hasSize(2);
    }

    @Test
    void givesUpAfterTheRetriesOnAPersistent503() {
        site.on("/down", ex -> TestSupport.send(ex, 503, "text/plain", "down"));

        assertThat(get("/down")).isInstanceOfSatisfying(FetchResult.Failed.class,
                f -> assertThat(f.status()).isEqualTo(503));
        assertThat(site.requestsTo("/down")).hasSize(3);
    }

    @Test
    void doesNotRetryA404() {
        assertThat(get("/missing")).isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
            assertThat(f.status()).isEqualTo(404);
            assertThat(f.saysGone()).isTrue();
        });
        assertThat(site.requestsTo("/missing")).hasSize(1);
    }

    @Test
    void neverRequestsAPathRobotsTxtForbids() {
        site.on("/robots.txt", ex -> TestSupport.send(ex, 200, "text/plain",
                "User-agent: *\nDisallow: /private/\n"));
        site.html("/private/doc", "<p>secret</p>");
        site.html("/public/doc", "<p>open</p>");

        assertThat(get("/private/doc")).isInstanceOfSatisfying(FetchResult.Failed.class,
                f -> assertThat(f.kind()).isEqualTo(FetchResult.Kind.ROBOTS));
        assertThat(get("/public/doc")).isInstanceOf(FetchResult.Fetched.class);
        assertThat(site.requestsTo("/private/doc")).isEmpty();
        assertThat(site.requestsTo("/robots.txt")).hasSize(1); // cached
    }

    @Test
    void robotsAnswering503DisallowsTheWholeSiteForNow() {
        site.on("/robots.txt", ex -> TestSupport.send(ex, 503, "text/plain", "down"));
        site.html("/doc", "<p>open</p>");

        assertThat(get("/doc")).isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
            assertThat(f.kind()).isEqualTo(FetchResult.Kind.ROBOTS);
            assertThat(f.reason()).contains("unavailable");
        });
        assertThat(site.requestsTo("/doc")).isEmpty();
    }

    @Test
    void replaysTheCookieOfAChallengeRedirectToItself() {
        site.on("/waf", ex -> {
            String cookie = ex.getRequestHeaders().getFirst("Cookie");
            if (cookie == null || !cookie.contains("CT6T=ok")) {
                ex.getResponseHeaders().add("Set-Cookie", "CT6T=ok; Path=/");
                redirect(ex, 302, "/waf");
            } else {
                TestSupport.send(ex, 200, "text/html", "<p>past the challenge</p>");
            }
        });

        assertThat(get("/waf")).isInstanceOf(FetchResult.Fetched.class);
        assertThat(site.requestsTo("/waf")).hasSize(2);
    }

    @Test
    void sendsValidatorsAndGetsNotModified() {
        site.etagged("/etag", "\"v1\"", "<p>v1</p>");

        FetchResult first = get("/etag");
        assertThat(first).isInstanceOf(FetchResult.Fetched.class);
        Validators v = ((FetchResult.Fetched) first).validators();
        FetchResult second = fetcher.fetch(new FetchRequest(site.url("/etag"), v, local(), new CookieManager()));

        assertThat(v.etag()).isEqualTo("\"v1\"");
        assertThat(second).isInstanceOf(FetchResult.NotModified.class);
    }

    @Test
    void aDiscoveredLinkNeverGoesToAnotherNonPublicHost() {
        site.html("/doc", "<p>internal</p>");

        FetchResult result = fetcher.fetch(new FetchRequest(site.url("/doc"), Validators.NONE,
                new UrlOrigin("http", "www.example.org", 80),
                new CookieManager()));

        assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
            assertThat(f.kind()).isEqualTo(FetchResult.Kind.REFUSED_URL);
            assertThat(f.reason()).contains("non-public");
        });
        assertThat(site.requestsTo("/doc")).isEmpty();
        // on its own listing's origin it is followed
        assertThat(fetcher.fetch(new FetchRequest(site.url("/doc"), Validators.NONE, local(),
                new CookieManager()))).isInstanceOf(FetchResult.Fetched.class);
    }

    @Test
    void anUnreachableHostIsANetworkFailureNotAnException() {
        FetchResult result = fetcher.fetch(new FetchRequest(URI.create("http://127.0.0.1:1/x"), Validators.NONE,
                UrlOrigin.of(URI.create("http://127.0.0.1:1/")),
                new CookieManager()));
        assertThat(result).isInstanceOf(FetchResult.Failed.class);
    }

    private static void redirect(HttpExchange ex, int status, String location) throws IOException {
        ex.getResponseHeaders().set("Location", location);
        ex.sendResponseHeaders(status, -1);
    }

    @SuppressWarnings("unused")
    private static CrawlerSettings settings() {
        return TestSupport.fastSettings();
    }
}
