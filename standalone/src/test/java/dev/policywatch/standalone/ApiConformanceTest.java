package dev.policywatch.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /openapi.yml} against what the system answers: a real document is crawled twice (a
 * baseline and a change), subscribed to and read through every operation of the API, successes and
 * refusals, and each answer is held against the document ({@link OpenApiCheck}): the status is
 * documented for the operation, so is the content type, and every JSON body matches its schema (no
 * field undeclared, of another type, or null where not nullable; no required field missing). Every
 * documented operation is exercised but the HTML pages behind the links in emails.
 */
class ApiConformanceTest {

    /** Operations that answer HTML pages for people (their links come in emails), not the API. */
    private static final Set<String> PAGES = Set.of("GET /subscriptions/confirm", "GET /unsubscribe",
            "POST /unsubscribe");

    @TempDir
    Path dir;

    @RegisterExtension
    final EndToEnd.Parts parts = new EndToEnd.Parts();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private String base;
    private OpenApiCheck check;

    @Test
    void everyAnswerOfEveryOperationIsWhatTheOpenApiDocumentSays() throws Exception {
        FixtureServers.Site site = parts.add(new FixtureServers.Site("regulation-v1.html"));
        FixtureServers.Site laterSite = parts.add(new FixtureServers.Site("accounting-v1.html"));
        FixtureServers.WebhookReceiver hook = parts.add(new FixtureServers.WebhookReceiver());
        String reg = EndToEnd.source("reg", "测试省算法推荐服务备案规定", "测试省网信办", site.url("/regulation.html"));
        Path sources = EndToEnd.sourcesFile(dir, reg);
        EndToEnd.Api api = parts.start(EndToEnd.options(dir, sources, hook.origin()));
        base = parts.system().url();
        HttpResponse<String> document = send("GET", "/openapi.yml", null, null);
        assertThat(document.statusCode()).isEqualTo(200);
        check = new OpenApiCheck(document.body());

        // a baseline, then a changed article: the history holds both
        call("POST", "/api/sources/reg/crawl", null, EndToEnd.ADMIN);
        await().atMost(EndToEnd.WAIT).until(() -> api.get("/api/changes?kind=BASELINE").path("items").size() == 1);
        site.show("regulation-v2.html");
        api.crawl("reg");
        await().atMost(EndToEnd.WAIT).until(() -> api.get("/api/changes").path("items").size() == 1);
        JsonNode change = api.get("/api/changes").path("items").get(0);
        String changeId = change.path("changeId").asText();
        String documentId = change.path("documentId").asText();
        String from = change.path("fromVersion").path("versionId").asText();
        String to = change.path("toVersion").path("versionId").asText();

        // the crawler
        call("GET", "/api/sources", null, null);
        call("GET", "/api/sources/reg", null, null);
        call("GET", "/api/sources/no-such-source", null, null);
        call("POST", "/api/sources/reg/crawl", null, null);
        call("POST", "/api/sources/no-such-source/crawl", null, EndToEnd.ADMIN);
        call("POST", "/api/sources/reg/accept", null, EndToEnd.ADMIN);
        // a second source, first fetched after the first one's document (its predecessor below)
        EndToEnd.sourcesFile(dir, reg, EndToEnd.source("later", "测试省会计规定", "测试省财政厅",
                laterSite.url("/regulation.html")));
        call("POST", "/api/sources/reload", null, EndToEnd.ADMIN);
        call("POST", "/api/sources/crawl", null, EndToEnd.ADMIN);
        call("POST", "/api/sources/crawl", null, null);

        // the history
        call("GET", "/api/changes", null, null);
        call("GET", "/api/changes?kind=BASELINE,UPDATED&limit=1", null, null);
        call("GET", "/api/changes?q=" + URLEncoder.encode("安全自评估", StandardCharsets.UTF_8), null, null);
        call("GET", "/api/changes?q=" + URLEncoder.encode("备案", StandardCharsets.UTF_8) + "&kind=BASELINE", null, null);
        call("GET", "/api/changes?limit=0", null, null);
        call("GET", "/api/changes/" + changeId, null, null);
        call("GET", "/api/changes/c-no-such-change", null, null);
        call("GET", "/api/documents", null, null);
        call("GET", "/api/documents/" + documentId, null, null);
        call("GET", "/api/documents/no.such.document", null, null);
        call("GET", "/api/documents/bad!id", null, null);
        call("GET", "/api/documents/" + documentId + "/versions", null, null);
        call("GET", "/api/documents/" + documentId + "/versions/" + to, null, null);
        call("GET", "/api/documents/" + documentId + "/versions/v-no-such-version", null, null);
        call("GET", "/api/documents/" + documentId + "/diff?from=" + from + "&to=" + to, null, null);
        call("GET", "/api/documents/" + documentId + "/diff?from=" + from, null, null);
        call("GET", "/feeds/changes.atom", null, null);
        // lineage corrections (admin): the later source's document takes the first one as predecessor and
        // drops it again, each correction made (202) and then asked again once in the history (200); refusals
        api.crawl("later");
        await().atMost(EndToEnd.WAIT).until(() -> laterDocument(api) != null);
        String later = laterDocument(api);
        String predecessor = "/api/documents/" + later + "/predecessor";
        String link = "{\"documentId\": \"" + documentId + "\", \"note\": \"the same rule, moved\"}";
        assertThat(call("PUT", predecessor, link, EndToEnd.ADMIN).statusCode()).isEqualTo(202);
        await().atMost(EndToEnd.WAIT).until(() -> documentId.equals(
                api.get("/api/documents/" + later).path("predecessor").path("documentId").asText(null)));
        assertThat(call("PUT", predecessor, link, EndToEnd.ADMIN).statusCode()).isEqualTo(200);
        assertThat(call("DELETE", predecessor, "{\"note\": \"not the same rule\"}", EndToEnd.ADMIN).statusCode())
                .isEqualTo(202);
        await().atMost(EndToEnd.WAIT).until(() -> api.get("/api/documents/" + later).path("predecessor").isNull());
        assertThat(call("DELETE", predecessor, null, EndToEnd.ADMIN).statusCode()).isEqualTo(200);
        call("PUT", "/api/documents/" + documentId + "/predecessor", "{\"documentId\": \"no.such.document\"}",
                EndToEnd.ADMIN);
        call("PUT", "/api/documents/" + documentId + "/predecessor", "{\"documentId\": \"no.such.document\"}", null);
        call("PUT", "/api/documents/" + documentId + "/predecessor", "{\"documentId\": \"bad id\"}", EndToEnd.ADMIN);
        call("PUT", predecessor, link.replace("}", ", \"extra\": 1}"), EndToEnd.ADMIN);
        call("DELETE", predecessor, "{\"note\": \"" + "x".repeat(501) + "\"}", EndToEnd.ADMIN);
        call("PUT", "/api/documents/" + documentId + "/predecessor", "{\"documentId\": \"" + later + "\"}",
                EndToEnd.ADMIN);
        call("DELETE", "/api/documents/no.such.document/predecessor", null, EndToEnd.ADMIN);

        // the notifier
        call("GET", "/api/channels", null, null);
        JsonNode created = json.readTree(call("POST", "/api/subscriptions", """
                {"channel": "slack", "target": "%s", "filters": {"jurisdictions": ["CN"]}, "mode": "immediate"}"""
                .formatted(hook.url()), null).body());
        call("POST", "/api/subscriptions", "{\"channel\": \"email\", \"target\": \"a@example.org\"}", null);
        call("POST", "/api/subscriptions", "{\"channel\": \"pigeon\"}", null);
        call("POST", "/api/subscriptions", "{\"channel\": \"console\"}", null);
        String id = created.path("id").asText();
        String manage = created.path("manageToken").asText();
        call("GET", "/api/subscriptions", null, EndToEnd.ADMIN);
        call("GET", "/api/subscriptions", null, null);
        HttpResponse<String> read = send("GET", "/api/subscriptions/" + id, null, null, "X-Manage-Token", manage);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        check.check("GET", base + "/api/subscriptions/" + id, read);
        call("GET", "/api/subscriptions/" + id, null, null);
        call("GET", "/api/subscriptions/s-no-such-subscription", null, EndToEnd.ADMIN);
        call("PATCH", "/api/subscriptions/" + id, "{\"mode\": \"daily\", \"digestTime\": \"07:30\"}", EndToEnd.ADMIN);
        call("PATCH", "/api/subscriptions/" + id, "{\"mode\": null}", EndToEnd.ADMIN);
        call("GET", "/api/subscriptions/" + id, null, EndToEnd.ADMIN);
        call("DELETE", "/api/subscriptions/" + id, null, EndToEnd.ADMIN);
        call("DELETE", "/api/subscriptions/" + id, null, EndToEnd.ADMIN);

        assertThat(check.violations()).as("answers that differ from /openapi.yml").isEmpty();
        Set<String> unexercised = new TreeSet<>(check.operations());
        unexercised.removeAll(check.exercised());
        unexercised.removeAll(PAGES);
        assertThat(unexercised).as("documented operations this test does not call (add a call above)").isEmpty();
    }

    /** The documentId of the source {@code later}'s document, or null while it is not in the history. */
    private static String laterDocument(EndToEnd.Api api) throws Exception {
        for (JsonNode d : api.get("/api/documents").path("items")) {
            if ("later".equals(d.path("sourceId").asText())) {
                return d.path("documentId").asText();
            }
        }
        return null;
    }

    /** Sends a request and holds its answer against the document. */
    private HttpResponse<String> call(String method, String path, String body, String adminToken) throws Exception {
        HttpResponse<String> response = send(method, path, body, adminToken);
        check.check(method, base + path, response);
        return response;
    }

    private HttpResponse<String> send(String method, String path, String body, String adminToken, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (adminToken != null) {
            request.header("Authorization", "Bearer " + adminToken);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
