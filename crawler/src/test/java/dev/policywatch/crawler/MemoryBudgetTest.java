package dev.policywatch.crawler;

import static dev.policywatch.crawler.CrawlerHarness.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.policywatch.events.EventJson;
import dev.policywatch.events.PageSnapshot;
import dev.policywatch.testing.RealInfrastructure;
import dev.policywatch.testing.TestInfra;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #12 item 2 at a small scale: a crawler with a 12 MiB memory budget and a 1 MiB snapshot cap, on
 * the real broker, crawling a real local site that serves a gzip bomb, a page announced larger than the
 * budget, one streamed larger than the budget, one that fits the budget but not its extraction, a page
 * whose text is over the snapshot cap, and a normal page. Each oversized one shows {@code too-large} with the reason in /api/sources and publishes
 * nothing; the normal page is published; every byte goes back to the budget.
 */
@ExtendWith(RealInfrastructure.class)
class MemoryBudgetTest {

    private static final long BUDGET = 12L * 1024 * 1024;
    private static final long MAX_SNAPSHOT = 1024L * 1024;

    @TempDir
    Path dir;
    private TestSupport.Site site;
    private CrawlerHarness harness;

    @BeforeEach
    void start(TestInfra infra) throws IOException {
        site = TestSupport.site();
        byte[] bomb = gzip(new byte[120 << 20]); // 120 MB of zeros, about 120 KB on the wire
        site.on("/bomb.htm", ex -> {
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            TestSupport.send(ex, 200, "text/html", bomb);
        });
        site.on("/announced.htm", ex -> {
            byte[] big = filler(14 << 20);
            TestSupport.send(ex, 200, "text/html", big);
        });
        site.on("/streamed.htm", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/html");
            ex.sendResponseHeaders(200, 0); // chunked: the size is not announced
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 14; i++) {
                    out.write(filler(1 << 20));
                }
            }
        });
        site.on("/extract.htm", ex -> TestSupport.send(ex, 200, "text/html", filler(4 << 20)));
        site.on("/bigtext.htm", ex -> TestSupport.send(ex, 200, "text/html; charset=utf-8", textPage(1_500_000)));
        site.html("/normal.htm", "<html><body><h1>Rules</h1><p>第一条 本办法自公布之日起施行。</p></body></html>");
        Path sources = CrawlerHarness.sourcesFile(dir,
                page("bomb", site.url("/bomb.htm"), ""),
                page("announced", site.url("/announced.htm"), ""),
                page("streamed", site.url("/streamed.htm"), ""),
                page("extract", site.url("/extract.htm"), ""),
                page("bigtext", site.url("/bigtext.htm"), ""),
                page("normal", site.url("/normal.htm"), ""));
        Map<String, Object> small = new HashMap<>();
        small.put("policywatch.crawler.memory-budget", String.valueOf(BUDGET));
        small.put("policywatch.crawler.max-snapshot-bytes", String.valueOf(MAX_SNAPSHOT));
        small.put("policywatch.crawler.total-timeout", "20s");
        harness = CrawlerHarness.start(infra, infra.name("snapshots-budget-" + System.nanoTime()), sources, true,
                small);
    }

    @AfterEach
    void stop() {
        harness.close();
        site.close();
    }

    @Test
    void oversizedDocumentsShowTooLargeOnTheirSourceAndTheOthersAreStillCrawled() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, JsonNode> byId = sources();
            assertThat(byId).hasSize(6);
            assertThat(byId.values()).allSatisfy(s -> assertThat(s.hasNonNull("lastOutcome")).isTrue());
            assertThat(byId.get("normal").get("lastOutcome").asText()).isEqualTo("PUBLISHED");
            assertThat(byId.get("extract").get("lastError").asText()).contains("can extract");
            for (String id : new String[] {"bomb", "announced", "streamed", "extract"}) {
                assertThat(byId.get(id).get("lastOutcome").asText()).as(id).isEqualTo("TOO_LARGE");
                assertThat(byId.get(id).get("lastError").asText()).as(id).contains("memory budget of " + BUDGET);
                // the kind of the error as a code, for pages to say in their reader's language
                assertThat(byId.get(id).get("lastErrorKind").asText()).as(id).isEqualTo("TOO_LARGE");
            }
            assertThat(byId.get("normal").has("lastErrorKind")).isFalse();
            assertThat(byId.get("bigtext").get("lastOutcome").asText()).isEqualTo("TOO_LARGE");
            assertThat(byId.get("bigtext").get("lastError").asText())
                    .contains("over the " + MAX_SNAPSHOT + " bytes a snapshot may carry").contains("not published");
        });
        assertThat(harness.snapshots()).extracting(PageSnapshot::sourceId).containsExactly("normal");
        var budget = harness.bean(Crawler.class).fetcher().budget();
        assertThat(budget.inUse()).isZero();
        assertThat(budget.peak()).isLessThanOrEqualTo(BUDGET);
    }

    private Map<String, JsonNode> sources() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + harness.server.getPort() + "/api/sources")).build(),
                HttpResponse.BodyHandlers.ofString());
        Map<String, JsonNode> byId = new HashMap<>();
        for (JsonNode s : EventJson.mapper().readTree(r.body())) {
            byId.put(s.get("id").asText(), s);
        }
        return byId;
    }

    private static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        }
        return out.toByteArray();
    }

    private static byte[] filler(int size) {
        byte[] b = new byte[size];
        java.util.Arrays.fill(b, (byte) 'a');
        return b;
    }

    /** An HTML page with about {@code chars} characters of article text. */
    private static byte[] textPage(int chars) {
        StringBuilder sb = new StringBuilder("<html><body><h1>Long rules</h1>");
        for (int i = 1; sb.length() < chars; i++) {
            sb.append("<p>Article ").append(i).append(". The provider shall keep records of every request ")
                    .append("for no less than six months and report them on demand.</p>");
        }
        return sb.append("</body></html>").toString().getBytes(StandardCharsets.UTF_8);
    }
}
