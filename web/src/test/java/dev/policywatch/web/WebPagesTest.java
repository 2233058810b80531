package dev.policywatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policywatch.events.DocumentChange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every page rendered against a real local server answering the API with fixtures; asserted at the HTML level. */
class WebPagesTest {

    static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    static WebApp app;
    static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws IOException {
        app = WebApp.start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @BeforeEach
    void healthyApi() {
        app.api.failing.set(false);
        app.api.received.clear();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(app.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> postForm(String path, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(app.url() + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static Document html(HttpResponse<String> response) {
        return Jsoup.parse(response.body(), app.url());
    }

    @Test
    void timelineListsChangesNewestFirstLinkingEachChangeAndDocument() throws Exception {
        HttpResponse<String> response = get("/");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        Document page = html(response);
        List<String> titles = page.select(".timeline .card-title a").eachText();
        assertThat(titles).hasSize(3);
        assertThat(titles.get(0)).isEqualTo("生成式人工智能服务管理暂行办法");
        assertThat(titles.get(1)).isEqualTo("Artificial Intelligence Act");
        Element first = page.selectFirst(".timeline .change-card");
        assertThat(first.selectFirst(".card-title a").attr("href")).isEqualTo("/changes/" + Fixtures.chinese().changeId());
        assertThat(first.selectFirst(".card-title a").attr("lang")).isEqualTo("zh");
        assertThat(first.select(".labels li").eachText()).containsExactly("第十条", "第十一条", "第十一条 → 第十二条");
        assertThat(first.select(".card-links a").eachAttr("href")).contains("/documents/" + Fixtures.ZH_DOC);
        assertThat(first.selectFirst(".card-summary").text()).isEqualTo("1 modified, 1 added, 1 renumbered; 1 heading change");
    }

    @Test
    void timelinePassesEveryFilterToTheApiAsQueryParameters() throws Exception {
        HttpResponse<String> response = get("/?source=cac-genai-measures&jurisdiction=CN&kind=updated&type=MODIFIED&q=%E4%B8%AA%E4%BA%BA");
        assertThat(response.statusCode()).isEqualTo(200);
        FixtureApi.Received asked = app.api.to("/api/changes").get(0);
        assertThat(asked.query()).containsEntry("source", "cac-genai-measures").containsEntry("jurisdiction", "CN")
                .containsEntry("kind", "UPDATED").containsEntry("type", "MODIFIED").containsEntry("q", "个人")
                .containsKey("limit").doesNotContainKey("cursor");
        Document page = html(response);
        assertThat(page.selectFirst("select#source option[selected]").val()).isEqualTo("cac-genai-measures");
        assertThat(page.selectFirst("select#type option[selected]").val()).isEqualTo("MODIFIED");
        assertThat(page.selectFirst("input#q").val()).isEqualTo("个人");
        assertThat(page.select(".timeline .change-card")).hasSize(1);
        // the words found, in their place in what changed
        Element match = page.selectFirst(".change-card .card-match");
        assertThat(match).isNotNull();
        assertThat(match.selectFirst("mark").text()).isEqualTo("个人");
        assertThat(match.selectFirst(".match-label").text()).isEqualTo("第十条:");
        assertThat(match.text()).contains("涉及个人信息的");
    }

    @Test
    void timelineLinksTheNextPageWithTheApiCursorAndTheSameFilters() throws Exception {
        Document first = html(get("/?type=MODIFIED"));
        Element next = first.selectFirst(".pager a[rel=next]");
        assertThat(next).isNotNull();
        assertThat(next.attr("href")).isEqualTo("/?type=MODIFIED&cursor=page-2");
        app.api.received.clear();

        Document second = html(get(next.attr("href")));
        assertThat(app.api.to("/api/changes").get(0).query()).containsEntry("cursor", "page-2").containsEntry("type", "MODIFIED");
        assertThat(second.select(".timeline .card-title a").eachText()).containsExactly("NIST releases a profile");
        assertThat(second.selectFirst(".pager a[rel=next]")).isNull();
        assertThat(second.selectFirst(".pager a[rel=first]").attr("href")).isEqualTo("/?type=MODIFIED");
    }

    @Test
    void anUnknownChangeTypeFilterIsA400PageNamingTheField() throws Exception {
        HttpResponse<String> response = get("/?type=REWRITTEN");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(html(response).selectFirst("h1").text()).isEqualTo("That request is not valid");
        assertThat(html(response).selectFirst(".lead").text()).contains("not one of its choices");
        assertThat(app.api.to("/api/changes")).isEmpty();
    }

    @Test
    void changePageShowsEachProvisionSideBySideAndInlineWithInsertionsAndDeletionsMarked() throws Exception {
        DocumentChange change = Fixtures.chinese();
        HttpResponse<String> response = get("/changes/" + change.changeId());
        assertThat(response.statusCode()).isEqualTo(200);
        Document page = html(response);
        assertThat(page.selectFirst("h1").text()).isEqualTo("生成式人工智能服务管理暂行办法");
        assertThat(page.selectFirst("h1").attr("lang")).isEqualTo("zh");
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en");

        Element modified = page.selectFirst("#provisions-heading ~ article.provision");
        assertThat(modified.selectFirst(".provision-label").text()).isEqualTo("第十条");
        assertThat(modified.selectFirst(".provision-label").attr("lang")).isEqualTo("zh");
        assertThat(modified.select(".side-old del").eachText()).containsExactly("。");
        assertThat(modified.select(".side-old ins")).isEmpty();
        assertThat(modified.select(".side-new ins").eachText()).containsExactly("；涉及个人信息的，应当取得个人同意。");
        assertThat(modified.select(".side-new del")).isEmpty();
        assertThat(modified.select(".diff-inline del").eachText()).containsExactly("。");
        assertThat(modified.select(".diff-inline ins").eachText()).containsExactly("；涉及个人信息的，应当取得个人同意。");
        assertThat(modified.selectFirst(".diff-inline .diff-text").text())
                .isEqualTo("提供者应当依法开展预训练、优化训练等训练数据处理活动，使用具有合法来源的数据和基础模型。；涉及个人信息的，应当取得个人同意。");
        assertThat(modified.select(".diff-text").eachAttr("lang")).containsOnly("zh");
        assertThat(modified.text()).contains("第三章").contains("82% similar");

        List<Element> provisions = page.select("#provisions-heading ~ article.provision");
        assertThat(provisions).hasSize(3);
        Element added = provisions.get(1);
        assertThat(added.selectFirst(".badge").text()).isEqualTo("Added");
        assertThat(added.selectFirst(".side-old").text()).contains("Not in the previous version");
        assertThat(added.select(".side-old del")).isEmpty();
        assertThat(added.select(".side-new ins").eachText()).containsExactly("提供者应当对生成的图片、视频等内容进行标识。");

        Element renumbered = provisions.get(2);
        assertThat(renumbered.selectFirst(".provision-label").text()).isEqualTo("第十一条 → 第十二条");
        assertThat(renumbered.selectFirst(".renumbered-note").text()).contains("第十一条").contains("第十二条")
                .contains("text unchanged");
        assertThat(renumbered.select("ins, del")).isEmpty();

        Element structure = page.selectFirst("section.structure");
        assertThat(structure.selectFirst("h2").text()).isEqualTo("Title, preamble and headings");
        assertThat(structure.select(".side-new ins").eachText()).containsExactly("与标识");
        assertThat(page.selectFirst(".summary-line").text()).isEqualTo("1 modified, 1 added, 1 renumbered · 21 unchanged");
    }

    @Test
    void aChangeSaysWhatItMeansEditorialBadgeFactChipsNotesAndTheReferenceThatChanged() throws Exception {
        DocumentChange change = Fixtures.penalty();
        app.api.serve(change);
        try {
            Document page = html(get("/changes/" + change.changeId()));
            assertThat(page.selectFirst(".headline").text()).startsWith("第四十二条 → 第四十三条：罚款 5千–3万元 → 1万–10万元");
            assertThat(page.selectFirst(".summary-line").text()).contains("1 substantive · 2 editorial");
            List<Element> provisions = page.select("#provisions-heading ~ article.provision");
            Element books = provisions.get(0);
            assertThat(books.select(".badge-editorial").eachText()).containsExactly("editorial");
            assertThat(books.selectFirst(".badge-editorial").attr("title")).contains("punctuation, variant characters");
            assertThat(books.selectFirst(".provision-note").text()).isEqualTo("仅标点、用字修改");
            Element fine = provisions.get(1);
            assertThat(fine.select(".badge-editorial")).isEmpty();
            // the chip is in the reader's language (the engine's note, like the text, in the document's)
            assertThat(fine.select(".fact-chips .chip").eachText())
                    .containsExactly("fine CNY 5,000–CNY 30,000 → CNY 10,000–CNY 100,000");
            assertThat(fine.selectFirst(".provision-note").text()).startsWith("罚款 5千–3万元 → 1万–10万元");
            // the renumbered article shows its reference changing, not the whole text struck out and re-inserted
            Element reference = provisions.get(2);
            assertThat(reference.select(".badge-editorial")).hasSize(1);
            assertThat(reference.select(".diff-inline del").eachText()).containsExactly("七");
            assertThat(reference.select(".diff-inline ins").eachText()).containsExactly("八");
            assertThat(reference.selectFirst(".diff-inline .diff-text").text()).isEqualTo("有本法第七八条所列行为的，依法处理。");
        } finally {
            app.api.withdraw(change.changeId());
        }
    }

    @Test
    void theTimelineFiltersOnSignificanceAndFactsAndMarksEditorialOnlyChanges() throws Exception {
        DocumentChange change = Fixtures.penalty();
        app.api.serve(change);
        try {
            Document page = html(get("/?significance=substantive&fact=FINE"));
            List<FixtureApi.Received> asked = app.api.to("/api/changes");
            assertThat(asked.get(asked.size() - 1).query()).containsEntry("significance", "SUBSTANTIVE")
                    .containsEntry("fact", "FINE");
            assertThat(page.selectFirst("#significance option[selected]").attr("value")).isEqualTo("SUBSTANTIVE");
            assertThat(page.selectFirst("#fact option[selected]").attr("value")).isEqualTo("FINE");
            List<Element> cards = page.select(".timeline .change-card");
            assertThat(cards).hasSize(1);
            assertThat(cards.get(0).select(".fact-chips .chip").eachText())
                    .containsExactly("fine CNY 5,000–CNY 30,000 → CNY 10,000–CNY 100,000");
            assertThat(cards.get(0).selectFirst(".card-note").text()).contains("罚款 5千–3万元 → 1万–10万元");
            assertThat(get("/?significance=MINOR").statusCode()).isEqualTo(400);
            assertThat(get("/?fact=TAX").statusCode()).isEqualTo(400);
        } finally {
            app.api.withdraw(change.changeId());
        }
    }

    @Test
    void crawledMarkupIsShownAsTextNeverAsElements() throws Exception {
        DocumentChange hostile = Fixtures.hostile();
        HttpResponse<String> response = get("/changes/" + hostile.changeId());
        assertThat(response.statusCode()).isEqualTo(200);
        Document page = html(response);
        assertThat(page.select("script")).isEmpty();
        assertThat(page.select("img")).isEmpty();
        assertThat(page.select("[onerror]")).isEmpty();
        assertThat(page.selectFirst("h1").text()).isEqualTo("Title " + Fixtures.SCRIPT + Fixtures.IMG);
        assertThat(page.select(".side-new ins").eachText()).contains(Fixtures.SCRIPT + " " + Fixtures.IMG);
        assertThat(page.select(".provision-label").eachText()).contains("Section 1" + Fixtures.IMG);
        assertThat(response.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>")
                .doesNotContain("<img");
        // a javascript: address is shown as text, never linked; a bad language tag is left out
        assertThat(page.select("a[href^=javascript]")).isEmpty();
        assertThat(page.selectFirst(".facts .url").text()).isEqualTo("javascript:alert(1)");
        assertThat(page.select("main [lang]").eachAttr("lang")).isEmpty();

        Document timeline = html(get("/"));
        assertThat(timeline.select("script, img")).isEmpty();
        assertThat(timeline.select(".card-title a").eachText()).contains("Title " + Fixtures.SCRIPT + Fixtures.IMG);
        Document sources = html(get("/sources"));
        assertThat(sources.select("script, img")).isEmpty();
        assertThat(sources.select("a[href^=javascript]")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/?type=MODIFIED", "/changes/c-unknown", "/documents/" + Fixtures.ZH_DOC, "/sources",
            "/subscribe", "/web/policywatch.css", "/?type=bogus", "/changes/..%2f..%2fetc%2fpasswd"})
    void everyPageAndAssetCarriesTheStrictContentSecurityPolicy(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue(CSP);
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
    }

    @Test
    void pagesUseNoInlineStyleOrScriptSoThePolicyHolds() throws Exception {
        for (String path : List.of("/", "/changes/" + Fixtures.chinese().changeId(), "/documents/" + Fixtures.ZH_DOC,
                "/sources", "/subscribe")) {
            Document page = html(get(path));
            assertThat(page.select("script, style, [style]")).as(path).isEmpty();
            assertThat(page.select("link[rel=stylesheet]").eachAttr("href")).as(path).containsExactly("/web/policywatch.css");
        }
    }

    @Test
    void theStylesheetIsServedFromThisServer() throws Exception {
        HttpResponse<String> css = get("/web/policywatch.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
        assertThat(css.body()).contains("ins {").contains("del {").contains(":lang(zh)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/changes/../../etc/passwd", "/changes/..%2f..%2fetc%2fpasswd", "/changes/%2e%2e%2fsecret",
            "/documents/%2E%2E/%2E%2E/etc/passwd", "/documents/a%5c..%5cb", "/web/../../../etc/passwd",
            "/web/%2e%2e/application-web.yml", "/changes/c-1%252e%252e", "/documents/..", "/changes/.."})
    void traversalInAPagePathIsA404(String rawPath) throws Exception {
        // A raw socket, so that no client normalises the path before it is sent.
        try (Socket socket = new Socket("127.0.0.1", app.server.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + rawPath + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 404");
            assertThat(answer).doesNotContain("root:").doesNotContain("policywatch:\n");
        }
        assertThat(app.api.received).isEmpty();
    }

    @Test
    void anUnknownChangeIsA404Page() throws Exception {
        HttpResponse<String> response = get("/changes/c-doesnotexist");
        assertThat(response.statusCode()).isEqualTo(404);
        Document page = html(response);
        assertThat(page.selectFirst("h1").text()).isEqualTo("Not found");
        assertThat(page.selectFirst(".lead").text()).contains("No such change");
        assertThat(html(get("/documents/no-such-document")).selectFirst("h1").text()).isEqualTo("Not found");
        assertThat(get("/documents/no-such-document").statusCode()).isEqualTo(404);
    }

    @Test
    void aFailingApiGivesA502PageWithoutAStackTrace() throws Exception {
        app.api.failing.set(true);
        for (String path : List.of("/", "/changes/" + Fixtures.chinese().changeId(), "/sources")) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(502);
            Document page = html(response);
            assertThat(page.selectFirst("h1").text()).isEqualTo("Temporarily unavailable");
            assertThat(response.body()).doesNotContain("Secret.java").doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void anUnreachableApiGivesA502Page() throws Exception {
        try (WebApp down = WebApp.start(java.util.Map.of("policywatch.web.history-url", "http://127.0.0.1:9"))) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(down.url() + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(Jsoup.parse(response.body()).selectFirst(".lead").text()).contains("history service");
        }
    }

    @Test
    void documentPageListsVersionsNewestFirstEachLinkingTheChangeThatIntroducedIt() throws Exception {
        HttpResponse<String> response = get("/documents/" + Fixtures.ZH_DOC);
        assertThat(response.statusCode()).isEqualTo(200);
        Document page = html(response);
        assertThat(page.selectFirst("h1").text()).isEqualTo("生成式人工智能服务管理暂行办法");
        assertThat(page.selectFirst("h1").attr("lang")).isEqualTo("zh");
        List<Element> rows = page.select("table.versions tbody tr");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).selectFirst("a").attr("href")).isEqualTo("/changes/" + Fixtures.chinese().changeId());
        assertThat(rows.get(0).selectFirst("a").text()).isEqualTo("1 modified, 1 added, 1 renumbered");
        assertThat(rows.get(0).text()).contains("14 May 2024, 11:45 UTC").contains("Latest");
        assertThat(rows.get(1).selectFirst("a").text()).isEqualTo("First version recorded");
        assertThat(rows.get(1).selectFirst("a").attr("href"))
                .isEqualTo("/changes/" + dev.policywatch.events.Ids.changeId(Fixtures.ZH_DOC, null, Fixtures.ZH_V1.versionId()));
        // the lineage both ways: the draft it replaces and the text that replaces it
        Element lineage = page.selectFirst("section.lineage");
        assertThat(lineage).isNotNull();
        List<Element> lines = lineage.select(".facts > div");
        assertThat(lines.get(0).text()).startsWith("Replaces 生成式人工智能服务管理办法（征求意见稿）<script>x</script> of 11 Apr 2023");
        assertThat(lines.get(0).select("a").eachAttr("href")).containsExactly("/documents/cac.draft", "/changes/c-final-first");
        assertThat(lineage.select("script")).isEmpty();
        assertThat(lines.get(1).text()).startsWith("Replaced by 生成式人工智能服务管理办法 of 2 Jan 2025");
        assertThat(lines.get(1).select("a").eachAttr("href")).containsExactly("/documents/cac.next", "/changes/c-next-first");
    }

    @Test
    void sourcesPageShowsLastFetchStatusNextFetchLastErrorAndBrokenFlag() throws Exception {
        HttpResponse<String> response = get("/sources");
        assertThat(response.statusCode()).isEqualTo(200);
        Document page = html(response);
        List<Element> cards = page.select(".source-card");
        assertThat(cards).hasSize(3);
        Element eu = cards.stream().filter(c -> c.text().contains("EU AI Act")).findFirst().orElseThrow();
        assertThat(eu.selectFirst(".badge").text()).isEqualTo("Failing");
        assertThat(eu.text()).contains("HTTP 503").contains("14 May 2024, 10:05 UTC").contains("Fetching now")
                .contains("HTTP 503 from eur-lex.europa.eu <script>alert(1)</script>");
        Element broken = cards.stream().filter(c -> c.text().contains("changed shape")).findFirst().orElseThrow();
        assertThat(broken.selectFirst(".badge").text()).isEqualTo("Broken");
        assertThat(broken.text()).contains("the content selector matched nothing");
        Element ok = cards.stream().filter(c -> c.text().contains("cac-genai-measures")).findFirst().orElseThrow();
        assertThat(ok.selectFirst(".badge").text()).isEqualTo("OK");
        assertThat(ok.text()).contains("14 May 2024, 11:45 UTC").contains("HTTP 200").contains("14 May 2024, 17:45 UTC");
        assertThat(ok.selectFirst(".card-links a").attr("href")).isEqualTo("/?source=cac-genai-measures");
        // #15: intervals and outcomes for people, one vocabulary, the last error in full on the badge too
        assertThat(ok.text()).contains("every 6 h").contains("new version published").doesNotContain("PT6H");
        assertThat(eu.text()).contains("every 1 day").contains("HTTP error");
        assertThat(eu.selectFirst(".badge").attr("title"))
                .isEqualTo("HTTP error — HTTP 503 from eur-lex.europa.eu <script>alert(1)</script>");
        // the kind of the error from the crawler's code, in the reader's words; the server's words as they were said
        assertThat(eu.selectFirst(".source-error .error-kind").text()).isEqualTo("HTTP error");
        assertThat(eu.selectFirst(".source-error .error-detail").attr("lang")).isEqualTo("en");
        assertThat(eu.select(".source-error script")).isEmpty();
        assertThat(broken.text()).contains("held back: the page looks broken").doesNotContain("held-back");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"PT30S,30 s", "PT6H,6 h", "PT1H30M,1 h 30 min", "P1D,1 day", "P2DT3H,2 days 3 h",
            "PT0.5S,500 ms", "weekly,weekly"})
    void intervalsReadAsPeopleSayThem(String iso, String shown) {
        assertThat(new dev.policywatch.web.page.PageText(new dev.policywatch.support.LanguageBundle("i18n/web"),
                dev.policywatch.events.Language.EN, "/").duration(iso)).isEqualTo(shown);
    }

    @Test
    void subscribeFormHasALabelForEveryInput() throws Exception {
        Document page = html(get("/subscribe"));
        for (Element input : page.select("form.subscribe input, form.subscribe textarea, form.subscribe select")) {
            boolean labelled = input.parent().tagName().equals("label")
                    || !page.select("label[for=" + input.id() + "]").isEmpty();
            assertThat(labelled).as("label for " + input).isTrue();
        }
        assertThat(page.select("input[name=sources][type=checkbox]").eachAttr("value"))
                .containsExactly("eu-ai-act", "evil-listing", "cac-genai-measures");
    }

    @Test
    void subscribingByEmailPostsToTheNotifierAndAsksToConfirm() throws Exception {
        HttpResponse<String> response = postForm("/subscribe", "channel=email&target=ana%40example.org"
                + "&sources=cac-genai-measures&sources=eu-ai-act&jurisdictions=CN%2C+EU&keywords=%E4%B8%AA%E4%BA%BA%E4%BF%A1%E6%81%AF%0Aprofiling"
                + "&changeTypes=MODIFIED&changeTypes=ADDED&mode=daily");
        assertThat(response.statusCode()).isEqualTo(200);
        Document page = html(response);
        assertThat(page.selectFirst("h1").text()).isEqualTo("Check your inbox to confirm");
        assertThat(response.body()).doesNotContain("mt-secret-456").doesNotContain("ana@example.org");
        FixtureApi.Received sent = app.api.to("/api/subscriptions").get(0);
        assertThat(dev.policywatch.events.EventJson.mapper().readTree(sent.body()))
                .isEqualTo(dev.policywatch.events.EventJson.mapper().readTree("""
                        {"channel": "email", "target": "ana@example.org",
                         "filters": {"sources": ["cac-genai-measures", "eu-ai-act"], "jurisdictions": ["CN", "EU"],
                                     "keywords": ["个人信息", "profiling"], "changeTypes": ["MODIFIED", "ADDED"]},
                         "mode": "daily", "locale": "en"}"""));
        assertThat(sent.forwardedFor()).isEqualTo("127.0.0.1");
    }

    @Test
    void anAlreadySubscribedAddressGetsTheSameAnswerAsANewOne() throws Exception {
        String fresh = postForm("/subscribe", "channel=email&target=new%40example.org&mode=immediate").body();
        String taken = postForm("/subscribe", "channel=email&target=taken%40example.org&mode=immediate").body();
        assertThat(Jsoup.parse(taken).selectFirst("main").outerHtml()).isEqualTo(Jsoup.parse(fresh).selectFirst("main").outerHtml());
    }

    @Test
    void aSlackSubscriptionShowsItsManageTokenOnce() throws Exception {
        HttpResponse<String> response = postForm("/subscribe",
                "channel=slack&target=https%3A%2F%2Fhooks.slack.com%2Fservices%2FT0%2FB0%2Fx&mode=immediate");
        assertThat(response.statusCode()).isEqualTo(200);
        Document page = html(response);
        assertThat(page.selectFirst("h1").text()).isEqualTo("Subscribed");
        assertThat(page.select(".token-box code").eachText()).containsExactly("s-123", "mt-secret-456");
    }

    @Test
    void theNotifiersProblemDetailIsShownWithTheFormFilledIn() throws Exception {
        HttpResponse<String> response = postForm("/subscribe",
                "channel=email&target=not-an-address&keywords=AI&changeTypes=REMOVED&mode=daily");
        assertThat(response.statusCode()).isEqualTo(400);
        Document page = html(response);
        assertThat(page.selectFirst(".alert-error").text())
                .contains("That is not an email address alerts can be sent to.");
        assertThat(page.selectFirst("input#target").val()).isEqualTo("not-an-address");
        assertThat(page.selectFirst("textarea#keywords").text()).isEqualTo("AI");
        assertThat(page.selectFirst("input[name=changeTypes][value=REMOVED]").hasAttr("checked")).isTrue();
        assertThat(page.selectFirst("input[name=mode][value=daily]").hasAttr("checked")).isTrue();
    }

    @Test
    void anEmptyTargetIsRejectedBeforeTheNotifierIsAsked() throws Exception {
        HttpResponse<String> response = postForm("/subscribe", "channel=email&target=+&mode=immediate");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(html(response).selectFirst(".alert-error").text()).contains("Enter the email address");
        assertThat(app.api.to("/api/subscriptions")).isEmpty();
    }
}
