package dev.policywatch.crawler;

import static dev.policywatch.crawler.CrawlerHarness.index;
import static dev.policywatch.crawler.CrawlerHarness.page;
import static dev.policywatch.crawler.CrawlerHarness.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.policywatch.crawler.fetch.FetchRequest;
import dev.policywatch.crawler.fetch.FetchResult;
import dev.policywatch.crawler.fetch.HttpFetcher;
import dev.policywatch.crawler.fetch.Validators;
import dev.policywatch.crawler.render.BrowserPool;
import dev.policywatch.crawler.render.RenderRequest;
import dev.policywatch.crawler.render.RenderSettings;
import dev.policywatch.crawler.render.Rendered;
import dev.policywatch.engine.Engine;
import dev.policywatch.events.ChangeType;
import dev.policywatch.events.Ids;
import dev.policywatch.events.PageSnapshot;
import dev.policywatch.events.ProvisionChange;
import dev.policywatch.net.UrlOrigin;
import dev.policywatch.testing.RealInfrastructure;
import dev.policywatch.testing.TestInfra;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code render: browser} with Debian's headless Chromium (skipped, saying why, only where it is not installed
 * and this is not CI): a page whose articles are written by script is crawled and diffed like a static page;
 * whatever the page's script asks for at another loopback origin, at the metadata address, or behind robots.txt
 * is never fetched, by the crawler or the browser (a second real server records every hit); no browser process
 * outlives the crawler.
 */
@ExtendWith(RealInfrastructure.class)
class BrowserRenderTest {

    /** The page's HTML: no article in it, only a script that writes them. */
    private static final String SHELL = """
            <html><head><meta charset="gb2312"><title>示例数据安全管理办法（征求意见稿）</title></head><body>
            <nav><a href="/">首页</a></nav>
            <div id="content"><h1 id="title"></h1><div id="articles">正在加载……</div><ul id="links"></ul></div>
            <script src="/app.js"></script></body></html>""";

    /** Writes the articles and links of /articles.json, and tries every way out it can. */
    private static final String APP = """
            fetch('/articles.json').then(function (r) { return r.json(); }).then(function (d) {
              document.getElementById('title').textContent = d.title;
              var box = document.getElementById('articles');
              box.textContent = '';
              d.articles.forEach(function (a) { var p = document.createElement('p'); p.textContent = a; box.appendChild(p); });
              var ul = document.getElementById('links');
              d.links.forEach(function (l) {
                var li = document.createElement('li'), a = document.createElement('a');
                a.href = l; a.textContent = '文件 ' + l; li.appendChild(a); ul.appendChild(li);
              });
            });
            var out = '%1$s';
            fetch(out + '/steal-fetch').catch(function () {});
            var x = new XMLHttpRequest(); x.open('GET', out + '/steal-xhr'); x.send();
            new Image().src = out + '/steal-img.png';
            fetch('http://169.254.169.254/latest/meta-data/iam/security-credentials/').catch(function () {});
            fetch('http://[::ffff:169.254.169.254]/latest/meta-data/').catch(function () {});
            fetch('/private/secret.json').catch(function () {});
            fetch(out + '/steal-post', {method: 'POST', body: 'x'}).catch(function () {});
            try { new WebSocket(out.replace('http', 'ws') + '/steal-ws'); } catch (e) {}
            try { navigator.sendBeacon(out + '/steal-beacon', 'x'); } catch (e) {}
            var f = document.createElement('iframe'); f.src = out + '/steal-frame'; document.body.appendChild(f);
            var s = document.createElement('script'); s.src = out + '/steal-script.js'; document.head.appendChild(s);
            """;

    @TempDir
    Path dir;
    private TestSupport.Site site;
    private TestSupport.Site elsewhere;
    private CrawlerHarness harness;
    private TestInfra infra;
    private String topic;
    private final AtomicReference<String> articles = new AtomicReference<>(articles("数据处理者应当每年开展一次风险评估。"));

    @BeforeEach
    void setUp(TestInfra infra, TestInfo info) throws IOException {
        this.infra = infra;
        this.site = TestSupport.site();
        this.elsewhere = TestSupport.site(); // another origin on 127.0.0.1: an internal service to protect
        this.topic = infra.name("snapshots-" + info.getTestMethod().orElseThrow().getName());
        articles.set(articles("数据处理者应当每年开展一次风险评估。"));
        site.html("/app.htm", SHELL);
        site.on("/app.js", ex -> TestSupport.send(ex, 200, "application/javascript",
                APP.formatted(elsewhere.url("").toString())));
        site.on("/articles.json", ex -> TestSupport.send(ex, 200, "application/json; charset=utf-8", articles.get()));
        site.on("/robots.txt", ex -> TestSupport.send(ex, 200, "text/plain", "User-agent: *\nDisallow: /private/\n"));
        site.on("/private/secret.json", ex -> TestSupport.send(ex, 200, "application/json", "{\"secret\": 1}"));
    }

    @AfterEach
    void tearDown() {
        if (harness != null) {
            harness.close();
        }
        site.close();
        elsewhere.close();
    }

    private String articles(String article2) {
        return """
                {"title": "示例数据安全管理办法（征求意见稿）",
                 "articles": ["第一条 为了规范数据处理活动，制定本办法。", "第二条 %s", "第三条 本办法自发布之日起施行。"],
                 "links": ["/doc/1.htm", "%s", "http://169.254.169.254/latest/meta-data/doc.htm"]}"""
                .formatted(article2, elsewhere == null ? "" : elsewhere.url("/doc/2.htm"));
    }

    private static void assumeChromium() {
        boolean ci = "true".equals(System.getenv("CI"));
        assumeTrue(ci || Files.isExecutable(RenderSettings.DEFAULT_CHROMIUM), "browser rendering tests skipped: "
                + RenderSettings.DEFAULT_CHROMIUM + " is not installed (apt-get install chromium); in CI they run and fail");
    }

    private void start(Map<String, Object> extra, String... entries) throws IOException {
        harness = CrawlerHarness.start(infra, topic, CrawlerHarness.sourcesFile(dir, entries), false, extra);
    }

    @Test
    void aPageWrittenByScriptIsCrawledAndDiffedLikeAStaticPageAndNothingElseIsReached() throws IOException {
        assumeChromium();
        start(Map.of(), page("scripted", site.url("/app.htm"), "content: \"#content\"\nrender: browser"));

        CrawlReport first = harness.crawl("scripted");

        assertThat(first.outcome()).as(first.error()).isEqualTo(CrawlOutcome.PUBLISHED);
        PageSnapshot v1 = harness.snapshots().get(0);
        assertThat(v1.title()).isEqualTo("示例数据安全管理办法（征求意见稿）");
        assertThat(text(v1)).contains("第一条 为了规范数据处理活动", "第二条 数据处理者应当每年开展一次风险评估。", "第三条")
                .doesNotContain("正在加载");

        articles.set(articles("数据处理者应当每半年开展一次风险评估，并向主管部门报送报告。"));
        CrawlReport second = harness.crawl("scripted");

        assertThat(second.outcome()).as(second.error()).isEqualTo(CrawlOutcome.PUBLISHED);
        List<PageSnapshot> all = harness.snapshots();
        assertThat(all).hasSize(2);
        List<ProvisionChange> changes = new Engine().compare(all.get(0).blocks(), all.get(1).blocks()).changes();
        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(ChangeType.MODIFIED);
            assertThat(c.newLabel()).isEqualTo("第二条");
            assertThat(c.newText()).contains("每半年");
        });
        assertThat(site.requestsTo("/app.htm")).as("the page itself fetched once per crawl, by the crawler").hasSize(2);
        assertThat(site.requestsTo("/articles.json")).hasSize(2);

        assertThat(site.requestsTo("/private/secret.json")).as("robots.txt holds inside the browser").isEmpty();
        assertThat(elsewhere.requests).as("another loopback origin is never reached, by crawler or browser").isEmpty();
        assertThat(harness.bean(BrowserPool.class).running()).isEqualTo(1);
        List<ProcessHandle> processes = harness.bean(BrowserPool.class).processes();
        assertThat(processes).isNotEmpty().allMatch(ProcessHandle::isAlive);

        harness.close();
        harness = null;
        assertThat(processes).as("no browser process outlives the crawler").noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void aListingWrittenByScriptFollowsItsOwnLinksOnlyAndRendersThem() throws IOException {
        assumeChromium();
        site.html("/doc/1.htm", SHELL.replace("/app.js", "/doc.js"));
        site.on("/doc.js", ex -> TestSupport.send(ex, 200, "text/javascript",
                "document.getElementById('articles').textContent = '第一条 文件正文由脚本写成。';"
                        + "document.getElementById('title').textContent = '脚本文件';"));
        elsewhere.html("/doc/2.htm", "<html><body>internal</body></html>");
        start(Map.of(), index("scripted-list", "listing", site.url("/app.htm"),
                "links: \"#links a[href]\"\ncontent: \"#articles\"\nrender: browser\nattachments: false"));

        CrawlReport report = harness.crawl("scripted-list");

        assertThat(report.outcome()).as(report.error()).isEqualTo(CrawlOutcome.PUBLISHED);
        assertThat(harness.snapshots()).singleElement().satisfies(s -> {
            assertThat(s.documentId()).isEqualTo(Ids.discoveredDocumentId("scripted-list", site.url("/doc/1.htm")));
            assertThat(text(s)).contains("第一条 文件正文由脚本写成。");
        });
        assertThat(report.error()).as("the discovered links to 127.0.0.1:other and 169.254.169.254 are refused")
                .contains("refused");
        assertThat(elsewhere.requests).isEmpty();
    }

    @Test
    void everyRequestThePageMakesIsAnsweredByTheCrawlerUnderItsRules() throws IOException {
        assumeChromium();
        CrawlerSettings polite = withDelay(Duration.ofMillis(300));
        HttpFetcher fetcher = new HttpFetcher(polite, Clock.systemUTC());
        URI pageUrl = site.url("/app.htm");
        UrlOrigin trusted = UrlOrigin.of(pageUrl);
        CookieManager jar = new CookieManager();
        FetchResult.Fetched page = (FetchResult.Fetched) fetcher.fetch(FetchRequest.configured(pageUrl, Validators.NONE,
                jar, null));
        List<URI> asked = new ArrayList<>();
        Rendered rendered;
        try (BrowserPool pool = new BrowserPool(RenderSettings.defaults())) {
            rendered = pool.render(new RenderRequest(page.finalUrl(), page.body(), page.contentType(), 16 << 20, url -> {
                synchronized (asked) {
                    asked.add(url);
                }
                return fetcher.fetch(new FetchRequest(url, Validators.NONE, trusted, jar));
            }));
        } catch (dev.policywatch.crawler.render.RenderException e) {
            throw new AssertionError(e.getMessage(), e);
        }

        assertThat(rendered.html()).contains("第二条 数据处理者应当每年开展一次风险评估。");
        assertThat(rendered.refused()).as("refused, each with its reason")
                .anySatisfy(r -> assertThat(r).startsWith("http://169.254.169.254/latest/meta-data/iam").contains("non-public"))
                .anySatisfy(r -> assertThat(r).startsWith("http://[::ffff:a9fe:a9fe]/").contains("non-public address 169.254.169.254"))
                .anySatisfy(r -> assertThat(r).startsWith(elsewhere.url("/steal-fetch").toString()).contains("non-public"))
                .anySatisfy(r -> assertThat(r).startsWith(elsewhere.url("/steal-xhr").toString()))
                .anySatisfy(r -> assertThat(r).startsWith(elsewhere.url("/steal-script.js").toString()))
                .anySatisfy(r -> assertThat(r).startsWith(elsewhere.url("/steal-frame").toString()))
                .anySatisfy(r -> assertThat(r).startsWith(elsewhere.url("/steal-post").toString()).contains("POST"))
                .anySatisfy(r -> assertThat(r).startsWith(site.url("/private/secret.json").toString()).contains("robots"));
        assertThat(asked).as("images, beacons and web sockets are not even asked for")
                .noneMatch(u -> u.getPath().startsWith("/steal-img") || u.getPath().startsWith("/steal-beacon")
                        || u.getPath().startsWith("/steal-ws"));
        assertThat(elsewhere.requests).as("nothing reached the other loopback origin").isEmpty();
        assertThat(site.requestsTo("/private/secret.json")).isEmpty();
        assertThat(site.requestsTo("/app.htm")).as("the browser did not fetch the page again").hasSize(1);
        List<TestSupport.Site.Request> hits = site.requests.stream().filter(r -> !r.path().equals("/robots.txt")).toList();
        assertThat(hits).extracting(TestSupport.Site.Request::path).containsExactly("/app.htm", "/app.js", "/articles.json");
        for (int i = 1; i < hits.size(); i++) {
            assertThat(Duration.ofNanos(hits.get(i).nanoTime() - hits.get(i - 1).nanoTime()))
                    .as("the per-host delay holds between the page's requests").isGreaterThanOrEqualTo(Duration.ofMillis(250));
        }
    }

    @Test
    void hostilePagesAreBoundedAndTheBrowserGoesOn() throws IOException {
        assumeChromium();
        site.html("/hang.htm", "<html><body><p>第一条</p><script>for (;;) {}</script></body></html>");
        site.html("/huge.htm", "<html><body><div id=\"x\" style=\"display:none\"></div><script>"
                + "document.getElementById('x').textContent = '条'.repeat(3 * 1024 * 1024);</script></body></html>");
        site.html("/dialog.htm", "<html><body><div id=\"x\"></div><script>alert('hi'); confirm('ok?');"
                + "document.getElementById('x').textContent = '第一条 对话框之后写成。';</script></body></html>");
        HttpFetcher fetcher = new HttpFetcher(TestSupport.fastSettings(), Clock.systemUTC());
        RenderSettings settings = new RenderSettings(null, 1, Duration.ofSeconds(4), Duration.ofMillis(200), 100,
                null, null);
        try (BrowserPool pool = new BrowserPool(settings)) {
            long start = System.nanoTime();
            FetchResult hang = render(pool, fetcher, "/hang.htm", 16 << 20);
            assertThat(hang).isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
                assertThat(CrawlOutcome.of(f)).isEqualTo(CrawlOutcome.TIMEOUT);
                assertThat(f.reason()).contains("did not finish loading within 4000 ms");
            });
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("bounded by the page-load timeout")
                    .isLessThan(Duration.ofSeconds(20));
            assertThat(pool.running()).as("the browser of a page that never finished is closed").isZero();

            FetchResult huge = render(pool, fetcher, "/huge.htm", 1 << 20);
            assertThat(huge).isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
                assertThat(CrawlOutcome.of(f)).as(f.reason()).isEqualTo(CrawlOutcome.TOO_LARGE);
                assertThat(f.reason()).contains("over the cap of 1048576 bytes");
            });

            FetchResult dialog = render(pool, fetcher, "/dialog.htm", 16 << 20);
            assertThat(dialog).isInstanceOfSatisfying(FetchResult.Fetched.class, f -> assertThat(
                    new String(f.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("第一条 对话框之后写成。"));
            assertThat(pool.running()).as("one browser at most (the default pool)").isLessThanOrEqualTo(1);
        }
    }

    private FetchResult render(BrowserPool pool, HttpFetcher fetcher, String path, long maxBytes) {
        URI url = site.url(path);
        CookieManager jar = new CookieManager();
        FetchResult.Fetched page = (FetchResult.Fetched) fetcher.fetch(FetchRequest.configured(url, Validators.NONE, jar,
                null));
        return pool.render(page, maxBytes, u -> fetcher.fetch(new FetchRequest(u, Validators.NONE, UrlOrigin.of(url), jar)));
    }

    @Test
    void withoutChromiumTheSourceSaysSoAndTheOthersRun() throws IOException {
        site.html("/notice.htm", "<html><head><title>通知</title></head><body><div id=\"content\">"
                + "<p>第一条 本通知自发布之日起施行。</p></div></body></html>");
        start(Map.of("policywatch.crawler.render.chromium", dir.resolve("no-chromium").toString()),
                page("scripted", site.url("/app.htm"), "render: browser"),
                page("notice", site.url("/notice.htm"), "content: \"#content\""));

        CrawlReport scripted = harness.crawl("scripted");
        CrawlReport notice = harness.crawl("notice");

        assertThat(scripted.outcome()).isEqualTo(CrawlOutcome.RENDER_UNAVAILABLE);
        assertThat(scripted.error()).startsWith("render: browser needs chromium; install it or set render: http");
        assertThat(site.requestsTo("/app.htm")).isEmpty();
        assertThat(notice.outcome()).isEqualTo(CrawlOutcome.PUBLISHED);
        assertThat(harness.bean(BrowserPool.class).running()).isZero();
    }

    private static CrawlerSettings withDelay(Duration delay) {
        CrawlerSettings f = TestSupport.fastSettings();
        return new CrawlerSettings(true, delay, f.userAgent(), f.concurrency(), f.connectTimeout(), f.readTimeout(),
                f.totalTimeout(), f.maxBodyBytes(), f.maxDecompressedBytes(), f.maxRedirects(), f.maxRetries(),
                f.retryBackoff(), f.maxRetryAfter(), f.goneAfter(), f.driftShrink(), f.driftConfirmations(),
                f.maxDocumentsPerListing(), f.robotsCacheTtl(), f.robotsFailureTtl(), f.startSpread(), f.jitter(),
                f.sourcesPollInterval(), f.memoryBudget(), f.maxSnapshotBytes(), f.idleConnections());
    }
}
