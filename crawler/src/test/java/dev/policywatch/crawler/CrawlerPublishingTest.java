package dev.policywatch.crawler;

import static dev.policywatch.crawler.CrawlerHarness.index;
import static dev.policywatch.crawler.CrawlerHarness.page;
import static dev.policywatch.crawler.CrawlerHarness.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import dev.policywatch.events.DocumentStatus;
import dev.policywatch.events.Ids;
import dev.policywatch.events.Origin;
import dev.policywatch.events.PageSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

/** What the crawler publishes, and what it does not, against a real local site and a real broker. */
class CrawlerPublishingTest extends SiteCrawlTest {

    private static final String REGULATION_V1 = """
            <html><head><title>生成式人工智能服务管理暂行办法</title></head><body>
            <div class="nav">首页 &gt; 政策法规</div>
            <div id="BodyLabel">
              <h2>第一章 总则</h2>
              <p>第一条 为了促进生成式人工智能健康发展和规范应用，制定本办法。</p>
              <p>第二条 利用生成式人工智能技术向中华人民共和国境内公众提供生成文本、图片、音频、视频等内容的服务，适用本办法。</p>
              <p>第三条 国家坚持发展和安全并重、促进创新和依法治理相结合的原则。</p>
            </div>
            <div class="share">分享到 <span class="time">%s</span></div>
            </body></html>""";


    @Test
    void publishesARegulationPageThenOnlyItsNextVersion() throws IOException {
        AtomicReference<String> body = new AtomicReference<>(REGULATION_V1.formatted("2026-11-29 08:00"));
        site.on("/reg.htm", ex -> TestSupport.send(ex, 200, "text/html; charset=utf-8", body.get()));
        start(page("cac-genai", site.url("/reg.htm"), "content: \"#BodyLabel\""));

        assertThat(harness.crawl("cac-genai").published()).isEqualTo(1);
        assertThat(harness.crawl("cac-genai").outcome()).isEqualTo(CrawlOutcome.UNCHANGED);
        body.set(REGULATION_V1.formatted("2026-11-29 08:00")
                .replace("制定本办法。", "依据《中华人民共和国网络安全法》等法律、行政法规，制定本办法。"));
        assertThat(harness.crawl("cac-genai").published()).isEqualTo(1);

        List<PageSnapshot> snapshots = harness.snapshots();
        assertThat(snapshots).hasSize(2);
        assertThat(snapshots).extracting(PageSnapshot::documentId).containsOnly("cac-genai");
        PageSnapshot first = snapshots.get(0);
        assertThat(first.origin()).isEqualTo(Origin.CONFIGURED);
        assertThat(first.status()).isEqualTo(DocumentStatus.PRESENT);
        assertThat(first.url()).isEqualTo(site.url("/reg.htm").toString());
        assertThat(first.publisher()).isEqualTo("Test Body");
        assertThat(first.title()).isEqualTo("生成式人工智能服务管理暂行办法");
        assertThat(text(first)).contains("第一条 为了促进").doesNotContain("首页");
        assertThat(text(snapshots.get(1))).contains("网络安全法");
        assertThat(snapshots.get(1).contentHash()).isNotEqualTo(first.contentHash());
    }

    @Test
    void aTitleThatLosesItsDraftMarkerOutsideTheContentSelectorIsPublished() throws IOException {
        String draft = REGULATION_V1.formatted("fixed")
                .replace("<title>生成式人工智能服务管理暂行办法</title>", "<title>生成式人工智能服务管理暂行办法（征求意见稿）</title>");
        AtomicReference<String> body = new AtomicReference<>(draft);
        site.on("/genai.htm", ex -> TestSupport.send(ex, 200, "text/html; charset=utf-8", body.get()));
        start(page("cac-genai", site.url("/genai.htm"), "content: \"#BodyLabel\""));

        assertThat(harness.crawl("cac-genai").published()).isEqualTo(1);
        assertThat(harness.crawl("cac-genai").outcome()).isEqualTo(CrawlOutcome.UNCHANGED);
        body.set(REGULATION_V1.formatted("fixed"));
        assertThat(harness.crawl("cac-genai").published()).isEqualTo(1);

        List<PageSnapshot> snapshots = harness.snapshots();
        assertThat(snapshots).extracting(PageSnapshot::title)
                .containsExactly("生成式人工智能服务管理暂行办法（征求意见稿）", "生成式人工智能服务管理暂行办法");
        assertThat(snapshots.get(1).contentHash()).isEqualTo(snapshots.get(0).contentHash());
    }

    @Test
    void anUnchangedPagePublishesNothingWhetherAnswered304OrAnIdentical200() throws IOException {
        String html = REGULATION_V1.formatted("fixed");
        site.etagged("/etag.htm", "\"r1\"", html);
        site.html("/plain.htm", html);
        start(page("with-etag", site.url("/etag.htm"), "content: \"#BodyLabel\""),
                page("without-validators", site.url("/plain.htm"), "content: \"#BodyLabel\""));

        harness.crawl("with-etag");
        harness.crawl("without-validators");
        CrawlReport second304 = harness.crawl("with-etag");
        CrawlReport second200 = harness.crawl("without-validators");

        assertThat(second304.outcome()).isEqualTo(CrawlOutcome.NOT_MODIFIED);
        assertThat(second304.httpStatus()).isEqualTo(304);
        assertThat(second200.outcome()).isEqualTo(CrawlOutcome.UNCHANGED);
        assertThat(site.requestsTo("/etag.htm").get(1).header("If-None-Match")).isEqualTo("\"r1\"");
        assertThat(harness.snapshots()).extracting(PageSnapshot::documentId)
                .containsExactlyInAnyOrder("with-etag", "without-validators");
    }

    @Test
    void readsAGb2312LabelledPageWithGbkOnlyCharacters() throws IOException {
        // 镕 and 喆 are in GBK but not in GB2312: a strict GB2312 decoder would lose them
        String html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
                + "<title>国务院令</title></head><body><div id=\"UCAP-CONTENT\"><p>第一条 总理朱镕基签署，张喆起草。</p>"
                + "</div></body></html>";
        byte[] gbk = html.getBytes(Charset.forName("GBK"));
        site.on("/gb.htm", ex -> TestSupport.send(ex, 200, "text/html; charset=gb2312", gbk));
        start(page("gov-order", site.url("/gb.htm"), "content: \"#UCAP-CONTENT\""));

        harness.crawl("gov-order");

        assertThat(harness.snapshots()).singleElement()
                .satisfies(s -> assertThat(text(s)).contains("第一条 总理朱镕基签署，张喆起草。"));
    }

    @Test
    void extractsAPdf() throws IOException {
        byte[] pdf = pdf("Section 1. Purpose", "This order sets the national policy on artificial intelligence.",
                "Section 2. Policy", "It is the policy of the United States to sustain AI leadership.");
        site.on("/plan.pdf", ex -> TestSupport.send(ex, 200, "application/pdf", pdf));
        start(page("ai-plan", site.url("/plan.pdf"), ""));

        harness.crawl("ai-plan");

        assertThat(harness.snapshots()).singleElement().satisfies(s -> {
            assertThat(s.contentType()).isEqualTo("application/pdf");
            assertThat(text(s)).contains("Section 2. Policy").contains("sustain AI leadership");
        });
    }

    @Test
    void aListingThatGainsALinkPublishesTheNewDocumentAsDiscovered() throws IOException {
        AtomicReference<String> rows = new AtomicReference<>(
                "<li><h5><a href=\"/a/1.htm\">一</a></h5></li><li><h5><a href=\"2.htm#top\">二</a></h5></li>");
        site.on("/a/list.htm", ex -> TestSupport.send(ex, 200, "text/html; charset=utf-8",
                "<html><body><ul id=\"loadingInfoPage\">" + rows.get() + "</ul><a href=\"/about\">关于</a></body></html>"));
        for (int i = 1; i <= 3; i++) {
            site.html("/a/" + i + ".htm", "<html><body><div id=\"BodyLabel\"><p>第一条 文件" + i + "的正文。</p></div></body></html>");
        }
        start(index("cac-list", "listing", site.url("/a/list.htm"),
                "links: \"#loadingInfoPage > li h5 > a[href]\"\ncontent: \"#BodyLabel\""));

        CrawlReport first = harness.crawl("cac-list");
        rows.set(rows.get() + "<li><h5><a href=\"3.htm\">三</a></h5></li>");
        CrawlReport second = harness.crawl("cac-list");

        assertThat(first.documents()).isEqualTo(2);
        assertThat(first.published()).isEqualTo(2);
        assertThat(second.documents()).isEqualTo(3);
        assertThat(second.published()).isEqualTo(1);
        List<PageSnapshot> snapshots = harness.snapshots();
        assertThat(snapshots).hasSize(3);
        String id3 = Ids.discoveredDocumentId("cac-list", site.url("/a/3.htm"));
        assertThat(snapshots).filteredOn(s -> s.origin() == Origin.BACKFILL).extracting(PageSnapshot::documentId)
                .containsExactlyInAnyOrder(Ids.discoveredDocumentId("cac-list", site.url("/a/1.htm")),
                        Ids.discoveredDocumentId("cac-list", site.url("/a/2.htm")));
        assertThat(snapshots).filteredOn(s -> s.origin() == Origin.DISCOVERED).singleElement().satisfies(s -> {
            assertThat(s.documentId()).isEqualTo(id3);
            assertThat(s.sourceId()).isEqualTo("cac-list");
            assertThat(text(s)).contains("文件3");
        });
    }

    @Test
    void aTimestampOnlyChangeInsideAnExcludedSelectorPublishesNothing() throws IOException {
        AtomicInteger n = new AtomicInteger();
        site.on("/ts.htm", ex -> TestSupport.send(ex, 200, "text/html; charset=utf-8",
                REGULATION_V1.formatted("2026-11-29 08:0" + n.incrementAndGet())));
        start(page("stamped", site.url("/ts.htm"), "exclude: [\".share\"]"));

        harness.crawl("stamped");
        CrawlReport again = harness.crawl("stamped");

        assertThat(again.outcome()).isEqualTo(CrawlOutcome.UNCHANGED);
        assertThat(harness.snapshots()).hasSize(1);
        assertThat(text(harness.snapshots().get(0))).doesNotContain("2026-11-29").contains("第三条");
    }

    @Test
    void aDocumentIsGoneOnlyAfterThreeConsecutive404s() throws IOException {
        AtomicReference<Integer> status = new AtomicReference<>(200);
        site.on("/doc.htm", ex -> TestSupport.send(ex, status.get(), "text/html; charset=utf-8",
                status.get() == 200 ? REGULATION_V1.formatted("x") : "<html><body>404</body></html>"));
        start(page("repealed", site.url("/doc.htm"), "content: \"#BodyLabel\""));

        harness.crawl("repealed");
        status.set(404);
        CrawlReport once = harness.crawl("repealed");
        harness.crawl("repealed");
        assertThat(harness.snapshots()).hasSize(1);
        CrawlReport third = harness.crawl("repealed");

        assertThat(once.error()).contains("1 of 3");
        assertThat(third.outcome()).isEqualTo(CrawlOutcome.GONE);
        List<PageSnapshot> snapshots = harness.snapshots();
        assertThat(snapshots).extracting(PageSnapshot::status)
                .containsExactly(DocumentStatus.PRESENT, DocumentStatus.GONE);
        assertThat(snapshots.get(1).blocks()).isEmpty();
        assertThat(harness.crawl("repealed").published()).isZero(); // gone once, not again
    }

    @Test
    void aRedesignThatLosesTheContentSelectorIsHeldBackUntilSeenThreeTimes() throws IOException {
        AtomicReference<String> body = new AtomicReference<>(REGULATION_V1.formatted("x"));
        site.on("/re.htm", ex -> TestSupport.send(ex, 200, "text/html; charset=utf-8", body.get()));
        start(page("redesigned", site.url("/re.htm"), "content: \"#BodyLabel\""));
        harness.crawl("redesigned");

        body.set("<html><body><div class=\"new-layout\"><p>第一条 为了促进生成式人工智能健康发展和规范应用，制定本办法。</p>"
                + "</div></body></html>");
        CrawlReport held1 = harness.crawl("redesigned");
        CrawlReport held2 = harness.crawl("redesigned");
        assertThat(harness.snapshots()).hasSize(1);
        CrawlReport confirmed = harness.crawl("redesigned");

        assertThat(held1.outcome()).isEqualTo(CrawlOutcome.HELD_BACK);
        assertThat(held1.warning()).contains("content selector matched nothing");
        assertThat(held1.warningKind()).isEqualTo("SELECTOR_MATCHED_NOTHING");
        assertThat(held2.warning()).contains("seen 2 of 3");
        assertThat(confirmed.published()).isEqualTo(1);
        assertThat(harness.snapshots()).hasSize(2);
    }

    @Test
    void textThatShrinksByMoreThanSixtyPercentIsHeldBackUntilAnAdminAcceptsIt() throws IOException {
        StringBuilder longText = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            longText.append("<p>第").append(i).append("条 本条规定了相当长的一段条文内容，用于测试文本骤减的情形。</p>");
        }
        AtomicReference<String> body = new AtomicReference<>("<html><body><div id=\"BodyLabel\">" + longText
                + "</div></body></html>");
        site.on("/long.htm", ex -> TestSupport.send(ex, 200, "text/html; charset=utf-8", body.get()));
        start(page("shrinking", site.url("/long.htm"), "content: \"#BodyLabel\""));
        harness.crawl("shrinking");

        body.set("<html><body><div id=\"BodyLabel\"><p>第1条 本办法废止。</p></div></body></html>");
        CrawlReport held = harness.crawl("shrinking");
        int accepted = harness.bean(Crawler.class).accept(harness.bean(dev.policywatch.crawler.source.SourceCatalog.class)
                .find("shrinking").orElseThrow());

        assertThat(held.outcome()).isEqualTo(CrawlOutcome.HELD_BACK);
        assertThat(held.warning()).contains("shrank");
        assertThat(held.warningKind()).isEqualTo("TEXT_SHRANK");
        assertThat(accepted).isEqualTo(1);
        assertThat(harness.snapshots()).hasSize(2);
        assertThat(text(harness.snapshots().get(1))).contains("本办法废止");
    }

    @Test
    void hostileAnswersPublishNothing() throws IOException {
        site.on("/loop", ex -> redirect(ex, "/loop"));
        site.on("/to-file", ex -> redirect(ex, "file:///etc/passwd"));
        site.on("/huge", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/html");
            ex.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[1 << 20];
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 60; i++) {
                    out.write(chunk);
                }
            }
        });
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            byte[] page = "<p>第一条 炸弹</p>".repeat(1000).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            for (int i = 0; i < 4000; i++) {
                gz.write(page);
            }
        }
        site.on("/bomb", ex -> {
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            TestSupport.send(ex, 200, "text/html", zipped.toByteArray());
        });
        site.on("/robots.txt", ex -> TestSupport.send(ex, 200, "text/plain", "User-agent: *\nDisallow: /private\n"));
        site.html("/private/doc.htm", REGULATION_V1.formatted("x"));
        start(page("loop", site.url("/loop"), ""), page("to-file", site.url("/to-file"), ""),
                page("huge", site.url("/huge"), ""), page("bomb", site.url("/bomb"), ""),
                page("private", site.url("/private/doc.htm"), ""));

        assertThat(harness.crawl("loop").outcome()).isEqualTo(CrawlOutcome.REDIRECT_ERROR);
        assertThat(harness.crawl("to-file").outcome()).isEqualTo(CrawlOutcome.REFUSED_URL);
        assertThat(harness.crawl("huge").outcome()).isEqualTo(CrawlOutcome.TOO_LARGE);
        assertThat(harness.crawl("bomb").outcome()).isEqualTo(CrawlOutcome.TOO_LARGE);
        assertThat(harness.crawl("private").outcome()).isEqualTo(CrawlOutcome.ROBOTS_DISALLOWED);
        assertThat(harness.snapshots()).isEmpty();
        assertThat(site.requestsTo("/private/doc.htm")).isEmpty();
    }

    @Test
    void robotsAnswering503PublishesNothingAndFetchesNothing() throws IOException {
        site.on("/robots.txt", ex -> TestSupport.send(ex, 503, "text/plain", "maintenance"));
        site.html("/doc.htm", REGULATION_V1.formatted("x"));
        start(page("robots-down", site.url("/doc.htm"), ""));

        CrawlReport report = harness.crawl("robots-down");

        assertThat(report.outcome()).isEqualTo(CrawlOutcome.ROBOTS_DISALLOWED);
        assertThat(report.error()).contains("unavailable");
        assertThat(site.requestsTo("/doc.htm")).isEmpty();
        assertThat(harness.snapshots()).isEmpty();
    }

    @Test
    void transientErrorsAreRetriedAndThePageIsPublishedOnce() throws IOException {
        AtomicInteger tooMany = new AtomicInteger();
        site.on("/429.htm", ex -> {
            if (tooMany.incrementAndGet() == 1) {
                ex.getResponseHeaders().set("Retry-After", "1");
                TestSupport.send(ex, 429, "text/plain", "later");
            } else {
                TestSupport.send(ex, 200, "text/html; charset=utf-8", REGULATION_V1.formatted("a"));
            }
        });
        AtomicInteger broken = new AtomicInteger();
        site.on("/500.htm", ex -> TestSupport.send(ex, broken.incrementAndGet() == 1 ? 500 : 200,
                "text/html; charset=utf-8", REGULATION_V1.formatted("b")));
        start(page("rate-limited", site.url("/429.htm"), "content: \"#BodyLabel\""),
                page("flaky", site.url("/500.htm"), "content: \"#BodyLabel\""));

        assertThat(harness.crawl("rate-limited").published()).isEqualTo(1);
        assertThat(harness.crawl("flaky").published()).isEqualTo(1);
        assertThat(harness.snapshots()).extracting(PageSnapshot::documentId)
                .containsExactlyInAnyOrder("rate-limited", "flaky");
    }

    @Test
    void aSlowTrickleIsCutAndPublishesNothing() throws IOException {
        site.on("/slow.htm", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/html");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            for (int i = 0; i < 40; i++) {
                out.write('<');
                out.flush();
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        start(page("slow", site.url("/slow.htm"), ""));

        CrawlReport report = harness.crawl("slow");

        assertThat(report.outcome()).isEqualTo(CrawlOutcome.TIMEOUT);
        assertThat(harness.snapshots()).isEmpty();
    }

    @Test
    void aRestartRepublishesNothingThatDidNotChange() throws IOException {
        site.html("/stable.htm", REGULATION_V1.formatted("x"));
        start(page("stable", site.url("/stable.htm"), "content: \"#BodyLabel\""));
        harness.crawl("stable");
        harness.close();

        harness = CrawlerHarness.start(infra, topic, dir.resolve("sources.yml"), false);
        CrawlReport afterRestart = harness.crawl("stable");

        assertThat(afterRestart.outcome()).isEqualTo(CrawlOutcome.UNCHANGED);
        assertThat(harness.snapshots()).hasSize(1);
    }

    private static void redirect(HttpExchange ex, String location) throws IOException {
        ex.getResponseHeaders().set("Location", location);
        ex.sendResponseHeaders(302, -1);
    }

    static byte[] pdf(String... lines) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(72, 720);
                for (String line : lines) {
                    cs.showText(line);
                    cs.newLineAtOffset(0, -24);
                }
                cs.endText();
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    @SuppressWarnings("unused")
    private static URI unused() {
        return null;
    }
}
