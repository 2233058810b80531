package dev.policywatch.standalone;

import static dev.policywatch.standalone.EndToEnd.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.policywatch.events.Ids;
import dev.policywatch.testing.AttachmentFiles;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
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

    private static final String NOTICE = """
            <html><head><title>关于印发《测试市数据出境管理办法》的通知</title></head><body>
            <div id="content"><p>各区数据局：现将《测试市数据出境管理办法》印发给你们，请认真贯彻执行。</p>
            <p>附件：<a href="/files/measures.docx">附件1：测试市数据出境管理办法.docx</a></p>
            <p><a href="/files/guide.ofd">附件2：测试市数据出境评估指南.ofd</a></p></div>
            </body></html>""";
    private static final String OPEN_DATA = "<html><head><title>测试市公共数据开放办法</title></head><body>"
            + "<div id=\"content\"><h1 id=\"title\"></h1><div id=\"articles\"></div></div>"
            + "<script src=\"/app.js\"></script></body></html>";
    private static final String DOCX = "application/octet-stream";
    private static final String JSON = "application/json";

    @TempDir
    Path dir;

    @RegisterExtension
    final EndToEnd.Parts parts = new EndToEnd.Parts();
    private FixtureServers.Pages site;
    private FixtureServers.Pages elsewhere;
    private FixtureServers.WebhookReceiver slack;
    private EndToEnd.Api api;

    static byte[] measures(String article2) {
        return AttachmentFiles.docx("# 测试市数据出境管理办法", "第一条 为了规范数据出境活动，制定本办法。",
                "第二条 " + article2, "第三条 本办法自2026年1月1日起施行。");
    }

    static byte[] articles(String article2) {
        return """
                {"title": "测试市公共数据开放办法", "articles": ["第一条 为了促进公共数据开放，制定本办法。",
                 "第二条 %s", "第三条 本办法自2026年1月1日起施行。"]}""".formatted(article2).getBytes(StandardCharsets.UTF_8);
    }

    @BeforeEach
    void startParts() {
        elsewhere = parts.add(new FixtureServers.Pages());
        String app = """
                fetch('/articles.json').then(function (r) { return r.json(); }).then(function (d) {
                  document.getElementById('title').textContent = d.title;
                  var box = document.getElementById('articles');
                  d.articles.forEach(function (a) { var p = document.createElement('p'); p.textContent = a; box.appendChild(p); });
                  var a = document.createElement('a'); a.href = '%1$s'; a.textContent = '附件：内部.docx';
                  box.appendChild(a);
                });
                fetch('%2$s').catch(function () {});
                fetch('http://169.254.169.254/latest/meta-data/').catch(function () {});
                """.formatted(elsewhere.url("/internal.docx"), elsewhere.url("/steal"));
        site = parts.add(new FixtureServers.Pages());
        site.put("/notice.html", NOTICE);
        site.put("/files/measures.docx", measures("数据处理者应当在数据出境前申报安全评估。"), DOCX);
        site.put("/files/guide.ofd", AttachmentFiles.ofd("测试市数据出境评估指南", "# 测试市数据出境评估指南",
                "第一条 评估应当覆盖数据出境全流程。", "第二条 评估报告保存三年。"), "application/ofd");
        site.put("/open-data.html", OPEN_DATA);
        site.put("/app.js", app.getBytes(StandardCharsets.UTF_8), "application/javascript");
        site.put("/articles.json", articles("数据处理者应当每年开展一次风险评估。"), JSON);
        slack = parts.add(new FixtureServers.WebhookReceiver());
        Path sources = EndToEnd.sourcesFile(dir,
                EndToEnd.source("test-notice", "测试市数据局通知", "测试市数据局", site.url("/notice.html")),
                EndToEnd.source("test-scripted", "测试市公共数据开放办法", "测试市数据局", site.url("/open-data.html"),
                        "kind: page", "render: browser"));
        api = parts.start(EndToEnd.options(dir, sources, slack.origin()));
    }

    @Test
    void aRevisedWordAttachmentIsOneUpdatedChangeAlertedOnce() throws Exception {
        String measuresId = Ids.discoveredDocumentId("test-notice", URI.create(site.url("/files/measures.docx")));
        String guideId = Ids.discoveredDocumentId("test-notice", URI.create(site.url("/files/guide.ofd")));

        // 1. the first crawl baselines the page and both attachments, each a document of its own
        api.crawl("test-notice");
        await().atMost(WAIT).untilAsserted(() -> assertThat(api.get("/api/changes?kind=BASELINE").path("items"))
                .extracting(c -> c.path("documentId").asText()).contains("test-notice", measuresId, guideId));
        JsonNode documents = api.get("/api/documents");
        assertThat(documents.toString()).contains("附件1：测试市数据出境管理办法", "附件2：测试市数据出境评估指南");
        api.subscribeSlack(slack.url(), "{}"); // subscribe only now: baselines are never alerted anyway

        // 2. the .docx is replaced by a revised one at the same address: one UPDATED change, provision-level
        site.put("/files/measures.docx", measures("数据处理者应当在数据出境前三十日内申报安全评估。"), DOCX);
        api.crawl("test-notice");
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
        String fetchedBefore = api.get("/api/sources/test-notice").path("lastFetchAt").asText();
        api.crawl("test-notice");
        await().atMost(WAIT).until(() -> !api.get("/api/sources/test-notice").path("lastFetchAt").asText()
                .equals(fetchedBefore));
        assertThat(updates()).hasSize(1);
        assertThat(slack.bodies()).hasSize(1);
    }

    @Test
    void aPageWrittenByScriptIsDiffedAndAlertedLikeAStaticPageAndReachesNothingElse() throws Exception {
        boolean ci = "true".equals(System.getenv("CI"));
        Assumptions.assumeTrue(ci || Files.isExecutable(Path.of("/usr/bin/chromium")),
                "render: browser end to end skipped: /usr/bin/chromium is not installed; in CI it runs and fails");

        // 1. rendered in the browser, the articles the script wrote are the baseline
        api.crawl("test-scripted");
        await().atMost(WAIT).untilAsserted(() -> assertThat(api.get("/api/changes?kind=BASELINE").path("items"))
                .extracting(c -> c.path("documentId").asText()).contains("test-scripted"));
        assertThat(api.get("/api/documents").toString()).contains("测试市公共数据开放办法");
        api.subscribeSlack(slack.url(), "{}");

        // 2. the script's data changes (the HTML does not): one UPDATED change on the article, alerted once
        site.put("/articles.json", articles("公共数据应当以机器可读格式开放，并每季度更新。"), JSON);
        api.crawl("test-scripted");
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
        assertThat(elsewhere.hits()).isEmpty();
    }

    /** The UPDATED changes so far. */
    private List<JsonNode> updates() throws Exception {
        List<JsonNode> out = new ArrayList<>();
        api.get("/api/changes").path("items").forEach(c -> {
            if (c.path("kind").asText().equals("UPDATED")) {
                out.add(c);
            }
        });
        return out;
    }
}
