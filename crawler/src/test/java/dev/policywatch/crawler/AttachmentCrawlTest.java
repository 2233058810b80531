package dev.policywatch.crawler;

import static dev.policywatch.crawler.CrawlerHarness.index;
import static dev.policywatch.crawler.CrawlerHarness.page;
import static dev.policywatch.crawler.CrawlerHarness.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.policywatch.events.Ids;
import dev.policywatch.events.Origin;
import dev.policywatch.events.PageSnapshot;
import dev.policywatch.testing.AttachmentFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Attachments (附件) of pages and of discovered documents, against a real local site and a real broker. */
class AttachmentCrawlTest extends SiteCrawlTest {

    private static final String NOTICE = """
            <html><head><title>关于印发《示例管理办法》的通知</title></head><body>
            <nav><a href="/app/client.pdf">下载客户端.pdf</a></nav>
            <div id="content"><p>各有关单位：现将《示例管理办法》印发给你们，请遵照执行。</p>
            <p><a href="/files/fj1.docx">附件1：示例管理办法.docx</a></p>
            <p><a href="/files/fj2.ofd">附件2：示例评估指南</a></p>
            <p><a href="/files/fj3.doc">附件3：登记表.doc</a></p>
            %s
            </div></body></html>""";

    private final AtomicReference<byte[]> docx = new AtomicReference<>(measures("数据处理者应当申报。"));

    @BeforeEach
    void serveAttachments() {
        site.on("/files/fj1.docx", ex -> TestSupport.send(ex, 200, "application/octet-stream", docx.get()));
        site.on("/files/fj2.ofd", ex -> TestSupport.send(ex, 200, "application/ofd", AttachmentFiles.ofd("示例评估指南",
                "# 示例评估指南", "第一条 评估应当覆盖数据全生命周期。", "第二条 评估报告保存三年。")));
        byte[] noise = new byte[2048];
        new Random(1).nextBytes(noise);
        noise[0] = 1;
        site.on("/files/fj3.doc", ex -> TestSupport.send(ex, 200, "application/msword", noise));
    }

    static byte[] measures(String article2) {
        return AttachmentFiles.docx("# 示例管理办法", "第一条 为了规范数据处理活动，制定本办法。", "第二条 " + article2,
                "第三条 本办法自发布之日起施行。");
    }

    private String id(String parent, String path) {
        return Ids.discoveredDocumentId(parent, site.url(path));
    }

    @Test
    void eachAttachmentIsADocumentOfItsOwnNamingItsParentAndAnUnknownFormatIsSkipped() throws IOException {
        site.html("/notice.htm", NOTICE.formatted(""));
        start(page("notice", site.url("/notice.htm"), "content: \"#content\""));

        CrawlReport report = harness.crawl("notice");

        assertThat(report.documents()).isEqualTo(4);
        assertThat(report.published()).isEqualTo(3);
        assertThat(report.error()).isNull();
        assertThat(report.warning()).contains(id("notice", "/files/fj3.doc")).contains("unsupported format");
        assertThat(report.warningKind()).isEqualTo("UNSUPPORTED_FORMAT");
        assertThat(site.requestsTo("/app/client.pdf")).as("navigation is not attachments").isEmpty();
        List<PageSnapshot> snapshots = harness.snapshots();
        assertThat(snapshots).extracting(PageSnapshot::documentId).containsExactlyInAnyOrder(
                "notice", id("notice", "/files/fj1.docx"), id("notice", "/files/fj2.ofd"));
        PageSnapshot word = snapshots.stream().filter(s -> s.documentId().equals(id("notice", "/files/fj1.docx")))
                .findFirst().orElseThrow();
        assertThat(word.parentDocumentId()).isEqualTo("notice");
        assertThat(word.title()).isEqualTo("附件1：示例管理办法");
        assertThat(word.origin()).isEqualTo(Origin.BACKFILL);
        assertThat(word.contentType()).contains("wordprocessingml");
        assertThat(text(word)).contains("第二条 数据处理者应当申报。");
        PageSnapshot ofd = snapshots.stream().filter(s -> s.documentId().equals(id("notice", "/files/fj2.ofd")))
                .findFirst().orElseThrow();
        assertThat(ofd.title()).isEqualTo("附件2：示例评估指南");
        assertThat(ofd.contentType()).isEqualTo("application/ofd");
        assertThat(text(ofd)).contains("第一条 评估应当覆盖数据全生命周期。");
        assertThat(snapshots).filteredOn(s -> s.documentId().equals("notice")).singleElement()
                .satisfies(s -> assertThat(s.parentDocumentId()).isNull());
    }

    @Test
    void aRevisedAttachmentIsPublishedAloneEvenWhenItsPageAnswers304() throws IOException {
        String html = NOTICE.formatted("");
        site.etagged("/notice.htm", "\"n1\"", html);
        start(page("notice", site.url("/notice.htm"), "content: \"#content\""));
        harness.crawl("notice");

        docx.set(measures("数据处理者应当在三十日内申报。"));
        CrawlReport second = harness.crawl("notice");

        assertThat(site.requestsTo("/notice.htm")).hasSize(2);
        assertThat(second.published()).isEqualTo(1);
        List<PageSnapshot> snapshots = harness.snapshots();
        assertThat(snapshots).hasSize(4);
        assertThat(snapshots.get(3).documentId()).isEqualTo(id("notice", "/files/fj1.docx"));
        assertThat(snapshots.get(3).title()).isEqualTo("附件1：示例管理办法");
        assertThat(text(snapshots.get(3))).contains("三十日内");
    }

    @Test
    void anAttachmentAddedToAKnownPageIsDiscoveredAndTheLimitsHold() throws IOException {
        AtomicReference<String> extra = new AtomicReference<>("");
        site.on("/notice.htm", ex -> TestSupport.send(ex, 200, "text/html; charset=utf-8", NOTICE.formatted(extra.get())));
        site.on("/files/fj4.docx", ex -> TestSupport.send(ex, 200, "application/vnd.openxmlformats-officedocument"
                + ".wordprocessingml.document", AttachmentFiles.docx("第一条 补充规定。")));
        site.html("/other2.htm", NOTICE.formatted(""));
        site.html("/other3.htm", NOTICE.formatted(""));
        start(page("notice", site.url("/notice.htm"), "content: \"#content\""),
                page("capped", site.url("/other2.htm"), "max-attachments: 1"),
                page("no-attachments", site.url("/other3.htm"), "attachments: false"));
        harness.crawl("notice");

        extra.set("<p><a href=\"/files/fj4.docx\">附件4：补充规定</a></p>");
        harness.crawl("notice");
        CrawlReport capped = harness.crawl("capped");
        CrawlReport off = harness.crawl("no-attachments");

        assertThat(harness.snapshots()).filteredOn(s -> s.documentId().equals(id("notice", "/files/fj4.docx")))
                .singleElement().satisfies(s -> {
                    assertThat(s.origin()).isEqualTo(Origin.DISCOVERED);
                    assertThat(s.title()).isEqualTo("附件4：补充规定");
                });
        assertThat(capped.documents()).isEqualTo(2);
        assertThat(off.documents()).isEqualTo(1);
        assertThat(harness.snapshots()).extracting(PageSnapshot::documentId)
                .filteredOn(d -> d.startsWith("capped.")).containsExactly(id("capped", "/files/fj1.docx"));
        assertThat(harness.snapshots()).extracting(PageSnapshot::documentId).noneMatch(d -> d.startsWith("no-attachments."));
    }

    @Test
    void attachmentsOfListedDocumentsFollowTheAddressRuleAndAHostileOneStopsNothing() throws IOException {
        TestSupport.Site elsewhere = TestSupport.site();
        try (elsewhere) {
            elsewhere.on("/x.docx", ex -> TestSupport.send(ex, 200, "application/octet-stream", measures("别处。")));
            site.html("/list.htm", "<html><body><ul id=\"list\"><li><a href=\"/doc/1.htm\">一</a></li></ul></body></html>");
            site.html("/doc/1.htm", "<html><body><div id=\"content\"><p>第一条 正文。</p>"
                    + "<a href=\"/files/fj1.docx\">附件1：示例管理办法</a>"
                    + "<a href=\"/files/bomb.docx\">附件2：炸弹</a>"
                    + "<a href=\"http://169.254.169.254/latest/meta-data/x.docx\">附件3：元数据</a>"
                    + "<a href=\"" + elsewhere.url("/x.docx").toString().replace("127.0.0.1", "localhost") + "\">附件4：别处</a>"
                    + "</div></body></html>");
            byte[] bomb = zipBomb();
            site.on("/files/bomb.docx", ex -> TestSupport.send(ex, 200, "application/octet-stream", bomb));
            start(index("list", "listing", site.url("/list.htm"), "links: \"#list a[href]\"\ncontent: \"#content\""));

            CrawlReport report = harness.crawl("list");

            String doc = Ids.discoveredDocumentId("list", site.url("/doc/1.htm"));
            assertThat(harness.snapshots()).extracting(PageSnapshot::documentId)
                    .containsExactlyInAnyOrder(doc, Ids.discoveredDocumentId(doc, site.url("/files/fj1.docx")));
            assertThat(harness.snapshots()).filteredOn(s -> s.parentDocumentId() != null).singleElement()
                    .satisfies(s -> assertThat(s.parentDocumentId()).isEqualTo(doc));
            assertThat(elsewhere.requests).as("a private address off the listing's origin is never fetched").isEmpty();
            assertThat(report.documents()).isEqualTo(5);
            assertThat(report.error()).contains("zip bomb");
        }
    }

    /** A .docx whose document.xml inflates to 200 MB of zeros. */
    private static byte[] zipBomb() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes());
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 200; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
