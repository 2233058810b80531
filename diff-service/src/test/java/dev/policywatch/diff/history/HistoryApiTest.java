package dev.policywatch.diff.history;

import static dev.policywatch.diff.Fixtures.T0;
import static dev.policywatch.diff.Fixtures.V1;
import static dev.policywatch.diff.Fixtures.V2_MODIFIED;
import static dev.policywatch.diff.Fixtures.V3_INSERTED;
import static dev.policywatch.diff.Fixtures.chineseLaw;
import static dev.policywatch.diff.Fixtures.englishRule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.policywatch.diff.Fixtures;
import dev.policywatch.events.ChangeKind;
import dev.policywatch.events.ChangeSummary;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.EventJson;
import dev.policywatch.events.Ids;
import dev.policywatch.events.Origin;
import dev.policywatch.events.PageSnapshot;
import dev.policywatch.events.VersionRef;
import dev.policywatch.testing.RealInfrastructure;
import dev.policywatch.testing.TestInfra;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * diff-service as it runs: snapshots produced to the real broker go through the Streams topology and
 * the projection into PostgreSQL, and the history API answers real HTTP requests.
 */
@ExtendWith(RealInfrastructure.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistoryApiTest {

    private static final String READ_TOKEN = "reader-secret";
    private static final String PUBLIC_URL = "https://policywatch.example";
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private final HttpClient http = HttpClient.newHttpClient();
    private ApplicationContext context;
    private String base;
    private final Map<String, PageSnapshot> sent = new HashMap<>();

    @BeforeAll
    void start(TestInfra infra) throws Exception {
        Map<String, Object> props = new HashMap<>(infra.micronautProperties());
        props.put("policywatch.topics.snapshots", infra.name("snapshots"));
        props.put("policywatch.topics.changes", infra.name("changes"));
        props.put("policywatch.topics.dead-letter", infra.name("dead-letter"));
        props.put("policywatch.diff.application-id", infra.name("diff"));
        props.put("policywatch.diff.state-dir", Files.createTempDirectory("pw-diff-api").toString());
        props.put("policywatch.diff.history.group-id", infra.name("history"));
        props.put("policywatch.read-token", READ_TOKEN);
        props.put("policywatch.public-url", PUBLIC_URL);
        props.put("micronaut.server.port", -1);
        context = ApplicationContext.run(props, "diff");
        EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
        base = "http://127.0.0.1:" + server.getPort();

        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                infra.kafkaBootstrap(), "acks", "all"), new StringSerializer(), new ByteArraySerializer())) {
            send(producer, infra, "law-v1", Fixtures.snapshot("law", Origin.CONFIGURED, T0, chineseLaw(V1)));
            send(producer, infra, "law-v2", Fixtures.snapshot("law", Origin.CONFIGURED, day(1), chineseLaw(V2_MODIFIED)));
            send(producer, infra, "law-v3", Fixtures.snapshot("law", Origin.CONFIGURED, day(2), chineseLaw(V3_INSERTED)));
            send(producer, infra, "rule-v1", Fixtures.english("rule", T0, englishRule(
                    "Records are kept for five years.", "Agencies publish a retention schedule.")));
            send(producer, infra, "rule-v2", Fixtures.english("rule", day(1).plusSeconds(1800), englishRule(
                    "Records are kept for a retention period of seven years.", "Agencies publish a retention schedule.")));
            // another title: with the law's own title and text it would be linked to the law (docs/lineage.md)
            send(producer, infra, "found", PageSnapshot.present("found", "cn-data", "数据安全管理办法",
                    "Cyberspace Administration of China", "CN", "https://example.gov.cn/found.htm", day(3), "text/html",
                    "数据出境安全评估办法", "zh", Origin.DISCOVERED, chineseLaw(V1)));
            send(producer, infra, "old-v1", Fixtures.snapshot("old", Origin.CONFIGURED, T0, chineseLaw(V1)));
            send(producer, infra, "old-gone", Fixtures.gone("old", day(4)));
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(getJson("/api/changes?kind=BASELINE,NEW_DOCUMENT,UPDATED,REMOVED").get("items")).hasSize(8);
            assertThat(get("/api/documents/law/versions/" + version("law-v3")).statusCode()).isEqualTo(200);
            assertThat(get("/api/documents/law/versions/" + version("law-v1")).statusCode()).isEqualTo(200);
        });
    }

    @AfterAll
    void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void changesAreNewestFirstWithoutBaselinesUnlessAsked() throws Exception {
        JsonNode items = getJson("/api/changes").get("items");
        assertThat(ids(items)).containsExactly(change("old-v1", "old-gone"), change(null, "found"),
                change("law-v2", "law-v3"), change("rule-v1", "rule-v2"), change("law-v1", "law-v2"));
        assertThat(ids(getJson("/api/changes?kind=BASELINE").get("items"))).containsExactlyInAnyOrder(
                change(null, "law-v1"), change(null, "rule-v1"), change(null, "old-v1"));
    }

    @Test
    void aChangeReadsAsTheDocumentChangeOnTheTopic() throws Exception {
        String id = change("law-v1", "law-v2");
        HttpResponse<String> response = get("/api/changes/" + id);
        assertThat(response.statusCode()).isEqualTo(200);
        DocumentChange change = EventJson.read(response.body(), DocumentChange.class);
        assertThat(change.changeId()).isEqualTo(id);
        assertThat(change.kind()).isEqualTo(ChangeKind.UPDATED);
        assertThat(change.fromVersion()).isEqualTo(VersionRef.of(sent.get("law-v1")));
        assertThat(change.summary()).usingRecursiveComparison().ignoringFields("headline")
                .isEqualTo(new ChangeSummary(0, 0, 1, 0, 2, 1, 0, null));
        assertThat(change.changes()).allSatisfy(c -> assertThat(c.note()).isNotBlank());
        assertThat(get("/api/changes/c-unknown").statusCode()).isEqualTo(404);
    }

    @Test
    void qFindsChineseAndEnglishWordsInsideChangedProvisions() throws Exception {
        // Bug (#15): 教育培训 is also in v3, but only in an article that was renumbered, its text unchanged
        JsonNode found = getJson("/api/changes?q=" + enc("教育培训")).get("items");
        assertThat(ids(found)).containsExactly(change("law-v1", "law-v2"));
        JsonNode match = found.get(0).get("match");
        assertThat(match.get("label").asText()).isEqualTo("第二条");
        assertThat(match.get("type").asText()).isEqualTo("MODIFIED");
        assertThat(match.get("snippet").asText()).isEqualTo("数据处理者应当建立健全全流程数据安全管理制度，组织开展数据安全教育培训。");
        assertThat(match.get("snippet").asText().substring(match.get("matchStart").asInt(), match.get("matchEnd").asInt()))
                .isEqualTo("教育培训");
        assertThat(getJson("/api/changes?q=" + enc("负责人")).get("items")).as("only in unchanged text").isEmpty();
        assertThat(getJson("/api/changes").get("items").get(0).has("match")).as("no q, no match").isFalse();
        assertThat(ids(getJson("/api/changes?q=" + enc("分类分级")).get("items")))
                .containsExactly(change("law-v2", "law-v3"));
        assertThat(ids(getJson("/api/changes?q=SEVEN%20years").get("items")))
                .containsExactly(change("rule-v1", "rule-v2"));
        assertThat(getJson("/api/changes?q=" + enc("100%_")).get("items")).isEmpty();
    }

    @Test
    void filtersBySourceJurisdictionKindTypeAndTime() throws Exception {
        assertThat(ids(getJson("/api/changes?source=us-rule").get("items"))).containsExactly(change("rule-v1", "rule-v2"));
        assertThat(getJson("/api/changes?jurisdiction=cn").get("items")).hasSize(4);
        assertThat(ids(getJson("/api/changes?kind=removed").get("items"))).containsExactly(change("old-v1", "old-gone"));
        assertThat(ids(getJson("/api/changes?type=RENUMBERED").get("items"))).containsExactly(change("law-v2", "law-v3"));
        assertThat(ids(getJson("/api/changes?type=ADDED,MODIFIED&jurisdiction=CN").get("items")))
                .containsExactly(change("law-v2", "law-v3"), change("law-v1", "law-v2"));
        String since = day(2).toString();
        String until = day(4).toString();
        assertThat(ids(getJson("/api/changes?since=" + since + "&until=" + until).get("items")))
                .containsExactly(change(null, "found"), change("law-v2", "law-v3"));
    }

    @Test
    void cursorPagesThroughEveryChangeOnceWhileNewChangesArrive() throws Exception {
        JsonNode first = getJson("/api/changes?kind=BASELINE,NEW_DOCUMENT,UPDATED,REMOVED&limit=3");
        List<String> seen = new ArrayList<>(ids(first.get("items")));
        String cursor = first.get("nextCursor").asText();
        // a change arriving between two pages (newest of all) must not shift the pages after the cursor
        HistoryStore store = context.getBean(HistoryStore.class);
        PageSnapshot late = Fixtures.snapshot("later", Origin.CONFIGURED, day(9), chineseLaw(V1));
        VersionRef v = VersionRef.of(late);
        DocumentChange inserted = new DocumentChange(1, Ids.changeId("later", null, v.versionId()), "later", "cn-data",
                null, late.url(), late.title(), null, "CN", "zh", ChangeKind.BASELINE, null, v, day(9), List.of(),
                List.of(), ChangeSummary.EMPTY);
        try (Connection c = store.connection()) {
            store.writeChange(c, inserted, EventJson.writeString(inserted));
        }
        try {
            while (cursor != null) {
                JsonNode page = getJson("/api/changes?kind=BASELINE,NEW_DOCUMENT,UPDATED,REMOVED&limit=3&cursor=" + cursor);
                seen.addAll(ids(page.get("items")));
                cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
            }
        } finally {
            try (Connection c = store.connection(); java.sql.Statement st = c.createStatement()) {
                st.execute("DELETE FROM history_changes WHERE document_id = 'later'");
                st.execute("DELETE FROM history_versions WHERE document_id = 'later'");
            }
        }
        assertThat(seen).hasSize(8).doesNotHaveDuplicates().doesNotContain(inserted.changeId());
    }

    @Test
    void badParametersAnswer400ProblemJson() throws Exception {
        for (String query : List.of("limit=0", "limit=abc", "kind=CHANGED", "type=EDITED", "since=yesterday",
                "cursor=not-a-cursor", "since=2026-12-02&until=2026-12-01")) {
            HttpResponse<String> response = get("/api/changes?" + query);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(EventJson.mapper().readTree(response.body()).get("detail").asText()).as(query).isNotBlank();
        }
        assertThat(get("/api/documents/law/diff?from=" + version("law-v1")).statusCode()).isEqualTo(400);
        assertThat(get("/api/documents/law/versions/v-0000").statusCode()).isEqualTo(404);
    }

    @Test
    void readsNeedTheReadTokenWhenOneIsSet() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/changes")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/feeds/changes.atom")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    }

    @Test
    void healthIsUpWhileTheTopologyRuns() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(EventJson.mapper().readTree(response.body()).get("status").asText()).isEqualTo("UP");
        assertThat(context.getBean(dev.policywatch.diff.stream.DiffStreams.class).streams().state().isRunningOrRebalancing())
                .isTrue();
    }

    @Test
    void documentsListTheirLatestVersionAndChangeCount() throws Exception {
        Map<String, JsonNode> byId = new HashMap<>();
        getJson("/api/documents").get("items").forEach(d -> byId.put(d.get("documentId").asText(), d));
        assertThat(byId.keySet()).containsExactlyInAnyOrder("law", "rule", "found", "old");
        assertThat(byId.get("law").get("latestVersion").get("versionId").asText()).isEqualTo(version("law-v3"));
        assertThat(byId.get("law").get("changeCount").asLong()).isEqualTo(2);
        assertThat(byId.get("old").get("status").asText()).isEqualTo("GONE");
        assertThat(byId.get("found").get("changeCount").asLong()).isEqualTo(1);
    }

    @Test
    void versionsKeepTheirProvisionsAndAnyTwoCanBeDiffed() throws Exception {
        JsonNode versions = getJson("/api/documents/law/versions").get("items");
        assertThat(versions).extracting(v -> v.get("versionId").asText())
                .containsExactly(version("law-v3"), version("law-v2"), version("law-v1"));

        JsonNode v1 = getJson("/api/documents/law/versions/" + version("law-v1"));
        assertThat(v1.get("provisions")).extracting(p -> p.get("label").asText())
                .containsExactly("第一条", "第二条", "第三条");
        assertThat(v1.get("provisions").get(1).get("text").asText()).contains("全流程数据安全管理制度");

        // v1 → v3 was never a change on the topic: the engine compares the stored versions
        JsonNode diff = getJson("/api/documents/law/diff?from=" + version("law-v1") + "&to=" + version("law-v3"));
        assertThat(diff.get("summary").get("added").asInt()).isEqualTo(1);
        assertThat(diff.get("changes")).extracting(c -> c.get("type").asText() + " " + c.get("oldLabel").asText()
                + " → " + c.get("newLabel").asText()).contains("ADDED null → 第二条", "MODIFIED 第二条 → 第三条");
        assertThat(get("/api/documents/nobody/versions").statusCode()).isEqualTo(404);

        // the version a GONE snapshot introduced has no provisions
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(getJson("/api/documents/old/versions/"
                + version("old-gone")).get("provisions")).isEmpty());
        assertThat(getJson("/api/documents/old/versions").get("items").get(0).get("kind").asText()).isEqualTo("REMOVED");
    }

    @Test
    void atomFeedIsValidAtomWithOneEntryPerChange() throws Exception {
        HttpResponse<String> response = get("/feeds/changes.atom?jurisdiction=CN");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/atom+xml"));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        org.w3c.dom.Document feed = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
        Element root = feed.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(root.getLocalName()).isEqualTo("feed");
        assertThat(childText(root, "id")).isEqualTo(PUBLIC_URL + "/feeds/changes.atom");
        assertThat(childText(root, "updated")).isEqualTo(day(4).plusSeconds(60).toString());
        NodeList entries = root.getElementsByTagNameNS(ATOM, "entry");
        assertThat(entries.getLength()).isEqualTo(4);
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            titles.add(childText(entry, "title"));
            assertThat(childText(entry, "id")).startsWith("urn:policywatch:change:c-");
            assertThat(childText(entry, "updated")).isNotBlank();
        }
        assertThat(titles).contains("数据安全管理办法: 1 modified", "数据出境安全评估办法: new document",
                "数据安全管理办法: removed");
        Element law = (Element) entries.item(3);
        Element link = (Element) law.getElementsByTagNameNS(ATOM, "link").item(0);
        assertThat(link.getAttribute("href")).isEqualTo(PUBLIC_URL + "/changes/" + change("law-v1", "law-v2"));
    }

    @Test
    void atomFeedFollowsTheReadersLanguageFromLangOrAcceptLanguage() throws Exception {
        // a feed reader that cannot send headers subscribes with lang=zh-CN
        HttpResponse<String> byParameter = get("/feeds/changes.atom?jurisdiction=CN&lang=zh-CN");
        assertThat(byParameter.statusCode()).isEqualTo(200);
        assertThat(byParameter.headers().allValues("vary")).anySatisfy(v -> assertThat(v).contains("Accept-Language"));
        HttpResponse<String> byHeader = http.send(HttpRequest.newBuilder(URI.create(base + "/feeds/changes.atom?jurisdiction=CN"))
                .header("Authorization", "Bearer " + READ_TOKEN).header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5")
                .build(), HttpResponse.BodyHandlers.ofString());
        for (HttpResponse<String> response : List.of(byParameter, byHeader)) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Element root = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8))).getDocumentElement();
            assertThat(root.getAttributeNS(XMLConstants.XML_NS_URI, "lang")).isEqualTo("zh-CN");
            assertThat(childText(root, "title")).isEqualTo("policywatch：变更");
            NodeList entries = root.getElementsByTagNameNS(ATOM, "entry");
            List<String> titles = new ArrayList<>();
            StringBuilder ours = new StringBuilder();
            for (int i = 0; i < entries.getLength(); i++) {
                Element entry = (Element) entries.item(i);
                titles.add(childText(entry, "title"));
                // the HTML content as a feed reader shows it, with the crawled text taken out: our words only
                String shown = org.jsoup.Jsoup.parseBodyFragment(childText(entry, "content")).text();
                ours.append(shown).append('\n').append(childText(entry, "summary")).append('\n');
            }
            assertThat(titles).contains("数据安全管理办法：修改 1 条", "数据出境安全评估办法：新文件", "数据安全管理办法：已移除");
            assertThat(ours.toString()).contains("查看完整变更").doesNotContain("modified", "added", "removed",
                    "The whole change", "renumbered", "new document", "MODIFIED", "ADDED");
        }
        // English stays the default, and the parameter outweighs the header
        HttpResponse<String> english = http.send(HttpRequest.newBuilder(URI.create(base + "/feeds/changes.atom?lang=en"))
                .header("Authorization", "Bearer " + READ_TOKEN).header("Accept-Language", "zh-CN").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(english.body()).contains("xml:lang=\"en\"", "policywatch: changes", "The whole change")
                .doesNotContain("查看完整变更");
        HttpResponse<String> unknown = get("/feeds/changes.atom?lang=fr");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("lang", "zh-CN");
    }

    // ---- helpers ----

    private void send(KafkaProducer<String, byte[]> producer, TestInfra infra, String name, PageSnapshot snapshot)
            throws Exception {
        sent.put(name, snapshot);
        // the record timestamp is when the change is detected: a minute after the fetch
        producer.send(new ProducerRecord<>(infra.name("snapshots"), null,
                snapshot.fetchedAt().plusSeconds(60).toEpochMilli(), snapshot.documentId(), EventJson.write(snapshot)))
                .get();
    }

    private String version(String name) {
        return VersionRef.of(sent.get(name)).versionId();
    }

    private String change(String from, String to) {
        return Ids.changeId(sent.get(to).documentId(), from == null ? null : version(from), version(to));
    }

    private static Instant day(int n) {
        return T0.plus(Duration.ofDays(n));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + READ_TOKEN)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode getJson(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return EventJson.mapper().readTree(response.body());
    }

    private static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(i -> ids.add(i.get("changeId").asText()));
        return ids;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String childText(Element parent, String name) {
        NodeList list = parent.getElementsByTagNameNS(ATOM, name);
        for (int i = 0; i < list.getLength(); i++) {
            if (list.item(i).getParentNode() == parent) {
                return list.item(i).getTextContent();
            }
        }
        return null;
    }
}
