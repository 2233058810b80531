package dev.policywatch.crawler;

import static dev.policywatch.crawler.CrawlerHarness.index;
import static dev.policywatch.crawler.CrawlerHarness.page;
import static org.assertj.core.api.Assertions.assertThat;

import dev.policywatch.crawler.state.CrawlMemory;
import dev.policywatch.crawler.state.CrawlStateStore;
import dev.policywatch.events.DocumentStatus;
import dev.policywatch.events.Ids;
import dev.policywatch.events.Origin;
import dev.policywatch.events.PageSnapshot;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The crawler's per-source and per-document memory (validators, 404 counts, a listing's known links)
 * survives a restart: each test crawls, closes the context, starts a new one on the same real broker
 * and crawls again against the same local site.
 */
class CrawlStateRestartTest extends SiteCrawlTest {

    private static final String PAGE = """
            <html><head><title>人工智能生成合成内容标识办法</title></head><body><div id="BodyLabel">
              <p>第一条 为了促进人工智能健康发展，规范人工智能生成合成内容标识，制定本办法。</p>
              <p>第二条 符合规定情形的网络信息服务提供者开展人工智能生成合成内容标识，适用本办法。</p>
            </div></body></html>""";


    @Test
    void theFirstFetchAfterARestartIsConditionalAndAnswered304() throws IOException {
        site.etagged("/etag.htm", () -> "\"v1\"", "Wed, 04 Mar 2026 08:00:00 GMT", () -> PAGE);
        start(page("labelling", site.url("/etag.htm"), "content: \"#BodyLabel\""));
        assertThat(harness.crawl("labelling").published()).isEqualTo(1);

        restart();
        CrawlReport afterRestart = harness.crawl("labelling");

        assertThat(afterRestart.outcome()).isEqualTo(CrawlOutcome.NOT_MODIFIED);
        assertThat(afterRestart.httpStatus()).isEqualTo(304);
        List<TestSupport.Site.Request> requests = site.requestsTo("/etag.htm");
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).header("If-None-Match")).isNull();
        assertThat(requests.get(1).header("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(requests.get(1).header("If-Modified-Since")).isEqualTo("Wed, 04 Mar 2026 08:00:00 GMT");
        assertThat(harness.snapshots()).hasSize(1);
    }

    @Test
    void aLinkSeenBeforeARestartButNotYetPublishedIsABaselineNotANewDocument() throws IOException {
        AtomicReference<String> rows = new AtomicReference<>(
                "<li><a href=\"/d/1.htm\">一</a></li><li><a href=\"/d/2.htm\">二</a></li>");
        site.etagged("/d/list.htm", () -> "\"" + Integer.toHexString(rows.get().hashCode()) + "\"", null,
                () -> "<html><body><ul id=\"list\">" + rows.get() + "</ul></body></html>");
        site.html("/d/1.htm", PAGE.replace("本办法", "本办法一"));
        AtomicBoolean secondUp = new AtomicBoolean(false);
        site.on("/d/2.htm", ex -> {
            if (secondUp.get()) {
                TestSupport.send(ex, 200, "text/html; charset=utf-8", PAGE.replace("本办法", "本办法二"));
            } else {
                TestSupport.send(ex, 500, "text/html", "<html><body>busy</body></html>");
            }
        });
        site.html("/d/3.htm", PAGE.replace("本办法", "本办法三"));
        start(index("cac-drafts", "listing", site.url("/d/list.htm"),
                "links: \"#list a[href]\"\ncontent: \"#BodyLabel\""));

        CrawlReport before = harness.crawl("cac-drafts");
        assertThat(before.published()).isEqualTo(1);
        assertThat(before.error()).contains("500");

        restart();
        secondUp.set(true);
        CrawlReport unchangedListing = harness.crawl("cac-drafts");
        rows.set(rows.get() + "<li><a href=\"/d/3.htm\">三</a></li>");
        CrawlReport grownListing = harness.crawl("cac-drafts");

        // the index answered 304 after the restart: its links came from the kept state
        assertThat(unchangedListing.httpStatus()).isEqualTo(304);
        assertThat(unchangedListing.documents()).isEqualTo(2);
        assertThat(unchangedListing.published()).isEqualTo(1);
        assertThat(grownListing.published()).isEqualTo(1);
        List<PageSnapshot> snapshots = harness.snapshots();
        assertThat(snapshots).hasSize(3);
        String id2 = Ids.discoveredDocumentId("cac-drafts", site.url("/d/2.htm"));
        String id3 = Ids.discoveredDocumentId("cac-drafts", site.url("/d/3.htm"));
        assertThat(snapshots).filteredOn(s -> s.documentId().equals(id2)).singleElement()
                .extracting(PageSnapshot::origin).isEqualTo(Origin.BACKFILL);
        assertThat(snapshots).filteredOn(s -> s.origin() == Origin.DISCOVERED).extracting(PageSnapshot::documentId)
                .containsExactly(id3);
    }

    @Test
    void consecutive404sCountAcrossARestart() throws IOException {
        AtomicInteger status = new AtomicInteger(200);
        site.on("/repealed.htm", ex -> TestSupport.send(ex, status.get(), "text/html; charset=utf-8",
                status.get() == 200 ? PAGE : "<html><body>404</body></html>"));
        start(page("repealed", site.url("/repealed.htm"), "content: \"#BodyLabel\""));
        harness.crawl("repealed");
        status.set(404);
        harness.crawl("repealed");
        CrawlReport second = harness.crawl("repealed");
        assertThat(second.error()).contains("2 of 3");

        restart();
        CrawlReport third = harness.crawl("repealed");

        assertThat(third.outcome()).isEqualTo(CrawlOutcome.GONE);
        assertThat(harness.snapshots()).extracting(PageSnapshot::status)
                .containsExactly(DocumentStatus.PRESENT, DocumentStatus.GONE);
    }

    @Test
    void theStateOfASourceNoLongerConfiguredIsForgottenAcrossARestart() throws IOException {
        site.on("/old.htm", ex -> {
            ex.getResponseHeaders().set("ETag", "\"old\"");
            TestSupport.send(ex, 200, "text/html; charset=utf-8", PAGE);
        });
        site.html("/kept.htm", PAGE);
        start(page("old", site.url("/old.htm"), "content: \"#BodyLabel\""),
                page("kept", site.url("/kept.htm"), "content: \"#BodyLabel\""));
        harness.crawl("old");
        assertThat(harness.bean(CrawlStateStore.class).find("old").map(CrawlMemory::etag)).contains("\"old\"");

        harness.bean(Crawler.class).retain(Set.of("kept"));
        restart();

        assertThat(harness.bean(CrawlStateStore.class).find("old")).isEmpty();
    }
}
