package dev.policywatch.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
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
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * The whole system in one process, real parts only: the embedded broker and PostgreSQL, a local site,
 * GreenMail as the SMTP server and a local webhook receiver as Slack. A changed article reaches both
 * channels exactly once, the history and the feed; a restart re-sends nothing; an inserted article is
 * one ADDED and the rest RENUMBERED, not MODIFIED.
 */
class StandaloneEndToEndTest {

    private static final String ADMIN = "e2e-admin-token";
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Pattern CONFIRM_LINK = Pattern.compile("(https?://[^\\s\"<>]+/subscriptions/confirm\\?token=[A-Za-z0-9._~%-]+)");

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private FixtureServers.Site site;
    private FixtureServers.WebhookReceiver slack;
    private GreenMail smtp;
    private Standalone system;
    private StandaloneOptions options;

    @BeforeEach
    void startParts() throws IOException {
        site = new FixtureServers.Site("regulation-v1.html");
        slack = new FixtureServers.WebhookReceiver();
        smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Path sources = dir.resolve("sources.yml");
        Files.writeString(sources, """
                sources:
                  - id: test-algorithm-filing
                    name: 测试省算法推荐服务备案规定
                    url: %s
                    publisher: 测试省网信办
                    jurisdiction: CN
                    kind: page
                    content: "#content"
                    every: PT1H
                """.formatted(site.url("/regulation.html")), StandardCharsets.UTF_8);
        int port = freePort();
        options = StandaloneOptions.defaults()
                .withDataDir(dir.resolve("data"))
                .withPort(port)
                .withSources(sources)
                .withProperty("policywatch.embedded-kafka.port", "0")
                .withProperty("policywatch.admin-token", ADMIN)
                .withProperty("policywatch.public-url", "http://127.0.0.1:" + port)
                .withProperty("policywatch.crawler.per-host-delay", "0s")
                .withProperty("policywatch.notifier.email.from", "policywatch@test.example")
                .withProperty("policywatch.notifier.email.smtp.host", "127.0.0.1")
                .withProperty("policywatch.notifier.email.smtp.port", String.valueOf(smtp.getSmtp().getPort()))
                .withProperty("policywatch.notifier.webhook.allowed-hosts", slack.origin());
        system = Standalone.start(options);
    }

    @AfterEach
    void stopParts() {
        if (system != null) {
            system.close();
        }
        smtp.stop();
        slack.close();
        site.close();
    }

    @Test
    void aChangedArticleIsAlertedOnceByEmailAndSlackSurvivesARestartAndAnInsertionIsRenumbering() throws Exception {
        // 1. the first crawl is a baseline: in the history, never alerted
        crawl();
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(get("/api/changes?kind=BASELINE").path("items")).hasSize(1));

        // 2. subscribe by email (confirm through the link) and by Slack (allow-listed local origin)
        JsonNode email = post("/api/subscriptions", """
                {"channel":"email","target":"analyst@test.example","filters":{"sources":[],"jurisdictions":["CN"],"keywords":[],"changeTypes":[]},"mode":"immediate"}""", 201);
        assertThat(email.path("status").asText()).isEqualTo("pending_confirmation");
        await().atMost(WAIT).until(() -> smtp.getReceivedMessages().length == 1);
        String confirmation = text(smtp.getReceivedMessages()[0]);
        Matcher link = CONFIRM_LINK.matcher(confirmation);
        assertThat(link.find()).as("confirmation link in %s", confirmation).isTrue();
        HttpResponse<String> confirmed = http.send(HttpRequest.newBuilder(URI.create(link.group(1))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(confirmed.statusCode()).isEqualTo(200);
        JsonNode slackSub = post("/api/subscriptions", """
                {"channel":"slack","target":"%s","filters":{},"mode":"immediate"}""".formatted(slack.url()), 201);
        assertThat(slackSub.path("status").asText()).isEqualTo("active");

        // 3. one article changes: exactly one email and one Slack message naming it
        site.show("regulation-v2.html");
        crawl();
        await().atMost(WAIT).until(() -> alertEmails().size() == 1 && slack.bodies().size() == 1);
        assertThat(text(alertEmails().get(0))).contains("第三条");
        assertThat(slack.bodies().get(0)).contains("第三条");
        // the history projection reads the same topic as the notifier, independently: wait for it too
        await().atMost(WAIT).until(() -> get("/api/changes").path("items").size() == 1);
        JsonNode changes = get("/api/changes").path("items");
        assertThat(changes).hasSize(1);
        JsonNode change = changes.get(0);
        assertThat(change.path("kind").asText()).isEqualTo("UPDATED");
        assertThat(change.path("summary").path("modified").asInt()).isEqualTo(1);
        assertThat(change.path("changes").get(0).path("newLabel").asText()).isEqualTo("第三条");
        String changeId = change.path("changeId").asText();
        Document feed = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                .parse(URI.create(system.url() + "/feeds/changes.atom").toString());
        assertThat(feed.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        assertThat(feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").getLength()).isEqualTo(1);
        assertThat(feed.getDocumentElement().getTextContent()).contains(changeId);
        // the web UI, served by the same process from the same API
        String timeline = page("/");
        assertThat(timeline).contains("测试省算法推荐服务备案规定", "/changes/" + changeId);
        assertThat(page("/changes/" + changeId)).contains("第三条", "<ins", "二");
        assertThat(page("/sources")).contains("test-algorithm-filing");
        JsonNode source = get("/api/sources/test-algorithm-filing");
        assertThat(source.path("lastFetchAt").isNull()).isFalse();
        assertThat(source.path("lastStatus").asInt()).isEqualTo(200);

        // 4. restart on the same data directory: nothing re-sent, history intact
        system.close();
        system = Standalone.start(options);
        String fetchedBefore = get("/api/sources/test-algorithm-filing").path("lastFetchAt").asText();
        crawl(); // same content: no new version
        await().atMost(WAIT).until(() -> !get("/api/sources/test-algorithm-filing").path("lastFetchAt").asText()
                .equals(fetchedBefore));
        assertThat(get("/api/changes").path("items")).hasSize(1);
        assertThat(alertEmails()).hasSize(1);
        assertThat(slack.bodies()).hasSize(1);
        assertThat(get("/api/changes/" + changeId).path("changeId").asText()).isEqualTo(changeId);

        // 5. one article inserted in the middle: one ADDED, the later ones RENUMBERED, none MODIFIED
        site.show("regulation-v3.html");
        crawl();
        await().atMost(WAIT).until(() -> alertEmails().size() == 2 && slack.bodies().size() == 2);
        await().atMost(WAIT).until(() -> get("/api/changes").path("items").size() == 2);
        JsonNode latest = get("/api/changes").path("items").get(0);
        assertThat(latest.path("summary").path("added").asInt()).isEqualTo(1);
        assertThat(latest.path("summary").path("renumbered").asInt()).isEqualTo(4);
        assertThat(latest.path("summary").path("modified").asInt()).isZero();
        assertThat(alertEmails().get(1).getSubject()).contains("1 added", "4 renumbered").doesNotContain("modified");
        // nothing was sent twice across the restart
        assertThat(alertEmails()).hasSize(2);
        assertThat(slack.bodies()).hasSize(2);

        // issue #12 item 7: a date PostgreSQL cannot hold is a 400, in the API and on the page (it was a 500
        // with SQL in the body, and the page a 502); so is a NUL in an id
        String forged = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("+300000-01-01T00:00:00Z|c-0".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(status("/api/changes?since=%2B300000-01-01T00:00:00Z")).isEqualTo(400);
        assertThat(status("/api/changes?cursor=" + forged)).isEqualTo(400);
        assertThat(status("/?cursor=" + forged)).isEqualTo(400);
        assertThat(status("/api/changes/c-%00")).isEqualTo(400);
        assertThat(status("/documents/test%00")).isEqualTo(400);
    }

    private int status(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(system.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.body()).as(path).doesNotContain("SQL").doesNotContain("0x00");
        return r.statusCode();
    }

    private List<MimeMessage> alertEmails() {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getSubject() != null && !m.getSubject().toLowerCase().contains("confirm");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    /** The decoded text of every text part of a message. */
    private static String text(jakarta.mail.Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof jakarta.mail.Multipart multipart) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                sb.append(text(multipart.getBodyPart(i))).append('\n');
            }
            return sb.toString();
        }
        return String.valueOf(content);
    }

    private void crawl() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(system.url() + "/api/sources/test-algorithm-filing/crawl"))
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
        assertThat(r.headers().firstValue("Content-Security-Policy")).isPresent();
        return r.body();
    }

    private JsonNode post(String path, String body, int expectedStatus) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(system.url() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("POST %s: %s", path, r.body()).isEqualTo(expectedStatus);
        return json.readTree(r.body());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
