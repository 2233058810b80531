package dev.policywatch.diff.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policywatch.events.ChangeKind;
import dev.policywatch.events.ChangeSummary;
import dev.policywatch.events.ChangeType;
import dev.policywatch.events.DiffOp;
import dev.policywatch.events.DocumentChange;
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

        Document feed = parse(ChangeFeed.render(List.of(change), "https://pw.example", "https://pw.example/feeds/changes.atom"));

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

        Document feed = parse(ChangeFeed.render(List.of(change), "https://pw.example", "https://pw.example/feeds/changes.atom"));

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
    void emptyFeedIsStillAValidFeed() throws Exception {
        Document feed = parse(ChangeFeed.render(List.of(), "https://pw.example", "https://pw.example/feeds/changes.atom"));
        assertThat(feed.getDocumentElement().getNamespaceURI()).isEqualTo(ATOM);
        assertThat(feed.getElementsByTagNameNS(ATOM, "updated").item(0).getTextContent()).isEqualTo("1970-01-01T00:00:00Z");
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
