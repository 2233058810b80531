package dev.policywatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policywatch.events.Language;
import dev.policywatch.testing.TemplateText;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every page in Chinese and English: chosen by {@code Accept-Language}, overridden by the switch's
 * cookie; {@code <html lang>}, dates, counts and labels in the reader's language; no English interface
 * string left on a Chinese page (checked against every English text of the bundle); crawled text as it is.
 */
class LanguageTest {

    static WebApp app;
    static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    static final Map<String, String> EN = TemplateText.bundle("i18n/web", Language.EN);
    static final Map<String, String> ZH = TemplateText.bundle("i18n/web", Language.ZH_CN);

    /**
     * Every page and state a reader can reach without an outage (not the hostile change: its crawled
     * text, English words among markup, has no valid language to tell it from the interface).
     */
    static final List<String> PAGES = List.of("/", "/?type=MODIFIED&q=%E4%B8%AA%E4%BA%BA", "/?significance=SUBSTANTIVE",
            "/?source=nothing-matches", "/changes/" + Fixtures.chinese().changeId(), "/changes/" + Fixtures.english().changeId(),
            "/changes/" + Fixtures.penalty().changeId(),
            "/documents/" + Fixtures.ZH_DOC, "/sources", "/subscribe", "/changes/no-such-change", "/?type=REWRITTEN",
            "/documents/no..such", "/documents/cac.draft/versions/v-d",
            "/documents/" + Fixtures.ZH_DOC + "/compare?from=cac.draft%3Av-d&to=" + Fixtures.ZH_DOC + "%3A"
                    + Fixtures.ZH_V2.versionId(), "/documents/" + Fixtures.ZH_DOC + "/compare?to=x");

    @BeforeAll
    static void start() throws IOException {
        app = WebApp.start();
        app.api.serve(Fixtures.penalty());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static HttpResponse<String> get(String path, String acceptLanguage, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.url() + path));
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> post(String path, String form, String acceptLanguage) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(app.url() + path)).header("Accept-Language", acceptLanguage)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static Document html(HttpResponse<String> response) {
        return Jsoup.parse(response.body(), app.url());
    }

    @Test
    void everyPageInChineseHasNoEnglishInterfaceStringLeft() throws Exception {
        for (String path : PAGES) {
            HttpResponse<String> response = get(path, "zh-CN,zh;q=0.9,en;q=0.8", null);
            Document page = html(response);
            assertThat(page.selectFirst("html").attr("lang")).as(path).isEqualTo("zh-CN");
            assertThat(TemplateText.englishLeft(TemplateText.interfaceText(page), EN, ZH)).as(path).isEmpty();
            assertThat(response.headers().allValues("Vary").toString()).as(path).contains("Accept-Language").contains("Cookie");
        }
        for (HttpResponse<String> posted : List.of(
                post("/subscribe", "channel=email&target=a%40example.org&mode=daily", "zh-CN"),
                post("/subscribe", "channel=slack&target=https%3A%2F%2Fhooks.slack.com%2Fservices%2FT0%2FB0%2Fx&mode=immediate", "zh-CN"),
                post("/subscribe", "channel=email&target=+&mode=immediate", "zh-CN"),
                post("/subscribe", "channel=email&target=a%40example.org&mode=daily&changeTypes=REWRITTEN", "zh-CN"))) {
            Document page = html(posted);
            assertThat(page.selectFirst("html").attr("lang")).isEqualTo("zh-CN");
            assertThat(TemplateText.englishLeft(TemplateText.interfaceText(page), EN, ZH)).as(page.title()).isEmpty();
        }
    }

    /**
     * What the crawler and the history say in codes (outcomes, error kinds, lineage reasons) is interface
     * text, however the API also words it in English: on a Chinese page none of those English words may be
     * left, not even in an element marked {@code lang="en"} (which the check above takes for content).
     */
    @Test
    void noEnglishWordOfTheServicesCodesHidesInTextMarkedAsContent() throws Exception {
        Map<String, String> coded = new java.util.HashMap<>();
        EN.forEach((key, text) -> {
            if (key.startsWith("outcome.") || key.startsWith("lineage.") || key.startsWith("health.")) {
                coded.put(key, text);
            }
        });
        // the history's own English prose of a link (what the API's reason field says), piece by piece
        coded.put("prose.title", "same title without draft markers");
        coded.put("prose.align", "provisions align");
        coded.put("prose.admin", "set by an administrator");
        for (String path : List.of("/sources", "/documents/" + Fixtures.ZH_DOC, "/documents/cac.draft")) {
            Document page = html(get(path, "zh-CN", null));
            StringBuilder all = new StringBuilder(page.title()).append('\n').append(page.body().text());
            page.body().select("[title]").forEach(e -> all.append('\n').append(e.attr("title")));
            assertThat(TemplateText.englishLeft(all.toString(), coded, ZH)).as(path).isEmpty();
        }
        Document sources = html(get("/sources", "zh-CN", null));
        org.jsoup.nodes.Element failing = sources.select(".source-card").stream()
                .filter(c -> c.text().contains("EU AI Act")).findFirst().orElseThrow();
        assertThat(failing.selectFirst(".source-error .error-kind").text()).isEqualTo("HTTP 错误");
        // the server's own words stay as they were said, marked as English
        assertThat(failing.selectFirst(".source-error .error-detail").text())
                .isEqualTo("HTTP 503 from eur-lex.europa.eu <script>alert(1)</script>");
        assertThat(failing.select("script")).isEmpty();
        assertThat(failing.selectFirst(".badge").attr("title"))
                .isEqualTo("HTTP 错误 — HTTP 503 from eur-lex.europa.eu <script>alert(1)</script>");
        org.jsoup.nodes.Element heldBack = sources.select(".source-card").stream()
                .filter(c -> c.text().contains("changed shape")).findFirst().orElseThrow();
        assertThat(heldBack.selectFirst(".broken-kind").text()).isEqualTo("内容选择器未匹配到任何内容");
        assertThat(heldBack.selectFirst(".broken-detail").attr("lang")).isEqualTo("en");
        Document document = html(get("/documents/" + Fixtures.ZH_DOC, "zh-CN", null));
        org.jsoup.nodes.Element reason = document.selectFirst(".lineage-reason");
        assertThat(reason.text()).isEqualTo("（去掉草案标记后标题相同；条款对齐 71%）");
        assertThat(reason.hasAttr("lang")).isFalse();
        assertThat(html(get("/documents/" + Fixtures.ZH_DOC, "en", null)).selectFirst(".lineage-reason").text())
                .isEqualTo("(same title without draft markers; provisions align 71 %)");
    }

    @Test
    void theFeedLinkAsksForTheFeedInThePagesLanguage() throws Exception {
        Document zh = html(get("/", "zh-CN", null));
        assertThat(zh.select("footer a[href^=/feeds/changes.atom]").attr("href")).isEqualTo("/feeds/changes.atom?lang=zh-CN");
        assertThat(zh.select("link[rel=alternate][type=application/atom+xml]").attr("href"))
                .isEqualTo("/feeds/changes.atom?lang=zh-CN");
        assertThat(html(get("/sources", "en", null)).select("footer a[href^=/feeds/changes.atom]").attr("href"))
                .isEqualTo("/feeds/changes.atom?lang=en");
    }

    @Test
    void theCheckWouldSeeAnEnglishStringOnAChinesePage() throws Exception {
        Document english = html(get("/", "en", null));
        assertThat(TemplateText.englishLeft(TemplateText.interfaceText(english), EN, ZH))
                .contains("What changed (timeline.heading)", "Search changed text (timeline.q)");
    }

    @Test
    void aChinesePageSaysDatesCountsAndKindsTheChineseWay() throws Exception {
        Document change = html(get("/changes/" + Fixtures.chinese().changeId(), "zh-CN", null));
        assertThat(change.selectFirst(".card-meta time").text()).isEqualTo("发现于 2024年5月14日 11:45 UTC");
        assertThat(change.selectFirst(".card-meta .badge").text()).isEqualTo("已修订");
        assertThat(change.selectFirst(".summary-line").text()).isEqualTo("修改 1 条、新增 1 条、重新编号 1 条 · 21 条未变");
        assertThat(change.select(".provision .badge").eachText()).contains("修改", "新增", "重新编号");
        // crawled text is as it was, marked with its own language
        assertThat(change.selectFirst("h1").text()).isEqualTo("生成式人工智能服务管理暂行办法");
        assertThat(change.selectFirst("h1").attr("lang")).isEqualTo("zh");

        Document penalty = html(get("/changes/" + Fixtures.penalty().changeId(), "zh-CN", null));
        assertThat(penalty.select(".fact-chips .chip").eachText()).containsExactly("罚款 5千–3万 → 1万–10万元");
        assertThat(penalty.selectFirst(".badge-editorial").attr("title")).isEqualTo("文字性修改：标点、异体字");
        assertThat(penalty.selectFirst(".summary-line").text()).contains("实质性 1 条 · 文字性 2 条");

        Document english = html(get("/changes/" + Fixtures.english().changeId(), "zh-CN", null));
        assertThat(english.selectFirst("h1").text()).isEqualTo("Artificial Intelligence Act");
        assertThat(english.selectFirst("h1").attr("lang")).isEqualTo("en");

        Document sources = html(get("/sources", "zh-CN", null));
        assertThat(sources.text()).contains("每 6 小时").contains("2024年5月14日 11:45 UTC").contains("已发布新版本")
                .contains("3 个来源");
        Document document = html(get("/documents/" + Fixtures.ZH_DOC, "zh-CN", null));
        assertThat(document.selectFirst("#versions-heading").text()).isEqualTo("2 个版本");
    }

    @Test
    void englishIsTheDefaultAndDatesReadTheEnglishWay() throws Exception {
        for (String accept : new String[] {null, "fr-FR,de;q=0.9", "*", "en-GB"}) {
            Document page = html(get("/changes/" + Fixtures.chinese().changeId(), accept, null));
            assertThat(page.selectFirst("html").attr("lang")).as(accept).isEqualTo("en");
            assertThat(page.selectFirst(".card-meta time").text()).isEqualTo("Detected 14 May 2024, 11:45 UTC");
        }
        Document page = html(get("/documents/" + Fixtures.ZH_DOC, "en", null));
        assertThat(page.selectFirst("#versions-heading").text()).isEqualTo("2 versions");
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "zh", "zh-TW,en;q=0.5", "fr, zh-Hans;q=0.8, en;q=0.7", "en;q=0.3, zh;q=0.6"})
    void anyChineseRangeThatOutweighsEnglishGetsChinese(String accept) throws Exception {
        assertThat(html(get("/", accept, null)).selectFirst("html").attr("lang")).isEqualTo("zh-CN");
    }

    @Test
    void theSwitchSetsACookieThatOutweighsTheBrowsersLanguageAndComesBack() throws Exception {
        Document page = html(get("/sources", "en", null));
        List<Element> links = page.select(".language-switch a");
        assertThat(links).extracting(Element::text).containsExactly("English", "中文");
        assertThat(links.get(0).attr("aria-current")).isEqualTo("true");
        assertThat(links.get(1).attr("lang")).isEqualTo("zh-CN");
        String href = links.get(1).attr("href");
        assertThat(href).isEqualTo("/language?to=zh-CN&next=%2Fsources");

        HttpResponse<String> switched = get(href, "en", null);
        assertThat(switched.statusCode()).isEqualTo(303);
        assertThat(switched.headers().firstValue("Location")).hasValue("/sources");
        String cookie = switched.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("pw_lang=zh-CN").contains("Path=/").contains("HTTPOnly".equalsIgnoreCase(cookie) ? "" : "")
                .containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax").containsIgnoringCase("Max-Age=");

        // the choice sticks on every page, whatever the browser asks for
        for (String path : List.of("/", "/sources", "/subscribe", "/changes/" + Fixtures.english().changeId())) {
            assertThat(html(get(path, "en-US,en;q=0.9", "pw_lang=zh-CN")).selectFirst("html").attr("lang")).as(path)
                    .isEqualTo("zh-CN");
        }
        assertThat(html(get("/", "zh-CN", "pw_lang=en")).selectFirst("html").attr("lang")).isEqualTo("en");
        // an unknown value in the cookie is ignored
        assertThat(html(get("/", "zh-CN", "pw_lang=xx")).selectFirst("html").attr("lang")).isEqualTo("zh-CN");
    }

    @Test
    void theSwitchKeepsTheQueryAndGoesNowhereButThisServer() throws Exception {
        Document page = html(get("/?type=MODIFIED&q=%E4%B8%AA%E4%BA%BA", "en", null));
        String href = page.selectFirst(".language-switch a[lang=zh-CN]").attr("href");
        HttpResponse<String> switched = get(href, null, null);
        assertThat(switched.headers().firstValue("Location")).hasValue("/?type=MODIFIED&q=%E4%B8%AA%E4%BA%BA");

        for (String next : List.of("https%3A%2F%2Fevil.example%2F", "%2F%2Fevil.example%2F", "%2F%5Cevil.example",
                "javascript%3Aalert(1)", "%2F%0D%0ASet-Cookie%3Ax", "")) {
            HttpResponse<String> r = get("/language?to=zh-CN&next=" + next, null, null);
            assertThat(r.statusCode()).isEqualTo(303);
            assertThat(r.headers().firstValue("Location")).as(next).hasValue("/");
        }
        // an unknown language changes nothing
        HttpResponse<String> unknown = get("/language?to=xx&next=%2Fsources", null, null);
        assertThat(unknown.headers().firstValue("Location")).hasValue("/sources");
        assertThat(unknown.headers().firstValue("Set-Cookie")).isEmpty();
        // a form post's page switches back to the form, not to the post
        Document posted = html(post("/subscribe", "channel=email&target=+&mode=immediate", "en"));
        assertThat(posted.selectFirst(".language-switch a[lang=zh-CN]").attr("href"))
                .isEqualTo("/language?to=zh-CN&next=%2Fsubscribe");
    }
}
