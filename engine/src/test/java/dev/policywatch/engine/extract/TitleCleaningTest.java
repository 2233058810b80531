package dev.policywatch.engine.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Page titles come out without the site's name, and keep separators that are part of the title. */
class TitleCleaningTest {

    private final Extractor extractor = new Extractor();

    private String title(String html, String contentSelector) {
        ExtractOptions options = new ExtractOptions(contentSelector, List.of());
        return extractor.extract(html.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8", null, options)
                .title();
    }

    @Test
    void aCacStyleTitleBecomesTheContentHeading() {
        String html = """
                <html><head><title>示例市人工智能生成内容标识管理办法_示例市网信办</title></head><body>
                <div class="logo"><img src="/logo.png" alt="示例市网信办"></div>
                <div id="BodyLabel"><h1>示例市人工智能生成内容标识管理办法</h1>
                <p>第一条 为了规范人工智能生成合成内容标识，制定本办法。</p></div></body></html>""";

        assertThat(title(html, "#BodyLabel")).isEqualTo("示例市人工智能生成内容标识管理办法");
    }

    @Test
    void aCacStyleTitleWithoutAHeadingLosesItsSiteName() {
        String html = """
                <html><head><title>关于征求《政务移动互联网应用程序管理要求》意见的通知_中央网络安全和信息化委员会办公室</title></head>
                <body><div class="main-tit">关于征求《政务移动互联网应用程序管理要求》意见的通知</div>
                <div id="BodyLabel"><p>为加强政务移动互联网应用程序管理，现公开征求意见。</p></div></body></html>""";

        assertThat(title(html, "#BodyLabel")).isEqualTo("关于征求《政务移动互联网应用程序管理要求》意见的通知");
    }

    @Test
    void aGovCnTitleLosesBothItsColumnAndItsSiteName() {
        String html = """
                <html><head><meta name="SiteName" content="中国政府网"><meta name="ColumnName" content="国务院文件">
                <title>国务院办公厅关于印发《促进和规范数据跨境流动规定》的通知_国务院文件_中国政府网</title></head>
                <body><div class="article"><div class="share">分享</div>
                <div id="UCAP-CONTENT"><p>各省、自治区、直辖市人民政府，国务院各部委、各直属机构：</p></div></div></body></html>""";

        assertThat(title(html, "#UCAP-CONTENT")).isEqualTo("国务院办公厅关于印发《促进和规范数据跨境流动规定》的通知");
    }

    @Test
    void aGovCnArticleTitleMetaIsPreferred() {
        String html = """
                <html><head><meta name="ArticleTitle" content="全球人工智能治理行动计划">
                <title>全球人工智能治理行动计划_滚动新闻_中国政府网</title></head>
                <body><div id="UCAP-CONTENT"><p>人工智能是人类发展新领域。</p></div></body></html>""";

        assertThat(title(html, "#UCAP-CONTENT")).isEqualTo("全球人工智能治理行动计划");
    }

    @Test
    void anEnglishTitleLosesItsPipeSuffixButNotToTheSiteNameHeading() {
        // the page's first h1 is the site's logo: "Example Agency" is in the title but is not its subject
        String html = """
                <html><head><title>Example Agency AI Risk Profile | Example Agency</title></head><body>
                <div class="masthead"><h1>Example Agency</h1></div>
                <main><h2>Overview</h2><p>This profile helps organisations manage AI risks.</p></main></body></html>""";

        assertThat(title(html, "main")).isEqualTo("Example Agency AI Risk Profile");
    }

    @Test
    void aDashThatBelongsToTheTitleIsKept() {
        String plain = """
                <html><head><title>NIST AI 100-1 - Artificial Intelligence Risk Management Framework (AI RMF 1.0)</title>
                </head><body><main><p>The AI RMF is intended for voluntary use.</p></main></body></html>""";
        String withSite = plain.replace("(AI RMF 1.0)</title>", "(AI RMF 1.0) | NIST</title>");
        String withHeading = """
                <html><head><title>Executive Order 14179 - Removing Barriers to American Leadership | The White House</title>
                </head><body><main><h1>Executive Order 14179 - Removing Barriers to American Leadership</h1>
                <p>By the authority vested in me as President…</p></main></body></html>""";

        assertThat(title(plain, "main"))
                .isEqualTo("NIST AI 100-1 - Artificial Intelligence Risk Management Framework (AI RMF 1.0)");
        assertThat(title(withSite, "main"))
                .isEqualTo("NIST AI 100-1 - Artificial Intelligence Risk Management Framework (AI RMF 1.0)");
        assertThat(title(withHeading, "main"))
                .isEqualTo("Executive Order 14179 - Removing Barriers to American Leadership");
    }

    @Test
    void aDashedSuffixIsDroppedOnlyWhenThePageNamesItAsItsSite() {
        String html = """
                <html><head><meta property="og:site_name" content="The White House">
                <title>America's AI Action Plan – The White House</title></head>
                <body><main><p>Winning the AI race.</p></main></body></html>""";

        assertThat(title(html, "main")).isEqualTo("America's AI Action Plan");
    }

    @Test
    void anEmDashPairSuffixIsDropped() {
        String html = """
                <html><head><title>生成式人工智能服务管理暂行办法——中国网信网</title></head>
                <body><div id="BodyLabel"><p>第一条 为了促进生成式人工智能健康发展，制定本办法。</p></div></body></html>""";

        assertThat(title(html, "#BodyLabel")).isEqualTo("生成式人工智能服务管理暂行办法");
    }

    @Test
    void aTitleIsKeptWholeWhenWhatWouldRemainIsTooShort() {
        String html = """
                <html><head><title>Home | Example Agency</title></head>
                <body><main><p>Welcome.</p></main></body></html>""";

        assertThat(title(html, "main")).isEqualTo("Home | Example Agency");
    }

    @Test
    void aTitleWithoutSeparatorOrHeadingIsUnchanged() {
        String html = """
                <html><head><title>市场监管总局关于公开征求《网络交易小程序平台合规指引（征求意见稿）》意见的公告</title></head>
                <body><div class="article"><h1>公告</h1><p>为规范网络交易小程序平台经营行为，现公开征求意见。</p></div></body></html>""";

        assertThat(title(html, ".article"))
                .isEqualTo("市场监管总局关于公开征求《网络交易小程序平台合规指引（征求意见稿）》意见的公告");
    }
}
