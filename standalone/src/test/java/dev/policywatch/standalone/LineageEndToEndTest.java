package dev.policywatch.standalone;

import static dev.policywatch.standalone.EndToEnd.WAIT;
import static dev.policywatch.standalone.EndToEnd.alertEmails;
import static dev.policywatch.standalone.EndToEnd.subject;
import static dev.policywatch.standalone.EndToEnd.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Draft → final on the whole system (docs/lineage.md), on two local listing sites. Chinese: a draft
 * for comment and a notice; later the final text at a new URL (changed title, rewritten articles) and
 * a second notice with a near-identical boilerplate title. English: two proposed rules; later the final
 * rule at a new Federal Register URL, linked by its RIN though its title changed, and a different rule
 * whose title is the first one's without "Proposed Rule". Each final's change is NEW_DOCUMENT with the
 * draft as predecessor and the provision diff from it; Slack (a real local receiver) and email
 * (GreenMail) lead with "Final text published" and name the draft; the others link to nothing. An
 * administrator then clears and sets the English link: each correction is a new change in the history
 * and in the alerts, and the one it supersedes stays, marked. Last, the draft's own page loses its
 * marker with the same articles: an UPDATED change whose title is in structureChanges, with the headline.
 */
class LineageEndToEndTest {

    private static final String SOURCE = "test-cac-policies";
    private static final String FR = "test-fr-rules";

    @TempDir
    Path dir;

    @RegisterExtension
    final EndToEnd.Parts parts = new EndToEnd.Parts();
    private FixtureServers.Pages site;
    private FixtureServers.WebhookReceiver slack;
    private GreenMail smtp;
    private EndToEnd.Api api;

    static String page(String title, String... paragraphs) {
        return sitePage("测试网信办", title, paragraphs);
    }

    /** A page of {@code site}: its title in {@code <h1>} outside the content selector, paragraphs inside. */
    static String sitePage(String site, String title, String... paragraphs) {
        StringBuilder body = new StringBuilder("<html><head><title>").append(title).append(" - ").append(site)
                .append("</title></head><body><div class=\"nav\">").append(site).append("</div><h1>").append(title)
                .append("</h1><div id=\"content\">");
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
    void startParts() {
        site = parts.add(new FixtureServers.Pages());
        slack = parts.add(new FixtureServers.WebhookReceiver());
        smtp = parts.smtp();
        Path sources = EndToEnd.sourcesFile(dir,
                EndToEnd.source(SOURCE, "测试网信办政策文件", "测试省网信办", site.url("/list.html"),
                        "kind: listing", "links: \"ul.docs a\""),
                EndToEnd.sourceIn("US", FR, "Test Federal Register", "Test Financial Protection Bureau",
                        site.url("/fr/list.html"), "kind: listing", "links: \"ul.docs a\""));
        api = parts.start(EndToEnd.withSmtp(EndToEnd.options(dir, sources, slack.origin()), smtp));
    }

    @Test
    void theFinalTextAtANewUrlIsComparedWithItsDraftAndAlertedAsSuch() throws Exception {
        // 1. the listing's first crawl: the draft and a notice are baselines
        String[] draftArticles = {"第一条 为了规范数据处理活动，保障数据安全，促进数据开发利用，制定本办法。",
                "第二条 在本省行政区域内开展数据处理活动及其安全监管，适用本办法。",
                "第三条 数据处理者应当建立健全全流程数据安全管理制度，组织开展数据安全教育培训。",
                "第四条 重要数据的处理者应当明确数据安全负责人和管理机构，落实数据安全保护责任。",
                "第五条 违反本办法规定的，由网信部门依照有关法律、行政法规的规定处理。"};
        site.put("/draft.html", page("测试数据安全管理办法（征求意见稿）", draftArticles));
        site.put("/notice-1.html", page("关于开展2025年网络安全检查工作的通知",
                "各有关单位：为做好网络安全保障工作，现就开展网络安全检查有关事项通知如下。",
                "一、检查范围为本地区关键信息基础设施运营者。",
                "二、请于6月30日前报送自查报告。"));
        site.put("/list.html", listing("/draft.html", "/notice-1.html"));
        api.crawl(SOURCE);
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(api.get("/api/changes?kind=BASELINE").path("items")).hasSize(2));

        // 2. subscribe by email (confirmed) and by Slack
        subscribe();

        // 3. the final text at a new URL (title without the marker, articles rewritten, one added) and a second notice
        site.put("/final.html", page("测试数据安全管理办法",
                "第一条 为了规范数据处理活动，保障数据安全，促进数据开发利用，保护个人、组织的合法权益，制定本办法。",
                "第二条 在本省行政区域内开展数据处理活动及其安全监管，适用本办法。",
                "第三条 数据处理者应当建立健全全流程数据安全管理制度，组织开展数据安全教育培训，采取相应的技术措施。",
                "第四条 重要数据的处理者应当明确数据安全负责人和管理机构，落实数据安全保护责任。",
                "第五条 数据处理者应当每年开展一次数据安全风险评估。",
                "第六条 违反本办法规定的，由网信部门依照有关法律、行政法规的规定处理。"));
        site.put("/notice-2.html", page("关于开展2025年数据安全检查工作的通知",
                "各有关单位：为做好数据安全保障工作，现就开展数据安全检查有关事项通知如下。",
                "一、检查范围为本地区重要数据处理者。",
                "二、请于9月30日前报送自查报告。"));
        site.put("/list.html", listing("/final.html", "/notice-2.html", "/draft.html", "/notice-1.html"));
        api.crawl(SOURCE);
        await().atMost(WAIT).until(() -> api.get("/api/changes?kind=NEW_DOCUMENT").path("items").size() == 2);

        JsonNode draft = null;
        JsonNode fin = null;
        JsonNode notice = null;
        for (JsonNode c : api.get("/api/changes?kind=BASELINE,NEW_DOCUMENT").path("items")) {
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
        assertThat(api.get("/api/documents/" + draft.path("documentId").asText()).path("successors").get(0)
                .path("documentId").asText()).isEqualTo(fin.path("documentId").asText());

        // 4. email and Slack lead with "Final text published" and name the draft; the notice is a plain new document
        await().atMost(WAIT).until(() -> alertEmails(smtp).size() == 2 && slack.bodies().size() == 2);
        MimeMessage finalMail = alertEmails(smtp).stream().filter(m -> subject(m).contains("测试数据安全管理办法")).findFirst()
                .orElseThrow();
        assertThat(subject(finalMail)).startsWith("[policywatch] Final text published: 《测试数据安全管理办法》 — compared "
                + "with the draft of ").endsWith(": 2 modified, 1 added, 1 renumbered");
        assertThat(text(finalMail)).contains("Compared with: 《测试数据安全管理办法（征求意见稿）》", "第三条");
        String finalSlack = slack.bodies().stream().filter(b -> b.contains("Final text published")).findFirst().orElseThrow();
        assertThat(finalSlack).contains("测试数据安全管理办法（征求意见稿）");
        assertThat(alertEmails(smtp).stream().map(EndToEnd::subject).filter(s -> s.contains("数据安全检查")))
                .singleElement().satisfies(s -> assertThat(s).doesNotContain("Final text").contains("new document"));

        // 5. on the draft's own URL the title loses its marker (the <h1> is outside the content selector, the
        //    articles are the same): an UPDATED change with the title in structureChanges and the headline
        site.put("/draft.html", page("测试数据安全管理办法", draftArticles));
        api.crawl(SOURCE);
        await().atMost(WAIT).until(() -> api.get("/api/changes?kind=UPDATED").path("items").size() == 1);
        JsonNode titled = api.get("/api/changes?kind=UPDATED").path("items").get(0);
        assertThat(titled.path("documentId").asText()).isEqualTo(draft.path("documentId").asText());
        assertThat(titled.path("changes")).isEmpty();
        assertThat(titled.path("structureChanges")).singleElement().satisfies(t -> {
            assertThat(t.path("newLabel").asText()).isEqualTo("title");
            assertThat(t.path("oldText").asText()).isEqualTo("测试数据安全管理办法（征求意见稿）");
            assertThat(t.path("newText").asText()).isEqualTo("测试数据安全管理办法");
        });
        assertThat(titled.path("summary").path("headline").asText()).isEqualTo("草案成为正式文本（原为征求意见稿）");
        await().atMost(WAIT).until(() -> alertEmails(smtp).size() == 3);
        assertThat(alertEmails(smtp).stream().map(EndToEnd::subject).filter(s -> s.contains("became final")))
                .containsExactly("[policywatch] Final text published: 《测试数据安全管理办法》 — the draft (征求意见稿) "
                        + "became final: no provision changes");
    }

    @Test
    void theFinalRuleIsLinkedToItsProposedRuleByItsRinAndAnAdministratorCorrectsTheLink() throws Exception {
        // 1. two proposed rules of one agency, with near-identical boilerplate and their own RINs
        site.put("/fr/p1.html", rule("Fees for Payment Accounts; Proposed Rule", "Proposed rule.",
                "RIN 3170-AA40",
                "Section 1. Scope. This part applies to covered payment accounts offered to consumers.",
                "Section 2. Monthly fees. A covered institution shall not charge a monthly fee above $5.",
                "Section 3. Disclosures. Fees shall be disclosed before an account is opened.",
                "Section 4. Effective date. This part takes effect one year after publication."));
        site.put("/fr/p2.html", rule("Fees for Prepaid Accounts; Proposed Rule", "Proposed rule.",
                "RIN 3170-AA51",
                "Section 1. Scope. This part applies to prepaid accounts sold in retail stores.",
                "Section 2. Reload fees. A covered issuer shall not charge a reload fee above $2.",
                "Section 3. Disclosures. Fees shall be listed on the package."));
        site.put("/fr/list.html", listing("/fr/p1.html", "/fr/p2.html"));
        api.crawl(FR);
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(api.get("/api/changes?kind=BASELINE&source=" + FR).path("items")).hasSize(2));
        subscribe();

        // 2. the final rule at a new document number (another title, sections rewritten, one added), and a
        //    different rule whose title is the first proposal's without its marker
        site.put("/fr/f1.html", rule("Fees for Payment Accounts (Regulation P)", "Final rule.",
                "RIN 3170-AA40",
                "Section 1. Scope. This part applies to covered payment accounts offered to consumers.",
                "Section 2. Monthly fees. A covered institution shall not charge a monthly fee above $3.",
                "Section 3. Disclosures. Fees shall be disclosed in writing before an account is opened.",
                "Section 4. Fee waivers. A covered institution shall waive the monthly fee for accounts of minors.",
                "Section 5. Effective date. This part takes effect one year after publication."));
        site.put("/fr/f2.html", rule("Fees for Payment Accounts", "Final rule.",
                "RIN 3170-AB12",
                "Section 1. Scope. This part applies to overdraft services of very large institutions.",
                "Section 2. Overdraft fees. An overdraft fee shall not exceed the cost of the service.",
                "Section 3. Disclosures. Fees shall be disclosed before an account is opened."));
        site.put("/fr/list.html", listing("/fr/f1.html", "/fr/f2.html", "/fr/p1.html", "/fr/p2.html"));
        api.crawl(FR);
        await().atMost(WAIT).until(() -> api.get("/api/changes?kind=NEW_DOCUMENT&source=" + FR).path("items").size() == 2);

        Map<String, JsonNode> byPage = new ConcurrentHashMap<>();
        api.get("/api/changes?kind=BASELINE,NEW_DOCUMENT&source=" + FR).path("items").forEach(c ->
                byPage.put(c.path("url").asText().replaceAll(".*/", ""), c));
        JsonNode p1 = byPage.get("p1.html");
        JsonNode f1 = byPage.get("f1.html");
        assertThat(f1.path("predecessor").path("documentId").asText()).isEqualTo(p1.path("documentId").asText());
        assertThat(f1.path("predecessor").path("reason").asText()).contains("RIN 3170-AA40");
        assertThat(f1.path("summary").path("modified").asInt()).isEqualTo(2);
        assertThat(f1.path("summary").path("added").asInt()).isEqualTo(1);
        assertThat(f1.path("summary").path("renumbered").asInt()).isEqualTo(1); // Section 4 → Section 5
        assertThat(f1.path("statusChange").path("headline").asText()).startsWith("draft became final");
        assertThat(byPage.get("f2.html").path("predecessor").isNull()
                || byPage.get("f2.html").path("predecessor").isMissingNode()).isTrue();
        assertThat(api.get("/api/documents/" + byPage.get("p2.html").path("documentId").asText()).path("successors")).isEmpty();

        await().atMost(WAIT).until(() -> alertEmails(smtp).size() == 2 && slack.bodies().size() == 2);
        assertThat(alertEmails(smtp).stream().map(EndToEnd::subject).filter(s -> s.contains("Regulation P")))
                .singleElement().satisfies(s -> assertThat(s).startsWith("[policywatch] Final text published: “Fees for "
                        + "Payment Accounts (Regulation P)” — compared with the draft of ")
                        .endsWith(": 2 modified, 1 added, 1 renumbered"));
        assertThat(slack.bodies()).filteredOn(b -> b.contains("Final text published"))
                .singleElement().satisfies(b -> assertThat(b).contains("Fees for Payment Accounts; Proposed Rule"));

        // 3. an administrator clears the link: a new change, alerted; the linked one stays, superseded
        String f1Id = f1.path("documentId").asText();
        JsonNode cleared = api.admin("DELETE", "/api/documents/" + f1Id + "/predecessor", "{\"note\":\"checking\"}", 202);
        await().atMost(WAIT).until(() -> api.get("/api/documents/" + f1Id).path("predecessor").isNull());
        assertThat(api.get("/api/changes/" + f1.path("changeId").asText()).path("supersededBy").asText())
                .isEqualTo(cleared.path("change").path("changeId").asText());
        await().atMost(WAIT).until(() -> alertEmails(smtp).size() == 3 && slack.bodies().size() == 3);
        assertThat(alertEmails(smtp).stream().map(EndToEnd::subject).filter(s -> s.contains("Link removed")))
                .singleElement().satisfies(s -> assertThat(s).contains("(was linked to " + p1.path("documentId").asText()));

        // 4. and sets it again: the provision diff from the proposed rule is computed again
        api.admin("PUT", "/api/documents/" + f1Id + "/predecessor",
                "{\"documentId\":\"" + p1.path("documentId").asText() + "\",\"note\":\"same RIN\"}", 202);
        await().atMost(WAIT).until(() -> api.get("/api/documents/" + f1Id).path("predecessor").path("documentId").asText()
                .equals(p1.path("documentId").asText()));
        JsonNode relinked = api.get("/api/changes/" + api.get("/api/documents/" + f1Id).path("predecessor").path("changeId").asText());
        assertThat(relinked.path("summary").path("modified").asInt()).isEqualTo(2);
        assertThat(relinked.path("correction").path("supersedes").asText())
                .isEqualTo(cleared.path("change").path("changeId").asText());
        await().atMost(WAIT).until(() -> alertEmails(smtp).size() == 4 && slack.bodies().size() == 4);
        assertThat(alertEmails(smtp).stream().map(EndToEnd::subject)
                .filter(s -> s.endsWith("(link corrected by an administrator)"))).singleElement()
                .satisfies(s -> assertThat(s).startsWith("[policywatch] Final text published: “Fees for Payment Accounts"));
    }

    private static String rule(String title, String action, String identifiers, String... sections) {
        List<String> paragraphs = new ArrayList<>(List.of("AGENCY: Test Financial Protection Bureau.", "ACTION: " + action,
                identifiers, "SUMMARY: The Bureau issues this rule under the Act."));
        paragraphs.addAll(List.of(sections));
        return sitePage("Federal Register", title, paragraphs.toArray(String[]::new));
    }

    /** Subscribes analyst@test.example (confirmed through the emailed link) and the Slack receiver to every change. */
    private void subscribe() throws Exception {
        api.post("/api/subscriptions", """
                {"channel":"email","target":"analyst@test.example","filters":{},"mode":"immediate"}""", 201);
        await().atMost(WAIT).until(() -> smtp.getReceivedMessages().length == 1);
        assertThat(api.fetch(EndToEnd.confirmationLink(smtp.getReceivedMessages()[0])).statusCode()).isEqualTo(200);
        api.subscribeSlack(slack.url(), "{}");
    }
}
