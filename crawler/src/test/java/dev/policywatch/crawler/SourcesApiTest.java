package dev.policywatch.crawler;

import static dev.policywatch.crawler.CrawlerHarness.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.policywatch.events.EventJson;
import dev.policywatch.testing.RealInfrastructure;
import dev.policywatch.testing.TestInfra;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The scheduler and HTTP API running in a real context: status, manual crawls, reloads, metrics. */
@ExtendWith(RealInfrastructure.class)
class SourcesApiTest {

    private static final String PAGE = "<html><body><div id=\"BodyLabel\"><p>第一条 测试条文。</p></div></body></html>";

    @TempDir
    Path dir;
    private TestSupport.Site site;
    private CrawlerHarness harness;
    private final HttpClient http = HttpClient.newHttpClient();
    private final CountDownLatch slowRelease = new CountDownLatch(1);
    private final AtomicBoolean slow = new AtomicBoolean();

    @BeforeEach
    void start(TestInfra infra) throws IOException {
        site = TestSupport.site();
        site.on("/page.htm", ex -> {
            if (slow.get()) {
                try {
                    slowRelease.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            TestSupport.send(ex, 200, "text/html; charset=utf-8", PAGE);
        });
        site.html("/other.htm", PAGE.replace("测试", "另一"));
        Path sources = CrawlerHarness.sourcesFile(dir, page("api-page", site.url("/page.htm"), ""));
        harness = CrawlerHarness.start(infra, infra.name("snapshots-api-" + System.nanoTime()), sources, true);
    }

    @AfterEach
    void stop() {
        slowRelease.countDown();
        harness.close();
        site.close();
    }

    @Test
    void listsEachSourceWithItsStatusAfterTheFirstScheduledCrawl() throws Exception {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode sources = get("/api/sources");
            assertThat(sources).hasSize(1);
            JsonNode s = sources.get(0);
            assertThat(s.get("id").asText()).isEqualTo("api-page");
            assertThat(s.get("lastStatus").asInt()).isEqualTo(200);
            assertThat(s.get("lastOutcome").asText()).isEqualTo("PUBLISHED");
            assertThat(s.get("lastFetchAt").isNull()).isFalse();
            assertThat(s.get("lastChangeAt").isNull()).isFalse();
            assertThat(s.get("nextFetchAt").isNull()).isFalse();
            assertThat(s.get("broken").asBoolean()).isFalse();
            assertThat(s.get("documents").asLong()).isEqualTo(1);
        });
        assertThat(get("/api/sources/api-page").get("kind").asText()).isEqualTo("page");
        assertThat(harness.bean(MeterRegistry.class).find("policywatch.crawler.fetches").tag("outcome", "fetched")
                .counter()).isNotNull();
    }

    @Test
    void anUnknownSourceIs404AsProblemJson() throws Exception {
        HttpResponse<String> r = send("GET", "/api/sources/nope", null);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("content-type").orElse("")).contains("application/problem+json");
        assertThat(r.body()).contains("no source with id nope");
    }

    @Test
    void aManualCrawlNeedsTheAdminToken() throws Exception {
        assertThat(send("POST", "/api/sources/api-page/crawl", null).statusCode()).isEqualTo(401);
        assertThat(send("POST", "/api/sources/api-page/crawl", "wrong").statusCode()).isEqualTo(401);
        assertThat(send("POST", "/api/sources/api-page/crawl", TestSupport.ADMIN_TOKEN).statusCode()).isEqualTo(202);
    }

    @Test
    void crawlingEverySourceNeedsTheAdminTokenAndFetchesEachAgain() throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(() -> site.requestsTo("/page.htm").size() == 1
                && !harness.bean(dev.policywatch.crawler.status.StatusBoard.class).view("api-page").running());
        assertThat(send("POST", "/api/sources/crawl", null).statusCode()).isEqualTo(401);
        assertThat(site.requestsTo("/page.htm")).hasSize(1);
        long requestedAt = System.nanoTime();
        HttpResponse<String> r = send("POST", "/api/sources/crawl", TestSupport.ADMIN_TOKEN);
        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(EventJson.mapper().readTree(r.body()).get("sources").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            var requests = site.requestsTo("/page.htm");
            assertThat(requests).hasSize(2);
            assertThat(requests.get(1).nanoTime()).isGreaterThan(requestedAt);
        });
    }

    @Test
    void aCrawlRequestedWhileOneIsRunningLeadsToAFetchThatStartsAfterTheRequest() throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(() -> site.requestsTo("/page.htm").size() == 1
                && !harness.bean(dev.policywatch.crawler.status.StatusBoard.class).view("api-page").running());
        slow.set(true);
        assertThat(send("POST", "/api/sources/api-page/crawl", TestSupport.ADMIN_TOKEN).statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> site.requestsTo("/page.htm").size() == 2);

        long requestedAt = System.nanoTime(); // the second fetch is now running (held by the server)
        assertThat(send("POST", "/api/sources/api-page/crawl", TestSupport.ADMIN_TOKEN).statusCode()).isEqualTo(202);
        slow.set(false);
        slowRelease.countDown();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            var requests = site.requestsTo("/page.htm");
            assertThat(requests).hasSizeGreaterThanOrEqualTo(3);
            assertThat(requests.get(2).nanoTime()).isGreaterThan(requestedAt);
        });
    }

    @Test
    void aChangedSourcesFileIsReloadedWithoutARestart() throws Exception {
        CrawlerHarness.writeSources(harness.sourcesFile, page("api-page", site.url("/page.htm"), ""),
                page("api-other", site.url("/other.htm"), ""));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(get("/api/sources").findValuesAsText("id")).containsExactly("api-page", "api-other"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !site.requestsTo("/other.htm").isEmpty());

        // a broken edit keeps the previous sources and is refused by the admin reload with its reason
        java.nio.file.Files.writeString(harness.sourcesFile, "sources:\n  - id: x\n    kind: page\n");
        HttpResponse<String> reload = send("POST", "/api/sources/reload", TestSupport.ADMIN_TOKEN);
        assertThat(reload.statusCode()).isEqualTo(400);
        assertThat(reload.body()).contains("entry #1 (x): field 'url': required");
        assertThat(get("/api/sources").findValuesAsText("id")).containsExactly("api-page", "api-other");
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> r = send("GET", path, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return EventJson.mapper().readTree(r.body());
    }

    private HttpResponse<String> send(String method, String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + harness.server.getPort() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
