package dev.policywatch.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a change means, end to end on the whole system (embedded broker and PostgreSQL, a local site,
 * two local webhook receivers as Slack): a revision that only fixes punctuation and 帐→账 is an UPDATED
 * change marked editorial, sent to the unfiltered subscription and not to the SUBSTANTIVE one; a
 * revision that raises a fine reaches both, and the alert's first line states the fine before and after.
 */
class SignificanceEndToEndTest {

    private static final String ADMIN = "e2e-admin-token";
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String SOURCE = "test-accounting-measures";

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private FixtureServers.Site site;
    private FixtureServers.WebhookReceiver substantiveOnly;
    private FixtureServers.WebhookReceiver everything;
    private Standalone system;

    @BeforeEach
    void startParts() throws IOException {
        site = new FixtureServers.Site("accounting-v1.html");
        substantiveOnly = new FixtureServers.WebhookReceiver();
        everything = new FixtureServers.WebhookReceiver();
        Path sources = dir.resolve("sources.yml");
        Files.writeString(sources, """
                sources:
                  - id: %s
                    name: 测试省会计管理办法
                    url: %s
                    publisher: 测试省财政厅
                    jurisdiction: CN
                    kind: page
                    content: "#content"
                    every: PT1H
                """.formatted(SOURCE, site.url("/regulation.html")), StandardCharsets.UTF_8);
        int port = freePort();
        system = Standalone.start(StandaloneOptions.defaults()
                .withDataDir(dir.resolve("data"))
                .withPort(port)
                .withSources(sources)
                .withProperty("policywatch.embedded-kafka.port", "0")
                .withProperty("policywatch.admin-token", ADMIN)
                .withProperty("policywatch.public-url", "http://127.0.0.1:" + port)
                .withProperty("policywatch.crawler.per-host-delay", "0s")
                .withProperty("policywatch.notifier.webhook.allowed-hosts",
                        substantiveOnly.origin() + "," + everything.origin()));
    }

    @AfterEach
    void stopParts() {
        if (system != null) {
            system.close();
        }
        substantiveOnly.close();
        everything.close();
        site.close();
    }

    @Test
    void anEditorialRevisionIsNotSentToASubstantiveSubscriptionAndARaisedFineLeadsTheAlert() throws Exception {
        crawl();
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(get("/api/changes?kind=BASELINE").path("items")).hasSize(1));
        post("/api/subscriptions", """
                {"channel":"slack","target":"%s","filters":{"significance":"SUBSTANTIVE"}}""".formatted(substantiveOnly.url()));
        post("/api/subscriptions", """
                {"channel":"slack","target":"%s","filters":{}}""".formatted(everything.url()));

        // 1. punctuation and 帐→账 only: an UPDATED change, editorial, alerted to the unfiltered subscription only
        site.show("accounting-v2.html");
        crawl();
        await().atMost(WAIT).until(() -> everything.bodies().size() == 1);
        await().atMost(WAIT).until(() -> get("/api/changes").path("items").size() == 1);
        JsonNode editorial = get("/api/changes").path("items").get(0);
        assertThat(editorial.path("kind").asText()).isEqualTo("UPDATED");
        assertThat(editorial.path("summary").path("substantive").asInt()).isZero();
        assertThat(editorial.path("summary").path("editorial").asInt()).isEqualTo(2);
        for (JsonNode p : editorial.path("changes")) {
            assertThat(p.path("significance").asText()).isEqualTo("EDITORIAL");
            assertThat(p.path("editorialKinds").toString()).contains("VARIANT");
        }
        assertThat(get("/api/changes?significance=EDITORIAL").path("items")).hasSize(1);
        assertThat(get("/api/changes?significance=SUBSTANTIVE").path("items")).isEmpty();
        assertThat(everything.bodies().get(0)).contains("2 editorial corrections");

        // 2. the fine raised: both subscriptions hear of it, the first line states the fine before and after
        site.show("accounting-v3.html");
        crawl();
        await().atMost(WAIT).until(() -> substantiveOnly.bodies().size() == 1 && everything.bodies().size() == 2);
        for (String body : new String[] {substantiveOnly.bodies().get(0), everything.bodies().get(1)}) {
            JsonNode message = json.readTree(body);
            String firstLine = message.path("text").asText().lines().findFirst().orElseThrow();
            assertThat(firstLine).contains("罚款 5千–3万元 → 1万–10万元");
        }
        await().atMost(WAIT).until(() -> get("/api/changes").path("items").size() == 2);
        JsonNode fined = get("/api/changes?significance=SUBSTANTIVE&fact=FINE").path("items");
        assertThat(fined).hasSize(1);
        JsonNode fact = fined.get(0).path("changes").get(0).path("facts").get(0);
        assertThat(fact.path("kind").asText()).isEqualTo("FINE");
        assertThat(fact.path("before").path("min").asLong()).isEqualTo(5000);
        assertThat(fact.path("before").path("max").asLong()).isEqualTo(30000);
        assertThat(fact.path("after").path("min").asLong()).isEqualTo(10000);
        assertThat(fact.path("after").path("max").asLong()).isEqualTo(100000);
        // the editorial change is still in the history, and was never sent to the SUBSTANTIVE subscription
        assertThat(get("/api/changes").path("items")).hasSize(2);
        assertThat(substantiveOnly.bodies()).hasSize(1);
        String changePage = page("/changes/" + fined.get(0).path("changeId").asText());
        assertThat(changePage).contains("罚款 5千–3万 → 1万–10万元");
    }

    private void crawl() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(system.url() + "/api/sources/" + SOURCE + "/crawl"))
                .header("Authorization", "Bearer " + ADMIN).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(system.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("GET %s: %s", path, r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    private String page(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(system.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("GET %s: %s", path, r.body()).isEqualTo(200);
        return r.body();
    }

    private void post(String path, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(system.url() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("POST %s: %s", path, r.body()).isEqualTo(201);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
