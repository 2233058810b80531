package dev.policywatch.engine.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.policywatch.engine.Engine;
import dev.policywatch.engine.extract.ExtractOptions;
import dev.policywatch.engine.extract.ExtractedDocument;
import dev.policywatch.events.ChangeType;
import dev.policywatch.events.ProvisionChange;
import java.nio.charset.Charset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A regulation as Chinese government sites publish it: gb2312 HTML, the whole text inside a layout
 * table (so every paragraph is a table cell), 第X条 in bold with full-width spaces, chapter
 * headings as centred bold paragraphs, and a real table inside the text whose cells cite
 * articles. Our own page, written in that layout.
 */
class GovernmentPageTest {

    private final Engine engine = new Engine();

    private static String page(String... paragraphs) {
        StringBuilder body = new StringBuilder();
        for (String p : paragraphs) {
            body.append(p.startsWith("<p") || p.startsWith("<table") ? p : "<p>　　" + p + "</p>").append('\n');
        }
        return "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
                + "<title>示例管理条例_中国政府网</title></head><body>"
                + "<table width=\"100%\"><tr><td>首页 | 政策 | 解读</td></tr><tr><td class=\"content\">\n"
                + "<p align=\"center\"><strong>示例管理条例</strong></p>\n"
                + body
                + "</td></tr></table></body></html>";
    }

    private ExtractedDocument extract(String html) {
        byte[] bytes = html.getBytes(Charset.forName("GB2312"));
        return engine.extract(bytes, "text/html", "http://www.gov.cn/zhengce/content/example.htm", ExtractOptions.NONE);
    }

    private static final String[] V1 = {
        "<p align=\"center\"><strong>第一章　总　则</strong></p>",
        "<strong>第一条</strong>　为了规范示例管理，制定本条例。",
        "<strong>第二条</strong>　本条例适用于示例活动。",
        "<p align=\"center\"><strong>第二章　管　理</strong></p>",
        "<strong>第三条</strong>　主管部门负责示例管理工作。",
        "第二条规定的示例活动，应当依法登记。",
        "<table border=\"1\"><tr><td>序号</td><td>事项</td></tr><tr><td>第十条</td><td>登记</td></tr>"
                + "<tr><td>第二条</td><td>备案</td></tr><tr><td>第四条</td><td>公告</td></tr></table>",
        "<strong>第四条</strong>　违反本条例第三条规定的，由主管部门责令改正。",
        "<strong>第五条</strong>　本条例自公布之日起施行。"};

    @Test
    void articlesInsideALayoutTableAreFoundAndCitationsInItsTablesAreNot() {
        Segmentation s = engine.segment(extract(page(V1)).blocks());

        assertThat(s.scheme()).isEqualTo(Segmentation.Scheme.CHINESE_ARTICLES);
        assertThat(s.provisions()).extracting(Provision::label).containsExactly("第一条", "第二条", "第三条", "第四条", "第五条");
        assertThat(s.provisions().get(2).path()).containsExactly("第二章", "第三条");
        assertThat(s.provisions().get(2).text()).contains("第二条规定的示例活动", "第十条");
    }

    @Test
    void anInsertedArticleOnTheNewPageRenumbersTheRest() {
        String[] v2 = List.of(
                "<p align=\"center\"><strong>第一章　总　则</strong></p>",
                "<strong>第一条</strong>　为了规范示例管理，制定本条例。",
                "<strong>第二条</strong>　本条例适用于示例活动。",
                "<strong>第三条</strong>　示例活动应当遵循公开、公平的原则。",
                "<p align=\"center\"><strong>第二章　管　理</strong></p>",
                "<strong>第四条</strong>　主管部门负责示例管理工作。",
                "第二条规定的示例活动，应当依法登记。",
                "<table border=\"1\"><tr><td>序号</td><td>事项</td></tr><tr><td>第十条</td><td>登记</td></tr>"
                        + "<tr><td>第二条</td><td>备案</td></tr><tr><td>第四条</td><td>公告</td></tr></table>",
                "<strong>第五条</strong>　违反本条例第四条规定的，由主管部门责令改正，并处一万元以下罚款。",
                "<strong>第六条</strong>　本条例自公布之日起施行。").toArray(String[]::new);

        List<ProvisionChange> changes = engine.compare(extract(page(V1)), extract(page(v2))).changes();

        assertThat(changes).extracting(ProvisionChange::type, ProvisionChange::oldLabel, ProvisionChange::newLabel)
                .containsExactly(
                        tuple(ChangeType.ADDED, null, "第三条"),
                        tuple(ChangeType.RENUMBERED, "第三条", "第四条"),
                        tuple(ChangeType.MODIFIED, "第四条", "第五条"),
                        tuple(ChangeType.RENUMBERED, "第五条", "第六条"));
    }
}
