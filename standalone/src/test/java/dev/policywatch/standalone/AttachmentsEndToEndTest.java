package dev.policywatch.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.policywatch.events.Ids;
import dev.policywatch.testing.AttachmentFiles;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #17 end to end, real parts only (embedded broker and PostgreSQL, a local site, a local
 * webhook receiver as Slack, Debian's headless Chromium). Attachments: a notice page links a
 * {@code .docx} and an {@code .ofd}; each is a document of its own, baselined with the page; when the
 * {@code .docx} is replaced by a revised one at the same address, exactly one UPDATED change names the
 * revised article, and it is alerted once. Pages built in script ({@code render: browser}): a page whose
 * articles are written by its script is baselined and diffed like a static page, while what the script
 * asks of another loopback origin or of the metadata address is never fetched (a second server records
 * every hit).
 */
class AttachmentsEndToEndTest {

    private static final String ADMIN = "e2e-admin-token";
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String NOTICE = """
            <html><head><title>关于印发《测试市数据出境管理办法》的通知</title></head><body>
            <div id="content"><p>各区数据局：现将《测试市数据出境管理办法》印发给你们，请认真贯彻执行。</p>
            <p>附件：<a href="/files/measures.docx">附件1：测试市数据出境管理办法.docx</a></p>
            <p><a href="/files/guide.ofd">附件2：测试市数据出境评估指南.ofd</a></p></div>
            </body></html>""";

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicReference<byte[]> docx = new AtomicReference<>(measures("数据处理者应当在数据出境前申报安全评估。"));
    private final AtomicReference<String> articles = new AtomicReference<>(articles("数据处理者应当每年开展一次风险评估。"));
    private HttpServer site;
    private HttpServer elsewhere;
    private final java.util.List<String> elsewhereHits = new java.util.concurrent.CopyOnWriteArrayList<>();
    private FixtureServers.WebhookReceiver slack;
    private Standalone system;

    static byte[] measures(String article2) {
        return AttachmentFiles.docx("# 测试市数据出境管理办法", "第一条 为了规范数据出境活动，制定本办法。",
                "第二条 " + article2, "第三条 本办法自2026年1月1日起施行。");
    }

    static String articles(String article2) {
        return """
                {"title": "测试市公共数据开放办法", "articles": ["第一条 为了促进公共数据开放，制定本办法。",
                 "第二条 %s", "第三条 本办法自2026年1月1日起施行。"]}""".formatted(article2);
    }

    @BeforeEach
    void startParts() throws IOException {
        elsewhere = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        elsewhere.createContext("/", ex -> {
            try (ex) {
                elsewhereHits.add(ex.getRequestURI().toString());
                ex.sendResponseHeaders(200, -1);
            }
        });
        elsewhere.start();
        String app = """
                fetch('/articles.json').then(function (r) { return r.json(); }).then(function (d) {
                  document.getElementById('title').textContent = d.title;
                  var box = document.getElementById('articles');
                  d.articles.forEach(function (a) { var p = document.createElement('p'); p.textContent = a; box.appendChild(p); });
                  var a = document.createElement('a'); a.href = '%1$s/internal.docx'; a.textContent = '附件：内部.docx';
                  box.appendChild(a);
                });
                fetch('%1$s/steal').catch(function () {});
                fetch('http://169.254.169.254/latest/meta-data/').catch(function () {});
                """.formatted("http://127.0.0.1:" + elsewhere.getAddress().getPort());
        byte[] ofd = AttachmentFiles.ofd("测试市数据出境评估指南", "# 测试市数据出境评估指南",
                "第一条 评估应当覆盖数据出境全流程。", "第二条 评估报告保存三年。");
        site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        site.createContext("/", ex -> {
            try (ex) {
                String path = ex.getRequestURI().getPath();
                byte[] body;
                String type;
                switch (path) {
                    case "/robots.txt" -> { body = "User-agent: *\nAllow: /\n".getBytes(StandardCharsets.UTF_8); type = "text/plain"; }
                    case "/notice.html" -> { body = NOTICE.getBytes(StandardCharsets.UTF_8); type = "text/html; charset=utf-8"; }
                    case "/files/measures.docx" -> { body = docx.get(); type = "application/octet-stream"; }
                    case "/files/guide.ofd" -> { body = ofd; type = "application/ofd"; }
                    case "/open-data.html" -> {
                        body = ("<html><head><title>测试市公共数据开放办法</title></head><body><div id=\"content\">"
                                + "<h1 id=\"title\"></h1><div id=\"articles\"></div></div><script src=\"/app.js\"></script>"
                                + "</body></html>").getBytes(StandardCharsets.UTF_8);
                        type = "text/html; charset=utf-8";
                    }
                    case "/app.js" -> { body = app.getBytes(StandardCharsets.UTF_8); type = "application/javascript"; }
                    case "/articles.json" -> { body = articles.get().getBytes(StandardCharsets.UTF_8); type = "application/json"; }
                    default -> { body = "not found".getBytes(StandardCharsets.UTF_8); type = "text/plain"; }
                }
                ex.getResponseHeaders().set("Content-Type", type);
                ex.sendResponseHeaders(type.equals("text/plain") && !path.equals("/robots.txt") ? 404 : 200, body.length);
                ex.getResponseBody().write(body);
            }
        });
        site.start();
        slack = new FixtureServers.WebhookReceiver();
        Path sources = dir.resolve("sources.yml");
        Files.writeString(sources, """
                sources:
                  - id: test-notice
                    name: 测试市数据局通知
                    url: %s
                    publisher: 测试市数据局
                    jurisdiction: CN
                    kind: page
                    content: "#content"
                    every: PT1H
                  - id: test-scripted
                    name: 测试市公共数据开放办法
                    url: %s
                    publisher: 测试市数据局
                    jurisdiction: CN
                    kind: page
                    content: "#content"
                    render: browser
                    every: PT1H
                """.formatted(siteUrl("/notice.html"), siteUrl("/open-data.html")), StandardCharsets.UTF_8);
        int port = freePort();
        system = Standalone.start(StandaloneOptions.defaults()
                .withDataDir(dir.resolve("data"))
                .withPort(port)
                .withSources(sources)
                .withProperty("policywatch.embedded-kafka.port", "0")
                .withProperty("policywatch.admin-token", ADMIN)
                .withProperty("policywatch.public-url", "http://127.0.0.1:" + port)
                .withProperty("policywatch.crawler.per-host-delay", "0s")
                .withProperty("policywatch.notifier.webhook.allowed-hosts", slack.origin()));
    }

    @AfterEach
    void stopParts() {
        if (system != null) {
            system.close();
        }
        slack.close();
        site.stop(0);
        elsewhere.stop(0);
    }

    @Test
    void aRevisedWordAttachmentIsOneUpdatedChangeAlertedOnce() throws Exception {
        String measuresId = Ids.discoveredDocumentId("test-notice", URI.create(siteUrl("/files/measures.docx")));
        String guideId = Ids.discoveredDocumentId("test-notice", URI.create(siteUrl("/files/guide.ofd")));

        // 1. the first crawl baselines the page and both attachments, each a document of its own
        crawl("test-notice");
        await().atMost(WAIT).untilAsserted(() -> assertThat(get("/api/changes?kind=BASELINE").path("items"))
                .extracting(c -> c.path("documentId").asText()).contains("test-notice", measuresId, guideId));
        JsonNode documents = get("/api/documents");
        assertThat(documents.toString()).contains("附件1：测试市数据出境管理办法", "附件2：测试市数据出境评估指南");
        slack(); // subscribe only now: baselines are never alerted anyway

        // 2. the .docx is replaced by a revised one at the same address: one UPDATED change, provision-level
        docx.set(measures("数据处理者应当在数据出境前三十日内申报安全评估。"));
        crawl("test-notice");
        await().atMost(WAIT).until(() -> slack.bodies().size() == 1);
        await().atMost(WAIT).until(() -> updates().size() == 1);
        JsonNode change = updates().get(0);
        assertThat(change.path("kind").asText()).isEqualTo("UPDATED");
        assertThat(change.path("documentId").asText()).isEqualTo(measuresId);
        assertThat(change.path("title").asText()).isEqualTo("附件1：测试市数据出境管理办法");
        assertThat(change.path("summary").path("modified").asInt()).isEqualTo(1);
        assertThat(change.path("changes")).hasSize(1);
        assertThat(change.path("changes").get(0).path("newLabel").asText()).isEqualTo("第二条");
        assertThat(change.path("changes").get(0).path("newText").asText()).contains("三十日内");
        assertThat(slack.bodies().get(0)).contains("第二条");

        // 3. crawled again with nothing new: no second change, no second alert
        String fetchedBefore = get("/api/sources/test-notice").path("lastFetchAt").asText();
        crawl("test-notice");
        await().atMost(WAIT).until(() -> !get("/api/sources/test-notice").path("lastFetchAt").asText().equals(fetchedBefore));
        assertThat(updates()).hasSize(1);
        assertThat(slack.bodies()).hasSize(1);
    }

    @Test
    void aPageWrittenByScriptIsDiffedAndAlertedLikeAStaticPageAndReachesNothingElse() throws Exception {
        boolean ci = "true".equals(System.getenv("CI"));
        org.junit.jupiter.api.Assumptions.assumeTrue(ci || Files.isExecutable(Path.of("/usr/bin/chromium")),
                "render: browser end to end skipped: /usr/bin/chromium is not installed; in CI it runs and fails");

        // 1. rendered in the browser, the articles the script wrote are the baseline
        crawl("test-scripted");
        await().atMost(WAIT).untilAsserted(() -> assertThat(get("/api/changes?kind=BASELINE").path("items"))
                .extracting(c -> c.path("documentId").asText()).contains("test-scripted"));
        assertThat(get("/api/documents").toString()).contains("测试市公共数据开放办法");
        slack();

        // 2. the script's data changes (the HTML does not): one UPDATED change on the article, alerted once
        articles.set(articles("公共数据应当以机器可读格式开放，并每季度更新。"));
        crawl("test-scripted");
        await().atMost(WAIT).until(() -> slack.bodies().size() == 1);
        await().atMost(WAIT).until(() -> updates().size() == 1);
        JsonNode change = updates().get(0);
        assertThat(change.path("documentId").asText()).isEqualTo("test-scripted");
        assertThat(change.path("summary").path("modified").asInt()).isEqualTo(1);
        assertThat(change.path("changes")).hasSize(1);
        assertThat(change.path("changes").get(0).path("newLabel").asText()).isEqualTo("第二条");
        assertThat(change.path("changes").get(0).path("newText").asText()).contains("每季度更新");
        assertThat(slack.bodies().get(0)).contains("第二条");

        // 3. the script's requests, and the attachment it links, at another loopback origin: never fetched
        assertThat(elsewhereHits).isEmpty();
    }

    /** The UPDATED changes so far. */
    private java.util.List<JsonNode> updates() throws Exception {
        java.util.List<JsonNode> out = new java.util.ArrayList<>();
        get("/api/changes").path("items").forEach(c -> {
            if (c.path("kind").asText().equals("UPDATED")) {
                out.add(c);
            }
        });
        return out;
    }

    private void slack() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(system.url() + "/api/subscriptions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"channel":"slack","target":"%s","filters":{},"mode":"immediate"}""".formatted(slack.url())))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    private void crawl(String sourceId) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(system.url() + "/api/sources/" + sourceId + "/crawl"))
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

    private String siteUrl(String path) {
        return "http://127.0.0.1:" + site.getAddress().getPort() + path;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
