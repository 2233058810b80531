package dev.policywatch.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Draft → final on the whole system (docs/lineage.md): a local listing site lists a draft for comment
 * and a notice; later it lists the final text at a new URL (changed title, rewritten articles) and a
 * second notice with a near-identical boilerplate title. The final's change is NEW_DOCUMENT with the
 * draft as predecessor and the provision diff from it; Slack (a real local receiver) and email
 * (GreenMail) lead with "Final text published" and name the draft; the second notice links to nothing.
 */
class LineageEndToEndTest {

    private static final String ADMIN = "lineage-admin-token";
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final Pattern CONFIRM_LINK = Pattern.compile("(https?://[^\\s\"<>]+/subscriptions/confirm\\?token=[A-Za-z0-9._~%-]+)");

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> pages = new ConcurrentHashMap<>();
    private HttpServer site;
    private FixtureServers.WebhookReceiver slack;
    private GreenMail smtp;
    private Standalone system;

    static String page(String title, String... paragraphs) {
        StringBuilder body = new StringBuilder("<html><head><title>").append(title).append(" - 测试网信办</title></head><body>"
                + "<div class=\"nav\">首页 &gt; 政策</div><h1>").append(title).append("</h1><div id=\"content\">");
        for (String p : paragraphs) {
            body.append("<p>").append(p).append("</p>");
        }
        return body.append("</div></body></html>").toString();
    }

    static String listing(String... links) {
        StringBuilder body = new StringBuilder("<html><head><title>政策文件</title></head><body><ul class=\"docs\">");
        for (String l : links) {
            body.append("<li><a href=\"").append(l).append("\">").append(l).append("</a></li>");
        }
        return body.append("</ul></body></html>").toString();
    }

    @BeforeEach
    void startParts() throws IOException {
        site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        site.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                String body = path.equals("/robots.txt") ? "User-agent: *\nAllow: /\n" : pages.get(path);
                byte[] bytes = (body == null ? "not found" : body).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        });
        site.start();
        slack = new FixtureServers.WebhookReceiver();
        smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Path sources = dir.resolve("sources.yml");
        Files.writeString(sources, """
                sources:
                  - id: test-cac-policies
                    name: 测试网信办政策文件
                    url: %s
                    publisher: 测试省网信办
                    jurisdiction: CN
                    kind: listing
                    links: "ul.docs a"
                    content: "#content"
                    every: PT1H
                """.formatted(siteUrl("/list.html")), StandardCharsets.UTF_8);
        int port = freePort();
        StandaloneOptions options = StandaloneOptions.defaults()
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
        site.stop(0);
    }

    @Test
    void theFinalTextAtANewUrlIsComparedWithItsDraftAndAlertedAsSuch() throws Exception {
        // 1. the listing's first crawl: the draft and a notice are baselines
        pages.put("/draft.html", page("测试数据安全管理办法（征求意见稿）",
                "第一条 为了规范数据处理活动，保障数据安全，促进数据开发利用，制定本办法。",
                "第二条 在本省行政区域内开展数据处理活动及其安全监管，适用本办法。",
                "第三条 数据处理者应当建立健全全流程数据安全管理制度，组织开展数据安全教育培训。",
                "第四条 重要数据的处理者应当明确数据安全负责人和管理机构，落实数据安全保护责任。",
                "第五条 违反本办法规定的，由网信部门依照有关法律、行政法规的规定处理。"));
        pages.put("/notice-1.html", page("关于开展2025年网络安全检查工作的通知",
                "各有关单位：为做好网络安全保障工作，现就开展网络安全检查有关事项通知如下。",
                "一、检查范围为本地区关键信息基础设施运营者。",
                "二、请于6月30日前报送自查报告。"));
        pages.put("/list.html", listing("/draft.html", "/notice-1.html"));
        crawl();
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(get("/api/changes?kind=BASELINE").path("items")).hasSize(2));

        // 2. subscribe by email (confirmed) and by Slack
        post("/api/subscriptions", """
                {"channel":"email","target":"analyst@test.example","filters":{},"mode":"immediate"}""", 201);
        await().atMost(WAIT).until(() -> smtp.getReceivedMessages().length == 1);
        Matcher link = CONFIRM_LINK.matcher(text(smtp.getReceivedMessages()[0]));
        assertThat(link.find()).isTrue();
        assertThat(http.send(HttpRequest.newBuilder(URI.create(link.group(1))).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        post("/api/subscriptions", """
                {"channel":"slack","target":"%s","filters":{},"mode":"immediate"}""".formatted(slack.url()), 201);

        // 3. the final text at a new URL (title without the marker, articles rewritten, one added) and a second notice
        pages.put("/final.html", page("测试数据安全管理办法",
                "第一条 为了规范数据处理活动，保障数据安全，促进数据开发利用，保护个人、组织的合法权益，制定本办法。",
                "第二条 在本省行政区域内开展数据处理活动及其安全监管，适用本办法。",
                "第三条 数据处理者应当建立健全全流程数据安全管理制度，组织开展数据安全教育培训，采取相应的技术措施。",
                "第四条 重要数据的处理者应当明确数据安全负责人和管理机构，落实数据安全保护责任。",
                "第五条 数据处理者应当每年开展一次数据安全风险评估。",
                "第六条 违反本办法规定的，由网信部门依照有关法律、行政法规的规定处理。"));
        pages.put("/notice-2.html", page("关于开展2025年数据安全检查工作的通知",
                "各有关单位：为做好数据安全保障工作，现就开展数据安全检查有关事项通知如下。",
                "一、检查范围为本地区重要数据处理者。",
                "二、请于9月30日前报送自查报告。"));
        pages.put("/list.html", listing("/final.html", "/notice-2.html", "/draft.html", "/notice-1.html"));
        crawl();
        await().atMost(WAIT).until(() -> get("/api/changes?kind=NEW_DOCUMENT").path("items").size() == 2);

        JsonNode draft = null;
        JsonNode fin = null;
        JsonNode notice = null;
        for (JsonNode c : get("/api/changes?kind=BASELINE,NEW_DOCUMENT").path("items")) {
            String url = c.path("url").asText();
            if (url.endsWith("/draft.html")) {
                draft = c;
            } else if (url.endsWith("/final.html")) {
                fin = c;
            } else if (url.endsWith("/notice-2.html")) {
                notice = c;
            }
        }
        assertThat(fin.path("kind").asText()).isEqualTo("NEW_DOCUMENT");
        assertThat(fin.path("predecessor").path("documentId").asText()).isEqualTo(draft.path("documentId").asText());
        assertThat(fin.path("predecessor").path("versionId").asText())
                .isEqualTo(draft.path("toVersion").path("versionId").asText());
        assertThat(fin.path("summary").path("modified").asInt()).isEqualTo(2);
        assertThat(fin.path("summary").path("added").asInt()).isEqualTo(1);
        assertThat(fin.path("summary").path("removed").asInt()).isZero();
        assertThat(fin.path("summary").path("renumbered").asInt()).isEqualTo(1); // 第五条 → 第六条
        List<String> labels = new ArrayList<>();
        fin.path("changes").forEach(p -> labels.add(p.path("type").asText() + " " + p.path("oldLabel").asText()
                + "→" + p.path("newLabel").asText()));
        assertThat(labels).contains("MODIFIED 第一条→第一条", "MODIFIED 第三条→第三条");
        assertThat(fin.path("statusChange").path("headline").asText()).isEqualTo("草案成为正式文本（原为征求意见稿）");
        assertThat(notice.path("predecessor").isNull() || notice.path("predecessor").isMissingNode()).isTrue();

        // the document API shows the lineage both ways
        assertThat(get("/api/documents/" + draft.path("documentId").asText()).path("successors").get(0)
                .path("documentId").asText()).isEqualTo(fin.path("documentId").asText());

        // 4. email and Slack lead with "Final text published" and name the draft; the notice is a plain new document
        await().atMost(WAIT).until(() -> alertEmails().size() == 2 && slack.bodies().size() == 2);
        MimeMessage finalMail = alertEmails().stream().filter(m -> subject(m).contains("测试数据安全管理办法")).findFirst()
                .orElseThrow();
        assertThat(subject(finalMail)).startsWith("[policywatch] Final text published: 《测试数据安全管理办法》 — compared "
                + "with the draft of ").endsWith(": 2 modified, 1 added, 1 renumbered");
        assertThat(text(finalMail)).contains("Compared with: 《测试数据安全管理办法（征求意见稿）》", "第三条");
        String finalSlack = slack.bodies().stream().filter(b -> b.contains("Final text published")).findFirst().orElseThrow();
        assertThat(finalSlack).contains("测试数据安全管理办法（征求意见稿）");
        assertThat(alertEmails().stream().map(LineageEndToEndTest::subject).filter(s -> s.contains("数据安全检查")))
                .singleElement().satisfies(s -> assertThat(s).doesNotContain("Final text").contains("new document"));
    }

    private List<MimeMessage> alertEmails() {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> !subject(m).toLowerCase().contains("confirm")).toList();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject() == null ? "" : m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

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

    private String siteUrl(String path) {
        return "http://127.0.0.1:" + site.getAddress().getPort() + path;
    }

    private void crawl() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(system.url() + "/api/sources/test-cac-policies/crawl"))
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
