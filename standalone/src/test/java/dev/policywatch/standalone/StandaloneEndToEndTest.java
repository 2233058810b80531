package dev.policywatch.standalone;

import static dev.policywatch.standalone.EndToEnd.WAIT;
import static dev.policywatch.standalone.EndToEnd.alertEmails;
import static dev.policywatch.standalone.EndToEnd.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * The whole system in one process, real parts only: the embedded broker and PostgreSQL, a local site,
 * GreenMail as the SMTP server and a local webhook receiver as Slack. A changed article reaches both
 * channels exactly once, the history and the feed; a restart re-sends nothing; an inserted article is
 * one ADDED and the rest RENUMBERED, not MODIFIED.
 */
class StandaloneEndToEndTest {

    private static final String SOURCE = "test-algorithm-filing";

    @TempDir
    Path dir;

    @RegisterExtension
    final EndToEnd.Parts parts = new EndToEnd.Parts();
    private FixtureServers.Site site;
    private FixtureServers.WebhookReceiver slack;
    private GreenMail smtp;
    private EndToEnd.Api api;

    @BeforeEach
    void startParts() {
        site = parts.add(new FixtureServers.Site("regulation-v1.html"));
        slack = parts.add(new FixtureServers.WebhookReceiver());
        smtp = parts.smtp();
        api = parts.start(EndToEnd.withSmtp(EndToEnd.options(dir, EndToEnd.sources(dir, SOURCE,
                "测试省算法推荐服务备案规定", "测试省网信办", site.url("/regulation.html")), slack.origin()), smtp));
    }

    @Test
    void aChangedArticleIsAlertedOnceByEmailAndSlackSurvivesARestartAndAnInsertionIsRenumbering() throws Exception {
        // 1. the first crawl is a baseline: in the history, never alerted
        api.crawl(SOURCE);
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(api.get("/api/changes?kind=BASELINE").path("items")).hasSize(1));

        // 2. subscribe by email (confirm through the link) and by Slack (allow-listed local origin)
        JsonNode email = api.post("/api/subscriptions", """
                {"channel":"email","target":"analyst@test.example","filters":{"sources":[],"jurisdictions":["CN"],"keywords":[],"changeTypes":[]},"mode":"immediate"}""", 201);
        assertThat(email.path("status").asText()).isEqualTo("pending_confirmation");
        await().atMost(WAIT).until(() -> smtp.getReceivedMessages().length == 1);
        HttpResponse<String> confirmed = api.fetch(EndToEnd.confirmationLink(smtp.getReceivedMessages()[0]));
        assertThat(confirmed.statusCode()).isEqualTo(200);
        api.subscribeSlack(slack.url(), "{}");

        // 3. one article changes: exactly one email and one Slack message naming it
        site.show("regulation-v2.html");
        api.crawl(SOURCE);
        await().atMost(WAIT).until(() -> alertEmails(smtp).size() == 1 && slack.bodies().size() == 1);
        assertThat(text(alertEmails(smtp).get(0))).contains("第三条");
        assertThat(slack.bodies().get(0)).contains("第三条");
        // the history projection reads the same topic as the notifier, independently: wait for it too
        await().atMost(WAIT).until(() -> api.get("/api/changes").path("items").size() == 1);
        JsonNode changes = api.get("/api/changes").path("items");
        assertThat(changes).hasSize(1);
        JsonNode change = changes.get(0);
        assertThat(change.path("kind").asText()).isEqualTo("UPDATED");
        assertThat(change.path("summary").path("modified").asInt()).isEqualTo(1);
        assertThat(change.path("changes").get(0).path("newLabel").asText()).isEqualTo("第三条");
        String changeId = change.path("changeId").asText();
        Document feed = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                .parse(URI.create(parts.system().url() + "/feeds/changes.atom").toString());
        assertThat(feed.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        assertThat(feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").getLength()).isEqualTo(1);
        assertThat(feed.getDocumentElement().getTextContent()).contains(changeId);
        // the feed a Chinese page links to: the same entry, our words in Chinese
        String chineseFeed = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                URI.create(parts.system().url() + "/feeds/changes.atom?lang=zh-CN")).build(),
                HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.UTF_8)).body();
        assertThat(chineseFeed).contains("xml:lang=\"zh-CN\"", "policywatch：变更", "修改 1 条", "查看完整变更", changeId)
                .doesNotContain("The whole change", "1 modified");
        assertThat(api.page("/")).contains("/feeds/changes.atom?lang=en");
        // the web UI, served by the same process from the same API
        String timeline = api.page("/");
        assertThat(timeline).contains("测试省算法推荐服务备案规定", "/changes/" + changeId);
        assertThat(api.page("/changes/" + changeId)).contains("第三条", "<ins", "二");
        assertThat(api.page("/sources")).contains("test-algorithm-filing");
        JsonNode source = api.get("/api/sources/test-algorithm-filing");
        assertThat(source.path("lastFetchAt").isNull()).isFalse();
        assertThat(source.path("lastStatus").asInt()).isEqualTo(200);

        // 4. restart on the same data directory: nothing re-sent, history intact
        parts.restart();
        String fetchedBefore = api.get("/api/sources/test-algorithm-filing").path("lastFetchAt").asText();
        api.crawl(SOURCE); // same content: no new version
        await().atMost(WAIT).until(() -> !api.get("/api/sources/test-algorithm-filing").path("lastFetchAt").asText()
                .equals(fetchedBefore));
        assertThat(api.get("/api/changes").path("items")).hasSize(1);
        assertThat(alertEmails(smtp)).hasSize(1);
        assertThat(slack.bodies()).hasSize(1);
        assertThat(api.get("/api/changes/" + changeId).path("changeId").asText()).isEqualTo(changeId);

        // 5. one article inserted in the middle: one ADDED, the later ones RENUMBERED, none MODIFIED
        site.show("regulation-v3.html");
        api.crawl(SOURCE);
        await().atMost(WAIT).until(() -> alertEmails(smtp).size() == 2 && slack.bodies().size() == 2);
        await().atMost(WAIT).until(() -> api.get("/api/changes").path("items").size() == 2);
        JsonNode latest = api.get("/api/changes").path("items").get(0);
        assertThat(latest.path("summary").path("added").asInt()).isEqualTo(1);
        assertThat(latest.path("summary").path("renumbered").asInt()).isEqualTo(4);
        assertThat(latest.path("summary").path("modified").asInt()).isZero();
        assertThat(alertEmails(smtp).get(1).getSubject()).contains("1 added", "4 renumbered").doesNotContain("modified");
        // nothing was sent twice across the restart
        assertThat(alertEmails(smtp)).hasSize(2);
        assertThat(slack.bodies()).hasSize(2);

        // issue #12 item 7: a date PostgreSQL cannot hold is a 400, in the API and on the page (it was a 500
        // with SQL in the body, and the page a 502); so is a NUL in an id
        String forged = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("+300000-01-01T00:00:00Z|c-0".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(status(api, "/api/changes?since=%2B300000-01-01T00:00:00Z")).isEqualTo(400);
        assertThat(status(api, "/api/changes?cursor=" + forged)).isEqualTo(400);
        assertThat(status(api, "/?cursor=" + forged)).isEqualTo(400);
        assertThat(status(api, "/api/changes/c-%00")).isEqualTo(400);
        assertThat(status(api, "/documents/test%00")).isEqualTo(400);
    }

    /** The status of a GET whose body must not leak SQL or a raw NUL. */
    private static int status(EndToEnd.Api api, String path) throws Exception {
        HttpResponse<String> r = api.fetch(path);
        assertThat(r.body()).as(path).doesNotContain("SQL").doesNotContain("0x00");
        return r.statusCode();
    }
}
