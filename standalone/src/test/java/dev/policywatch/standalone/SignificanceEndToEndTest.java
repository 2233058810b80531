package dev.policywatch.standalone;

import static dev.policywatch.standalone.EndToEnd.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a change means, end to end on the whole system (embedded broker and PostgreSQL, a local site,
 * two local webhook receivers as Slack): a revision that only fixes punctuation and 帐→账 is an UPDATED
 * change marked editorial, sent to the unfiltered subscription and not to the SUBSTANTIVE one; a
 * revision that raises a fine reaches both, and the alert's first line states the fine before and after.
 */
class SignificanceEndToEndTest {

    private static final String SOURCE = "test-accounting-measures";

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();
    @RegisterExtension
    final EndToEnd.Parts parts = new EndToEnd.Parts();
    private FixtureServers.Site site;
    private FixtureServers.WebhookReceiver substantiveOnly;
    private FixtureServers.WebhookReceiver everything;
    private EndToEnd.Api api;

    @BeforeEach
    void startParts() {
        site = parts.add(new FixtureServers.Site("accounting-v1.html"));
        substantiveOnly = parts.add(new FixtureServers.WebhookReceiver());
        everything = parts.add(new FixtureServers.WebhookReceiver());
        api = parts.start(EndToEnd.options(dir,
                EndToEnd.sources(dir, SOURCE, "测试省会计管理办法", "测试省财政厅", site.url("/regulation.html")),
                substantiveOnly.origin() + "," + everything.origin()));
    }

    @Test
    void anEditorialRevisionIsNotSentToASubstantiveSubscriptionAndARaisedFineLeadsTheAlert() throws Exception {
        api.crawl(SOURCE);
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(api.get("/api/changes?kind=BASELINE").path("items")).hasSize(1));
        api.subscribeSlack(substantiveOnly.url(), """
                {"significance":"SUBSTANTIVE"}""");
        api.subscribeSlack(everything.url(), "{}");

        // 1. punctuation and 帐→账 only: an UPDATED change, editorial, alerted to the unfiltered subscription only
        site.show("accounting-v2.html");
        api.crawl(SOURCE);
        await().atMost(WAIT).until(() -> everything.bodies().size() == 1);
        await().atMost(WAIT).until(() -> api.get("/api/changes").path("items").size() == 1);
        JsonNode editorial = api.get("/api/changes").path("items").get(0);
        assertThat(editorial.path("kind").asText()).isEqualTo("UPDATED");
        assertThat(editorial.path("summary").path("substantive").asInt()).isZero();
        assertThat(editorial.path("summary").path("editorial").asInt()).isEqualTo(2);
        for (JsonNode p : editorial.path("changes")) {
            assertThat(p.path("significance").asText()).isEqualTo("EDITORIAL");
            assertThat(p.path("editorialKinds").toString()).contains("VARIANT");
        }
        assertThat(api.get("/api/changes?significance=EDITORIAL").path("items")).hasSize(1);
        assertThat(api.get("/api/changes?significance=SUBSTANTIVE").path("items")).isEmpty();
        assertThat(everything.bodies().get(0)).contains("2 editorial corrections");

        // 2. the fine raised: both subscriptions hear of it, the first line states the fine before and after
        site.show("accounting-v3.html");
        api.crawl(SOURCE);
        await().atMost(WAIT).until(() -> substantiveOnly.bodies().size() == 1 && everything.bodies().size() == 2);
        for (String body : new String[] {substantiveOnly.bodies().get(0), everything.bodies().get(1)}) {
            JsonNode message = json.readTree(body);
            String firstLine = message.path("text").asText().lines().findFirst().orElseThrow();
            assertThat(firstLine).contains("罚款 5千–3万元 → 1万–10万元");
        }
        await().atMost(WAIT).until(() -> api.get("/api/changes").path("items").size() == 2);
        JsonNode fined = api.get("/api/changes?significance=SUBSTANTIVE&fact=FINE").path("items");
        assertThat(fined).hasSize(1);
        JsonNode fact = fined.get(0).path("changes").get(0).path("facts").get(0);
        assertThat(fact.path("kind").asText()).isEqualTo("FINE");
        assertThat(fact.path("before").path("min").asLong()).isEqualTo(5000);
        assertThat(fact.path("before").path("max").asLong()).isEqualTo(30000);
        assertThat(fact.path("after").path("min").asLong()).isEqualTo(10000);
        assertThat(fact.path("after").path("max").asLong()).isEqualTo(100000);
        // the editorial change is still in the history, and was never sent to the SUBSTANTIVE subscription
        assertThat(api.get("/api/changes").path("items")).hasSize(2);
        assertThat(substantiveOnly.bodies()).hasSize(1);
        // the fact chip speaks the reader's language; the note quotes the document's
        String changePath = "/changes/" + fined.get(0).path("changeId").asText();
        assertThat(api.page(changePath, "en")).contains("fine CNY 5,000–CNY 30,000 → CNY 10,000–CNY 100,000");
        assertThat(api.page(changePath, "zh-CN")).contains("罚款 5千–3万 → 1万–10万元");
    }
}
