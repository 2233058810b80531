package dev.policywatch.diff.history;

import static dev.policywatch.diff.Fixtures.T0;
import static dev.policywatch.diff.Fixtures.V1;
import static dev.policywatch.diff.Fixtures.V2_MODIFIED;
import static dev.policywatch.diff.Fixtures.chineseLaw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.EventJson;
import dev.policywatch.events.Origin;
import dev.policywatch.events.PageSnapshot;
import dev.policywatch.events.VersionRef;
import dev.policywatch.testing.RealInfrastructure;
import dev.policywatch.testing.TestInfra;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A draft and its final text at another URL through the real diff-service (embedded broker,
 * exactly-once topology, PostgreSQL history): the final's change names the draft and the document
 * API shows the lineage both ways; an administrator clears and sets the link again, each time a
 * recomputed change that goes through the topology into the history and supersedes the one before.
 */
@ExtendWith(RealInfrastructure.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LineageApiTest {

    private static final Instant DRAFT_AT = T0;
    private static final Instant FINAL_AT = T0.plus(Duration.ofDays(93));
    private static final String ADMIN = "lineage-api-admin";

    private final HttpClient http = HttpClient.newHttpClient();
    private ApplicationContext context;
    private String base;
    private PageSnapshot draft;
    private PageSnapshot fin;

    @BeforeAll
    void start(TestInfra infra) throws Exception {
        Map<String, Object> props = new HashMap<>(infra.micronautProperties());
        props.put("policywatch.topics.snapshots", infra.name("snapshots"));
        props.put("policywatch.topics.changes", infra.name("changes"));
        props.put("policywatch.topics.dead-letter", infra.name("dead-letter"));
        props.put("policywatch.diff.application-id", infra.name("diff"));
        props.put("policywatch.diff.state-dir", Files.createTempDirectory("pw-lineage-api").toString());
        props.put("policywatch.diff.history.group-id", infra.name("history"));
        props.put("policywatch.topics.corrections", infra.name("corrections"));
        props.put("policywatch.admin-token", ADMIN);
        props.put("micronaut.server.port", -1);
        context = ApplicationContext.run(props, "diff");
        base = "http://127.0.0.1:" + context.getBean(EmbeddedServer.class).start().getPort();
        draft = PageSnapshot.present("cac.draft", "cac", "CAC", "Cyberspace Administration of China", "CN",
                "https://example.gov.cn/draft.htm", DRAFT_AT, "text/html", "数据安全管理办法（征求意见稿）", "zh",
                Origin.BACKFILL, chineseLaw(V1));
        fin = PageSnapshot.present("cac.final", "cac", "CAC", "Cyberspace Administration of China", "CN",
                "https://example.gov.cn/final.htm", FINAL_AT, "text/html", "数据安全管理办法", "zh", Origin.DISCOVERED,
                chineseLaw(V2_MODIFIED));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                infra.kafkaBootstrap(), "acks", "all"), new StringSerializer(), new ByteArraySerializer())) {
            send(producer, infra, draft);
            await().atMost(Duration.ofSeconds(60)).until(() -> get("/api/documents/cac.draft").statusCode() == 200);
            send(producer, infra, fin);
            await().atMost(Duration.ofSeconds(60)).until(() -> get("/api/documents/cac.final").statusCode() == 200);
        }
    }

    @AfterAll
    void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    @Order(1)
    void theFinalNamesItsDraftAndTheDraftItsFinal() throws Exception {
        JsonNode fine = json("/api/documents/cac.final");
        assertThat(fine.get("predecessor").get("documentId").asText()).isEqualTo("cac.draft");
        assertThat(fine.get("predecessor").get("versionId").asText()).isEqualTo(VersionRef.of(draft).versionId());
        assertThat(fine.get("predecessor").get("fetchedAt").asText()).isEqualTo(DRAFT_AT.toString());
        assertThat(fine.get("successors")).isEmpty();

        JsonNode dr = json("/api/documents/cac.draft");
        assertThat(dr.get("predecessor").isNull()).isTrue();
        assertThat(dr.get("successors")).singleElement().satisfies(s -> {
            assertThat(s.get("documentId").asText()).isEqualTo("cac.final");
            assertThat(s.get("versionId").asText()).isEqualTo(VersionRef.of(fin).versionId());
            assertThat(s.get("reason").asText()).contains("same title");
        });

        DocumentChange first = EventJson.read(get("/api/changes/" + fine.get("predecessor").get("changeId").asText())
                .body(), DocumentChange.class);
        assertThat(first.summary().modified()).isEqualTo(1);
        assertThat(first.statusChange().headline()).isEqualTo("草案成为正式文本（原为征求意见稿）");

        // a reader compares any two versions across the lineage: the draft's with the final's
        String across = "/api/documents/cac.final/diff?fromDocument=cac.draft&from=" + VersionRef.of(draft).versionId()
                + "&to=" + VersionRef.of(fin).versionId();
        JsonNode diff = json(across);
        assertThat(diff.get("fromDocumentId").asText()).isEqualTo("cac.draft");
        assertThat(diff.get("summary").get("modified").asInt()).isEqualTo(1);
        assertThat(get(across.replace("fromDocument=cac.draft", "fromDocument=bad%20id")).statusCode()).isEqualTo(400);
        assertThat(get(across.replace("fromDocument=cac.draft", "fromDocument=cac.final")).statusCode()).isEqualTo(404);
    }

    @Test
    @Order(2)
    void anAdministratorClearsAndSetsTheLinkAndEachCorrectionIsRecorded() throws Exception {
        String original = json("/api/documents/cac.final").get("predecessor").get("changeId").asText();

        // clear: a recomputed NEW_DOCUMENT without predecessor supersedes the linked one
        HttpResponse<String> cleared = admin("DELETE", "/api/documents/cac.final/predecessor",
                "{\"note\":\"not the same rule\"}");
        assertThat(cleared.statusCode()).as(cleared.body()).isEqualTo(202);
        JsonNode clear = EventJson.mapper().readTree(cleared.body()).get("change");
        String clearId = clear.get("changeId").asText();
        assertThat(clear.get("predecessor").isNull()).isTrue();
        assertThat(clear.get("correction").get("supersedes").asText()).isEqualTo(original);
        assertThat(clear.get("correction").get("previousPredecessor").asText()).isEqualTo("cac.draft");
        assertThat(clear.get("correction").get("note").asText()).isEqualTo("not the same rule");
        await().atMost(Duration.ofSeconds(60)).until(() -> json("/api/documents/cac.final").get("predecessor").isNull());
        assertThat(json("/api/documents/cac.draft").get("successors")).isEmpty();
        // the superseded change stays, with a note; the correction is in the feed
        assertThat(json("/api/changes/" + original).get("supersededBy").asText()).isEqualTo(clearId);
        assertThat(json("/api/changes/" + clearId).get("changes")).isEmpty();
        assertThat(json("/api/changes?kind=NEW_DOCUMENT").get("items")).extracting(i -> i.get("changeId").asText())
                .containsExactly(clearId, original);
        // asked again: nothing to do
        assertThat(admin("DELETE", "/api/documents/cac.final/predecessor", null).statusCode()).isEqualTo(200);

        // set: the draft again, diffed again, superseding the clearing
        HttpResponse<String> set = admin("PUT", "/api/documents/cac.final/predecessor",
                "{\"documentId\":\"cac.draft\",\"note\":\"it is its final text\"}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(202);
        DocumentChange relinked = EventJson.read(EventJson.mapper().readTree(set.body()).get("change").toString(),
                DocumentChange.class);
        assertThat(relinked.changeId()).isNotIn(original, clearId);
        assertThat(relinked.correction().supersedes()).isEqualTo(clearId);
        assertThat(relinked.predecessor().reason()).startsWith("set by an administrator: it is its final text");
        assertThat(relinked.summary().modified()).isEqualTo(1);
        assertThat(relinked.statusChange().headline()).isEqualTo("草案成为正式文本（原为征求意见稿）");
        await().atMost(Duration.ofSeconds(60)).until(() -> json("/api/documents/cac.draft").get("successors").size() == 1);
        JsonNode fine = json("/api/documents/cac.final");
        assertThat(fine.get("predecessor").get("documentId").asText()).isEqualTo("cac.draft");
        assertThat(fine.get("predecessor").get("changeId").asText()).isEqualTo(relinked.changeId());
        assertThat(json("/api/changes/" + clearId).get("supersededBy").asText()).isEqualTo(relinked.changeId());
        assertThat(admin("PUT", "/api/documents/cac.final/predecessor", "{\"documentId\":\"cac.draft\"}")
                .statusCode()).isEqualTo(200);
    }

    @Test
    @Order(3)
    void aCorrectionThatCannotBeIsAProblem() throws Exception {
        assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/api/documents/cac.final/predecessor"))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        assertThat(admin("PUT", "/api/documents/cac.final/predecessor", "{\"documentId\":\"cac.final\"}")
                .statusCode()).isEqualTo(400);
        HttpResponse<String> empty = admin("PUT", "/api/documents/cac.final/predecessor", "{}");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("documentId is required");
        HttpResponse<String> longNote = admin("DELETE", "/api/documents/cac.final/predecessor",
                "{\"note\": \"" + "x".repeat(501) + "\"}");
        assertThat(longNote.statusCode()).isEqualTo(400);
        assertThat(longNote.body()).contains("note must be at most 500 characters");
        assertThat(admin("PUT", "/api/documents/cac.final/predecessor", "{\"documentId\":\"cac.draft\",\"why\":\"x\"}")
                .body()).contains("unknown field why");
        assertThat(admin("PUT", "/api/documents/bad%20id/predecessor", "{\"documentId\":\"cac.draft\"}")
                .statusCode()).isEqualTo(400);
        assertThat(admin("PUT", "/api/documents/cac.final/predecessor", "not json").statusCode()).isEqualTo(400);
        assertThat(admin("PUT", "/api/documents/cac.final/predecessor", "{\"documentId\":\"nope\"}")
                .statusCode()).isEqualTo(404);
        assertThat(admin("DELETE", "/api/documents/nope/predecessor", null).statusCode()).isEqualTo(404);
        // the draft was fetched before the final: the final cannot be its predecessor
        HttpResponse<String> later = admin("PUT", "/api/documents/cac.draft/predecessor",
                "{\"documentId\":\"cac.final\"}");
        assertThat(later.statusCode()).isEqualTo(409);
        assertThat(later.body()).contains("no version fetched before");
    }

    @Test
    void anUnknownOrMalformedDocumentIsAProblem() throws Exception {
        assertThat(get("/api/documents/nope").statusCode()).isEqualTo(404);
        assertThat(get("/api/documents/bad%20id").statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> admin(String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + ADMIN)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private void send(KafkaProducer<String, byte[]> producer, TestInfra infra, PageSnapshot snapshot) throws Exception {
        producer.send(new ProducerRecord<>(infra.name("snapshots"), null, snapshot.fetchedAt().plusSeconds(60).toEpochMilli(),
                snapshot.documentId(), EventJson.write(snapshot))).get();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode json(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return EventJson.mapper().readTree(response.body());
    }
}
