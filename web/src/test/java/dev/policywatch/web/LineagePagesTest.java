package dev.policywatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policywatch.events.ChangeKind;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.Predecessor;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The document page's lineage tools against the fixture history server: the compare form listing every
 * version of the document, its predecessor and successors; the comparison across documents; one version's
 * text; the change page of a new document linked to a draft.
 */
class LineagePagesTest {

    static WebApp app;
    static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    static final String FINAL = Fixtures.ZH_DOC + ":" + Fixtures.ZH_V2.versionId();
    static final String DRAFT = FixtureApi.DRAFT_DOC + ":v-d";

    @BeforeAll
    static void start() throws Exception {
        app = WebApp.start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @BeforeEach
    void clear() {
        app.api.received.clear();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(app.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void compareFormListsEveryVersionOfTheLineageNewestFirstWithTheDraftToTheFinalChosen() throws Exception {
        Document page = Jsoup.parse(get("/documents/" + Fixtures.ZH_DOC).body());
        Element form = page.selectFirst("section.compare form");
        assertThat(form).isNotNull();
        assertThat(form.attr("method")).isEqualTo("get");
        assertThat(form.attr("action")).isEqualTo("/documents/" + Fixtures.ZH_DOC + "/compare");
        for (String name : List.of("from", "to")) {
            Element select = form.selectFirst("select[name=" + name + "]");
            assertThat(page.select("label[for=" + select.id() + "]")).hasSize(1);
            // the two versions of this document and the draft's one; the successor cac.next is unknown to the history
            assertThat(select.select("option").eachAttr("value")).containsExactly(FINAL,
                    Fixtures.ZH_DOC + ":" + Fixtures.ZH_V1.versionId(), DRAFT);
        }
        assertThat(form.selectFirst("select[name=from] option[selected]").val()).isEqualTo(DRAFT);
        assertThat(form.selectFirst("select[name=to] option[selected]").val()).isEqualTo(FINAL);
        List<String> texts = form.selectFirst("select[name=from]").select("option").eachText();
        assertThat(texts.get(0)).isEqualTo("生成式人工智能服务管理暂行办法 — 14 May 2024, 11:45 UTC (this document)");
        // the draft's title with its markup, as text; its status: removed
        assertThat(texts.get(2)).isEqualTo("生成式人工智能服务管理办法（征求意见稿）<script>x</script> — 11 Apr 2023, 03:00 UTC"
                + " (earlier text, no longer online)");
        assertThat(form.select("script")).isEmpty();
        // the linked documents were asked for, the unknown successor too
        assertThat(app.api.to("/api/documents/cac.draft/versions")).hasSize(1);
        assertThat(app.api.to("/api/documents/cac.next")).hasSize(1);
        // every version links to its text
        assertThat(page.select("table.versions a.version-text").eachAttr("href")).containsExactly(
                "/documents/" + Fixtures.ZH_DOC + "/versions/" + Fixtures.ZH_V2.versionId(),
                "/documents/" + Fixtures.ZH_DOC + "/versions/" + Fixtures.ZH_V1.versionId());
    }

    @Test
    void comparingTheDraftWithTheFinalAsksTheHistoryAcrossDocumentsAndRendersTheProvisionDiff() throws Exception {
        HttpResponse<String> response = get("/documents/" + Fixtures.ZH_DOC + "/compare?from=" + q(DRAFT) + "&to=" + q(FINAL));
        assertThat(response.statusCode()).isEqualTo(200);
        FixtureApi.Received asked = app.api.to("/api/documents/" + Fixtures.ZH_DOC + "/diff").get(0);
        assertThat(asked.query()).containsEntry("fromDocument", "cac.draft").containsEntry("from", "v-d")
                .containsEntry("to", Fixtures.ZH_V2.versionId());
        Document page = Jsoup.parse(response.body());
        assertThat(page.selectFirst("h1").text()).isEqualTo("Compare two versions");
        Element from = page.selectFirst(".compare-from");
        assertThat(from.text()).contains("生成式人工智能服务管理办法（征求意见稿）<script>x</script>").contains("11 Apr 2023, 03:00 UTC");
        assertThat(from.select("a").eachAttr("href")).containsExactly("/documents/cac.draft",
                "/documents/cac.draft/versions/v-d");
        assertThat(page.selectFirst(".compare-to").text()).contains("14 May 2024, 11:45 UTC");
        assertThat(page.selectFirst(".summary-line").text()).startsWith("1 modified, 1 added, 1 renumbered");
        // the change page's own diff rendering: one article per provision change, inline ins/del
        List<Element> provisions = page.select("section[aria-labelledby=provisions-heading] article.provision");
        assertThat(provisions).hasSize(3);
        assertThat(page.select("section.structure article.provision .provision-label").eachText()).containsExactly("第三章");
        assertThat(provisions.get(0).selectFirst(".provision-label").text()).isEqualTo("第十条");
        assertThat(provisions.get(0).select(".diff-inline ins").text()).isEqualTo("；涉及个人信息的，应当取得个人同意。");
        assertThat(provisions.get(0).select(".diff-inline del").text()).isEqualTo("。");
        assertThat(page.select("script")).isEmpty();
        assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow()).startsWith("default-src 'none'");
    }

    @Test
    void aComparisonWithoutTwoVersionsIsABadRequestAndAnUnknownOneNotFound() throws Exception {
        assertThat(get("/documents/" + Fixtures.ZH_DOC + "/compare?to=" + q(FINAL)).statusCode()).isEqualTo(400);
        assertThat(get("/documents/" + Fixtures.ZH_DOC + "/compare?from=v-d&to=" + q(FINAL)).statusCode()).isEqualTo(400);
        assertThat(get("/documents/" + Fixtures.ZH_DOC + "/compare?from=" + q("a:b/../c") + "&to=" + q(FINAL))
                .statusCode()).isEqualTo(400);
        assertThat(app.api.to("/api/documents/" + Fixtures.ZH_DOC + "/diff")).isEmpty();
        // the history answers 404 for a diff towards a document it does not know
        assertThat(get("/documents/" + Fixtures.ZH_DOC + "/compare?from=" + q(FINAL) + "&to=" + q("nope:v-1"))
                .statusCode()).isEqualTo(404);
    }

    @Test
    void aVersionsTextShowsItsHeadingsAndEveryProvisionWithItsLabelAsText() throws Exception {
        HttpResponse<String> response = get("/documents/cac.draft/versions/v-d");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(app.api.to("/api/documents/cac.draft/versions/v-d")).hasSize(1);
        Document page = Jsoup.parse(response.body());
        assertThat(page.selectFirst("h1").text()).isEqualTo("生成式人工智能服务管理暂行办法");
        assertThat(page.selectFirst(".facts").text()).contains("11 Apr 2023, 03:00 UTC").contains("v-d");
        assertThat(page.selectFirst(".facts a").attr("href")).isEqualTo("/changes/c-v-d");
        Element text = page.selectFirst("section.version-text");
        assertThat(text.children().eachText()).containsExactly("为了促进生成式人工智能健康发展，制定本办法。", "第一章 总则",
                "第一条 本办法适用于生成式人工智能服务。", "第二条 Repealed 提供者不得生成 " + Fixtures.SCRIPT + " 等内容。");
        assertThat(text.select(".provision-label").eachAttr("lang")).containsOnly("zh");
        assertThat(text.select("script")).isEmpty();
        assertThat(page.selectFirst(".summary-line").text()).isEqualTo("2 provisions");
        assertThat(get("/documents/cac.draft/versions/v..d").statusCode()).isEqualTo(404);
    }

    @Test
    void aNewDocumentLinkedToItsDraftShowsTheDiffWithoutTheNewlyPublishedNote() throws Exception {
        DocumentChange c = Fixtures.chinese();
        Instant at = Instant.parse("2023-07-13T00:00:00Z");
        DocumentChange linked = new DocumentChange(1, "c-final-first", c.documentId(), c.sourceId(), c.sourceName(),
                c.url(), c.title(), c.publisher(), c.jurisdiction(), c.language(), ChangeKind.NEW_DOCUMENT, null,
                c.toVersion(), at, c.changes(), c.structureChanges(), c.summary(),
                new Predecessor("cac.draft", "v-d", 0.71, "same title without draft markers; provisions align 71 %", "草案", null, at,
                        null, null, null), null);
        DocumentChange plain = new DocumentChange(1, "c-plain-new", c.documentId(), c.sourceId(), c.sourceName(),
                c.url(), c.title(), c.publisher(), c.jurisdiction(), c.language(), ChangeKind.NEW_DOCUMENT, null,
                c.toVersion(), at, List.of(), List.of(), c.summary());
        app.api.serve(linked);
        app.api.serve(plain);
        try {
            Document page = Jsoup.parse(get("/changes/c-final-first").body());
            assertThat(page.select("p.note")).isEmpty();
            assertThat(page.select("article.provision")).isNotEmpty();
            assertThat(Jsoup.parse(get("/changes/c-plain-new").body()).selectFirst("p.note").text())
                    .startsWith("A newly published document.");
        } finally {
            app.api.withdraw(linked.changeId());
            app.api.withdraw(plain.changeId());
        }
    }
}
