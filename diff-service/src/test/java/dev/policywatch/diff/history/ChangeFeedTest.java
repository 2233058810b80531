package dev.policywatch.diff.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policywatch.events.ChangeKind;
import dev.policywatch.events.ChangeSummary;
import dev.policywatch.events.ChangeType;
import dev.policywatch.events.DiffOp;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.Language;
import dev.policywatch.events.ProvisionChange;
import dev.policywatch.events.VersionRef;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The Atom rendering alone: hostile text still gives well-formed XML; an empty feed is valid too. */
class ChangeFeedTest {

    private static final String ATOM = "http://www.w3.org/2005/Atom";

    @Test
    void markupAndControlCharactersInTitlesStillGiveWellFormedXml() throws Exception {
        ProvisionChange modified = new ProvisionChange(ChangeType.MODIFIED, "§ 1 <a>", "§ 1 <a>", null, null, "old & \u0007",
                "new ]]> text", 0.5, null);
        DocumentChange change = new DocumentChange(1, "c-1", "doc", "src", "Source & Co", "https://x.example/?a=1&b=2",
                "Rules <draft> \u0001 & more", "Pub", "EU", "en", ChangeKind.UPDATED,
                new VersionRef("v-1", Instant.parse("2026-01-01T00:00:00Z"), "sha256:a"),
                new VersionRef("v-2", Instant.parse("2026-01-02T00:00:00Z"), "sha256:b"),
                Instant.parse("2026-01-02T00:01:00Z"), List.of(modified), List.of(), new ChangeSummary(0, 0, 1, 0, 3));

        Document feed = parse(ChangeFeed.render(List.of(change), "https://pw.example", "https://pw.example/feeds/changes.atom", Language.EN));

        assertThat(feed.getElementsByTagNameNS(ATOM, "entry").getLength()).isEqualTo(1);
        assertThat(feed.getElementsByTagNameNS(ATOM, "title").item(1).getTextContent())
                .isEqualTo("Rules <draft>  & more: 1 modified");
        assertThat(feed.getElementsByTagNameNS(ATOM, "summary").item(0).getTextContent()).contains("MODIFIED § 1 <a>");
    }

    @Test
    void eachEntryCarriesTheChangedProvisionsAndTheirDiffsAsEscapedHtml() throws Exception {
        ProvisionChange hostile = new ProvisionChange(ChangeType.MODIFIED, "第十条<img src=x onerror=alert(1)>", "第十条",
                null, null, "提供者应当标识", "提供者应当<script>alert('x')</script>显著标识", 0.8,
                List.of(DiffOp.equal("提供者应当"), DiffOp.insert("<script>alert('x')</script>显著"), DiffOp.equal("标识")));
        ProvisionChange renumbered = new ProvisionChange(ChangeType.RENUMBERED, "第十一条", "第十二条", null, null,
                "UNCHANGED TEXT", "UNCHANGED TEXT", 1.0, null);
        DocumentChange change = new DocumentChange(1, "c-2", "doc", "src", "Source \"&\" Co", "https://x.example/",
                "办法", "Pub", "CN", "zh", ChangeKind.UPDATED,
                new VersionRef("v-1", Instant.parse("2026-01-01T00:00:00Z"), "sha256:a"),
                new VersionRef("v-2", Instant.parse("2026-01-02T00:00:00Z"), "sha256:b"),
                Instant.parse("2026-01-02T00:01:00Z"), List.of(hostile, renumbered), List.of(), new ChangeSummary(0, 0, 1, 1, 3));

        Document feed = parse(ChangeFeed.render(List.of(change), "https://pw.example", "https://pw.example/feeds/changes.atom", Language.EN));

        org.w3c.dom.Element content = (org.w3c.dom.Element) feed.getElementsByTagNameNS(ATOM, "content").item(0);
        assertThat(content.getAttribute("type")).isEqualTo("html");
        String html = content.getTextContent();
        // what a feed reader renders: our tags only, the page's markup as text
        org.jsoup.nodes.Document shown = org.jsoup.Jsoup.parseBodyFragment(html);
        assertThat(shown.select("script, img")).isEmpty();
        assertThat(shown.select("ins").text()).isEqualTo("<script>alert('x')</script>显著");
        assertThat(shown.select("li strong").first().text()).isEqualTo("第十条<img src=x onerror=alert(1)> → 第十条");
        assertThat(shown.text()).contains("1 renumbered (text unchanged): 第十一条 → 第十二条").doesNotContain("UNCHANGED TEXT")
                .contains("Source \"&\" Co (CN)");
        assertThat(shown.select("a").attr("href")).isEqualTo("https://pw.example/changes/c-2");
    }

    @Test
    void aChineseFeedSaysOurWordsInChineseAndKeepsThePagesMarkupInert() throws Exception {
        ProvisionChange hostile = new ProvisionChange(ChangeType.MODIFIED, "第十条", "第十条", null, null, "提供者应当标识",
                "提供者应当<@all>[link](http://evil)显著标识", 0.8,
                List.of(DiffOp.equal("提供者应当"), DiffOp.insert("<@all>[link](http://evil)<b>显著</b>"), DiffOp.equal("标识")));
        ProvisionChange added = new ProvisionChange(ChangeType.ADDED, null, null, null, null, null, "新增的一段", 0, null);
        ProvisionChange renumbered = new ProvisionChange(ChangeType.RENUMBERED, "第十一条", "第十二条", null, null,
                "同", "同", 1.0, null);
        DocumentChange change = new DocumentChange(1, "c-3", "doc", "src", "网信办 <i>", "https://x.example/",
                "办法", "Pub", "CN", "zh", ChangeKind.UPDATED,
                new VersionRef("v-1", Instant.parse("2026-01-01T00:00:00Z"), "sha256:a"),
                new VersionRef("v-2", Instant.parse("2026-01-02T00:00:00Z"), "sha256:b"),
                Instant.parse("2026-01-02T00:01:00Z"), List.of(hostile, added, renumbered), List.of(),
                new ChangeSummary(1, 0, 1, 1, 3));

        Document feed = parse(ChangeFeed.render(List.of(change), "https://pw.example",
                "https://pw.example/feeds/changes.atom?lang=zh-CN", Language.ZH_CN));

        assertThat(feed.getDocumentElement().getAttributeNS(javax.xml.XMLConstants.XML_NS_URI, "lang")).isEqualTo("zh-CN");
        assertThat(feed.getElementsByTagNameNS(ATOM, "title").item(0).getTextContent()).isEqualTo("policywatch：变更");
        assertThat(feed.getElementsByTagNameNS(ATOM, "title").item(1).getTextContent())
                .isEqualTo("办法：修改 1 条，新增 1 条，重新编号 1 条");
        assertThat(feed.getElementsByTagNameNS(ATOM, "summary").item(0).getTextContent())
                .isEqualTo("网信办 <i>（CN）\n修改 第十条\n新增 （无编号）\n重新编号 第十一条 → 第十二条");
        org.jsoup.nodes.Document shown = org.jsoup.Jsoup.parseBodyFragment(
                feed.getElementsByTagNameNS(ATOM, "content").item(0).getTextContent());
        assertThat(shown.select("b, i, a[href^=http://evil]")).isEmpty();
        assertThat(shown.select("ins").first().text()).isEqualTo("<@all>[link](http://evil)<b>显著</b>");
        assertThat(shown.select("li").get(0).text()).startsWith("第十条（修改）");
        assertThat(shown.select("li").get(1).text()).startsWith("（无编号）（新增）");
        assertThat(shown.text()).contains("重新编号 1 条（文字未变）：第十一条 → 第十二条", "查看完整变更")
                .doesNotContain("renumbered", "modified", "The whole change");
    }

    @Test
    void emptyFeedIsStillAValidFeed() throws Exception {
        Document feed = parse(ChangeFeed.render(List.of(), "https://pw.example", "https://pw.example/feeds/changes.atom", Language.EN));
        assertThat(feed.getDocumentElement().getNamespaceURI()).isEqualTo(ATOM);
        assertThat(feed.getElementsByTagNameNS(ATOM, "updated").item(0).getTextContent()).isEqualTo("1970-01-01T00:00:00Z");
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
