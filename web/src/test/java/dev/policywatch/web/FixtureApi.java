package dev.policywatch.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.policywatch.events.ChangeKind;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.EventJson;
import dev.policywatch.events.Ids;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A real local HTTP server answering the API paths of CONTRACT §4 with canned JSON, standing in for
 * diff-service, crawler and notifier. It records every request so tests can see what the pages asked.
 */
public final class FixtureApi implements AutoCloseable {

    /** A request the API received. */
    public record Received(String method, String path, Map<String, String> query, String authorization,
            String forwardedFor, String body, String acceptLanguage) {
    }

    static {
        // Without it the JDK server's separate header and body writes meet delayed ACKs: +40 ms a call.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    public final List<Received> received = new CopyOnWriteArrayList<>();
    public final AtomicBoolean failing = new AtomicBoolean();
    /** Whether the notifier has email off (like the demo): {@code GET /api/channels} says so, a signup gets 503. */
    public final AtomicBoolean emailOff = new AtomicBoolean();
    private final HttpServer server;
    private final Map<String, DocumentChange> changes = new LinkedHashMap<>();
    private volatile String sources = sources();

    public FixtureApi() throws IOException {
        this(List.of(Fixtures.chinese(), Fixtures.english(), Fixtures.hostile()));
    }

    /** Serves these changes (newest first on the timeline). */
    public FixtureApi(List<DocumentChange> served) throws IOException {
        for (DocumentChange c : served) {
            changes.put(c.changeId(), c);
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Serves one more change (until {@link #withdraw}). */
    public void serve(DocumentChange change) {
        changes.put(change.changeId(), change);
    }

    /** Stops serving a change added with {@link #serve}. */
    public void withdraw(String changeId) {
        changes.remove(changeId);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The requests to a path, oldest first. */
    public List<Received> to(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            Map<String, String> query = query(ex.getRequestURI().getRawQuery());
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(ex.getRequestMethod(), path, query,
                    ex.getRequestHeaders().getFirst("Authorization"), ex.getRequestHeaders().getFirst("X-Forwarded-For"),
                    body, ex.getRequestHeaders().getFirst("Accept-Language")));
            if (failing.get()) {
                send(ex, 500, "text/plain", "java.lang.IllegalStateException: boom\n\tat Secret.java:42");
                return;
            }
            if (ex.getRequestMethod().equals("GET") && path.equals("/api/changes")) {
                changes(ex, query);
            } else if (ex.getRequestMethod().equals("GET") && path.startsWith("/api/changes/")) {
                DocumentChange c = changes.get(path.substring("/api/changes/".length()));
                if (c == null) {
                    problem(ex, 404, "no change " + path.substring("/api/changes/".length()));
                } else {
                    send(ex, 200, "application/json", EventJson.writeString(c));
                }
            } else if (path.equals("/api/documents/" + Fixtures.ZH_DOC + "/versions")) {
                send(ex, 200, "application/json", versions());
            } else if (path.equals("/api/documents/" + Fixtures.ZH_DOC)) {
                // the lineage: a draft it replaces (its title with markup, which the page must escape) and a successor
                send(ex, 200, "application/json", """
                        {"documentId": "cac-genai-measures", "title": "生成式人工智能服务管理暂行办法",
                         "predecessor": {"documentId": "cac.draft", "versionId": "v-d", "similarity": 0.71,
                           "reason": "same title without draft markers; provisions align 71 %",
                           "title": "生成式人工智能服务管理办法（征求意见稿）<script>x</script>",
                           "fetchedAt": "2023-04-11T03:00:00Z", "changeId": "c-final-first"},
                         "successors": [{"documentId": "cac.next", "title": "生成式人工智能服务管理办法",
                           "versionId": "v-n", "fetchedAt": "2025-01-02T00:00:00Z", "similarity": 0.8,
                           "reason": "same title", "changeId": "c-next-first"}]}""");
            } else if (path.equals("/api/documents/" + DRAFT_DOC)) {
                send(ex, 200, "application/json", """
                        {"documentId": "cac.draft", "title": "生成式人工智能服务管理办法（征求意见稿）<script>x</script>",
                         "language": "zh", "status": "GONE", "predecessor": null,
                         "successors": [{"documentId": "cac-genai-measures", "title": "生成式人工智能服务管理暂行办法",
                           "versionId": "v-f", "fetchedAt": "2023-07-13T00:00:00Z", "similarity": 0.71,
                           "reason": "same title", "changeId": "c-final-first"}]}""");
            } else if (path.equals("/api/documents/" + DRAFT_DOC + "/versions")) {
                send(ex, 200, "application/json", """
                        {"documentId": "cac.draft", "items": [
                         {"versionId": "v-d", "fetchedAt": "2023-04-11T03:00:00Z", "contentHash": "sha256:dd",
                          "changeId": "c-draft", "kind": "NEW_DOCUMENT", "summary": null}]}""");
            } else if (path.equals("/api/documents/" + Fixtures.ZH_DOC + "/diff")) {
                send(ex, 200, "application/json", diff(query));
            } else if (path.startsWith("/api/documents/" + Fixtures.ZH_DOC + "/versions/")
                    || path.startsWith("/api/documents/" + DRAFT_DOC + "/versions/")) {
                String[] parts = path.split("/");
                send(ex, 200, "application/json", EventJson.writeString(versionText(parts[3], parts[5])));
            } else if (path.startsWith("/api/documents/")) {
                problem(ex, 404, "no document");
            } else if (path.equals("/api/sources")) {
                send(ex, 200, "application/json", sources);
            } else if (ex.getRequestMethod().equals("GET") && path.equals("/api/channels")) {
                channels(ex);
            } else if (ex.getRequestMethod().equals("POST") && path.equals("/api/subscriptions")) {
                subscribe(ex, body);
            } else {
                problem(ex, 404, "no route " + path);
            }
        }
    }

    private void changes(HttpExchange ex, Map<String, String> q) throws IOException {
        List<DocumentChange> all = new ArrayList<>(changes.values());
        all.sort((a, b) -> b.detectedAt().compareTo(a.detectedAt()));
        List<DocumentChange> page;
        String next = null;
        if ("page-2".equals(q.get("cursor"))) {
            page = List.of(older());
        } else {
            page = all.stream()
                    .filter(c -> q.get("source") == null || c.sourceId().equals(q.get("source")))
                    .filter(c -> q.get("type") == null || c.changes().stream().anyMatch(p -> p.type().name().equals(q.get("type"))))
                    .filter(c -> q.get("significance") == null
                            || c.editorialOnly() == "EDITORIAL".equals(q.get("significance")))
                    .filter(c -> q.get("fact") == null
                            || c.factKinds().stream().anyMatch(k -> k.name().equals(q.get("fact"))))
                    .toList();
            next = q.get("source") == null ? "page-2" : null;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("items", page);
        answer.put("nextCursor", next);
        send(ex, 200, "application/json", EventJson.writeString(answer));
    }

    /** Realistic changes and sources, nothing hostile: for the screenshots. */
    public static FixtureApi showcase() throws IOException {
        FixtureApi api = new FixtureApi(List.of(Fixtures.chinese(), Fixtures.guidance(), Fixtures.english()));
        api.sources = """
                [{"id": "cac-genai-measures", "name": "生成式人工智能服务管理暂行办法", "kind": "page",
                  "url": "https://www.cac.gov.cn/2023-07/13/c_1690898327029107.htm", "publisher": "Cyberspace Administration of China",
                  "jurisdiction": "CN", "every": "PT6H", "lastFetchAt": "2024-05-14T11:45:00Z", "lastStatus": 200,
                  "lastOutcome": "PUBLISHED", "lastOutcomeDescription": "new version published", "lastChangeAt": "2024-05-14T11:45:00Z", "nextFetchAt": "2024-05-14T17:45:00Z"},
                 {"id": "eu-ai-act", "name": "EU AI Act", "kind": "page", "url": "https://eur-lex.europa.eu/eli/reg/2024/1689/oj",
                  "publisher": "European Union", "jurisdiction": "EU", "every": "P1D", "lastFetchAt": "2024-05-14T10:00:00Z",
                  "lastStatus": 503, "lastOutcome": "HTTP_ERROR", "nextFetchAt": "2024-05-14T10:30:00Z",
                  "lastChangeAt": "2024-05-12T07:15:00Z",
                  "lastError": "HTTP 503 Service Unavailable (retrying with backoff)", "lastErrorAt": "2024-05-14T10:00:00Z", "lastErrorKind": "HTTP_ERROR"},
                 {"id": "ico-ai-guidance", "name": "ICO guidance on AI and data protection", "kind": "page",
                  "url": "https://ico.org.uk/for-organisations/ai/", "publisher": "Information Commissioner's Office",
                  "jurisdiction": "UK", "every": "PT12H", "lastFetchAt": "2024-05-14T09:00:00Z", "lastStatus": 200,
                  "lastOutcome": "NOT_MODIFIED", "lastOutcomeDescription": "not modified since the last fetch", "lastChangeAt": "2024-05-13T16:20:00Z", "nextFetchAt": "2024-05-14T21:00:00Z"},
                 {"id": "nist-news", "name": "NIST news", "kind": "feed", "url": "https://www.nist.gov/news-events/news/rss.xml",
                  "publisher": "NIST", "jurisdiction": "US", "every": "PT1H", "lastFetchAt": "2024-05-14T11:00:00Z",
                  "lastStatus": 200, "lastOutcome": "HELD_BACK", "lastOutcomeDescription": "held back: the page looks broken", "broken": true,
                  "brokenReason": "the feed returned no items on 3 consecutive fetches (it had 20)"}]
                """;
        return api;
    }

    /** The only change of the second page: a newly discovered document. */
    static DocumentChange older() {
        Instant t = Instant.parse("2024-02-01T10:00:00Z");
        var v = new dev.policywatch.events.VersionRef("v-0000000000000001", t, "sha256:01");
        return new DocumentChange(1, "c-older0000000000000", "nist-news.0123456789ab", "nist-news", "NIST news",
                "https://www.nist.gov/news/1", "NIST releases a profile", "NIST", "US", "en", ChangeKind.NEW_DOCUMENT,
                null, v, t, List.of(), List.of(), null);
    }

    /** The draft the Chinese document replaces (docs/lineage.md); its successor {@code cac.next} is unknown to the history. */
    public static final String DRAFT_DOC = "cac.draft";

    /**
     * {@code GET /api/documents/{ZH_DOC}/diff?fromDocument=&from=&to=}: the Chinese fixture's provision changes
     * between the versions asked for, from the document asked for.
     */
    private static String diff(Map<String, String> q) {
        DocumentChange c = Fixtures.chinese();
        String fromDocument = q.getOrDefault("fromDocument", Fixtures.ZH_DOC);
        Instant fromAt = fromDocument.equals(DRAFT_DOC) ? Instant.parse("2023-04-11T03:00:00Z")
                : Fixtures.ZH_V1.fetchedAt();
        return EventJson.writeString(new dev.policywatch.api.history.DocumentDiff(Fixtures.ZH_DOC, fromDocument,
                new dev.policywatch.events.VersionRef(q.get("from"), fromAt, "sha256:00"),
                new dev.policywatch.events.VersionRef(q.get("to"), Fixtures.ZH_V2.fetchedAt(), "sha256:bb"),
                c.changes(), c.structureChanges(), c.summary()));
    }

    /** {@code GET /api/documents/{id}/versions/{versionId}}: a chapter heading and two articles, one with markup. */
    static dev.policywatch.api.history.VersionText versionText(String documentId, String versionId) {
        Instant at = documentId.equals(DRAFT_DOC) ? Instant.parse("2023-04-11T03:00:00Z") : Fixtures.ZH_V2.fetchedAt();
        return new dev.policywatch.api.history.VersionText(
                new dev.policywatch.events.VersionRef(versionId, at, "sha256:00"), documentId, "c-" + versionId,
                "生成式人工智能服务管理暂行办法", "zh", "CHINESE_ARTICLES",
                List.of(new dev.policywatch.api.history.VersionText.Structure("PREAMBLE", null, "", List.of(),
                                "为了促进生成式人工智能健康发展，制定本办法。"),
                        new dev.policywatch.api.history.VersionText.Structure("HEADING", "第一章", "总则",
                                List.of("第一章"), "第一章 总则")),
                List.of(new dev.policywatch.api.history.VersionText.Provision("第一条", List.of("第一章", "第一条"), "",
                                "本办法适用于生成式人工智能服务。", false),
                        new dev.policywatch.api.history.VersionText.Provision("第二条", List.of("第一章", "第二条"), "",
                                "提供者不得生成 " + Fixtures.SCRIPT + " 等内容。", true)));
    }

    /** The versions of the Chinese document, newest first, as {@code GET /api/documents/{id}/versions} answers. */
    private static String versions() {
        String v2 = Ids.changeId(Fixtures.ZH_DOC, Fixtures.ZH_V1.versionId(), Fixtures.ZH_V2.versionId());
        String v1 = Ids.changeId(Fixtures.ZH_DOC, null, Fixtures.ZH_V1.versionId());
        return """
                {"documentId": "%s", "items": [
                 {"versionId": "%s", "fetchedAt": "%s", "contentHash": "sha256:bb", "changeId": "%s", "kind": "UPDATED",
                  "summary": {"added": 1, "removed": 0, "modified": 1, "renumbered": 1, "unchanged": 21}},
                 {"versionId": "%s", "fetchedAt": "%s", "contentHash": "sha256:aa", "changeId": "%s", "kind": "BASELINE",
                  "summary": null}]}
                """.formatted(Fixtures.ZH_DOC, Fixtures.ZH_V2.versionId(), Fixtures.ZH_V2.fetchedAt(), v2,
                Fixtures.ZH_V1.versionId(), Fixtures.ZH_V1.fetchedAt(), v1);
    }

    private static String sources() {
        return """
                [{"id": "cac-genai-measures", "name": "生成式人工智能服务管理暂行办法", "kind": "page",
                  "url": "https://www.cac.gov.cn/2023-07/13/c_1690898327029107.htm", "publisher": "Cyberspace Administration of China",
                  "jurisdiction": "CN", "every": "PT6H", "lastFetchAt": "2024-05-14T11:45:00Z", "lastStatus": 200,
                  "lastOutcome": "PUBLISHED", "lastOutcomeDescription": "new version published", "lastChangeAt": "2024-05-14T11:45:00Z", "nextFetchAt": "2024-05-14T17:45:00Z",
                  "lastError": null, "broken": false, "documents": 1, "publishFailures": 0, "running": false},
                 {"id": "eu-ai-act", "name": "EU AI Act", "kind": "listing", "url": "javascript:alert(1)",
                  "publisher": "European Union", "jurisdiction": "EU", "every": "P1D", "lastFetchAt": "2024-05-14T10:00:00Z",
                  "lastStatus": 503, "lastOutcome": "HTTP_ERROR", "nextFetchAt": "2024-05-14T10:05:00Z",
                  "lastError": "HTTP 503 from eur-lex.europa.eu <script>alert(1)</script>", "lastErrorAt": "2024-05-14T10:00:00Z", "lastErrorKind": "HTTP_ERROR",
                  "broken": false, "documents": 3, "running": true, "somethingNew": {"x": 1}},
                 {"id": "evil-listing", "name": "Listing that changed shape", "kind": "listing", "url": "https://example.org/list",
                  "publisher": "Example", "jurisdiction": "XX", "every": "PT1H", "lastFetchAt": "2024-05-14T09:00:00Z",
                  "lastStatus": 200, "lastOutcome": "HELD_BACK", "lastOutcomeDescription": "held back: the page looks broken", "broken": true,
                  "brokenReason": "the content selector matched nothing on 3 consecutive fetches", "documents": 0,
                  "brokenReasonKind": "SELECTOR_MATCHED_NOTHING"}]
                """;
    }

    /** The notifier's reason for email being off, in the language asked for (as the notifier words it). */
    static String emailOffReason(String acceptLanguage) {
        return acceptLanguage != null && acceptLanguage.startsWith("zh") ? "此服务器未开通邮件提醒。"
                : "Email alerts are not set up on this server.";
    }

    private void channels(HttpExchange ex) throws IOException {
        StringBuilder json = new StringBuilder("[");
        for (dev.policywatch.api.subscriptions.Channel c : dev.policywatch.api.subscriptions.Channel.values()) {
            if (c == dev.policywatch.api.subscriptions.Channel.CONSOLE) {
                continue;
            }
            boolean off = c == dev.policywatch.api.subscriptions.Channel.EMAIL && emailOff.get();
            json.append(json.length() > 1 ? "," : "").append("{\"channel\":\"").append(c.wire())
                    .append("\",\"available\":").append(!off).append(",\"reason\":")
                    .append(off ? "\"" + emailOffReason(ex.getRequestHeaders().getFirst("Accept-Language")) + "\"" : "null")
                    .append('}');
        }
        send(ex, 200, "application/json", json.append(']').toString());
    }

    private void subscribe(HttpExchange ex, String body) throws IOException {
        JsonNode request = EventJson.mapper().readTree(body);
        if (emailOff.get() && request.path("channel").asText().equals("email")) {
            send(ex, 503, "application/problem+json", "{\"title\":\"Channel not available\",\"status\":503,\"detail\":\""
                    + emailOffReason(ex.getRequestHeaders().getFirst("Accept-Language")) + "\"}");
            return;
        }
        String target = request.path("target").asText();
        if (target.contains("not-an-address")) {
            problem(ex, 400, "target: \"" + target + "\" is not a valid email address (RFC 5322 addr-spec, like name@example.org)");
        } else if (target.contains("evil.example")) {
            // the notifier's own words name a setting: the page must not show them
            problem(ex, 400, "target: webhook host evil.example is not in policywatch.notifier.webhook.allowed-hosts");
        } else if (target.contains("busy@")) {
            problem(ex, 429, "too many signups from this address; try again within an hour");
        } else if (target.contains("taken@")) {
            problem(ex, 409, "already subscribed");
        } else {
            String status = request.path("channel").asText().equals("email") ? "pending_confirmation" : "active";
            // like the notifier: a webhook subscription without a secret gets one, answered once
            String secret = request.path("channel").asText().equals("webhook") && request.path("secret").isMissingNode()
                    ? ", \"secret\": \"whsec_generated789\"" : "";
            send(ex, 201, "application/json",
                    "{\"id\": \"s-123\", \"status\": \"" + status + "\", \"manageToken\": \"mt-secret-456\"" + secret + "}");
        }
    }

    private static void problem(HttpExchange ex, int status, String detail) throws IOException {
        send(ex, status, "application/problem+json", EventJson.writeString(
                Map.of("type", "about:blank", "title", "Problem", "status", status, "detail", detail)));
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type + ";charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> query(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Map.of();
        }
        Map<String, String> q = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            q.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return Collections.unmodifiableMap(q);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
