package dev.policywatch.engine.extract;

import static dev.policywatch.engine.extract.OfficeFiles.lines;
import static dev.policywatch.engine.extract.OfficeFiles.ofd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.policywatch.engine.Engine;
import dev.policywatch.engine.segment.Provision;
import dev.policywatch.engine.segment.Segmentation;
import dev.policywatch.events.Block;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class OfdExtractorTest {

    private final Extractor extractor = new Extractor();
    private final Engine engine = new Engine();

    /** 附件2 of a notice as an OFD: two pages, a page number at the foot of each. */
    static byte[] notice(String article3, boolean perCharacter) {
        List<OfficeFiles.Line> page1 = new ArrayList<>(lines(
                "附件2：示例个人信息保护合规审计办法",
                "第一章 总则",
                "第一条 为了规范个人信息保护合规审计活动，制定本办法。",
                "第二条 个人信息处理者应当定期开展合规审计。"));
        page1.add(new OfficeFiles.Line(100, 280, 3, "- 1 -"));
        List<OfficeFiles.Line> page2 = new ArrayList<>(lines(
                "第二章 附则",
                article3));
        page2.add(new OfficeFiles.Line(100, 280, 3, "- 2 -"));
        return ofd("示例个人信息保护合规审计办法", List.of(page1, page2), perCharacter);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void textObjectsInReadingOrderByPositionWithoutTemplatesOrPageNumbers(boolean perCharacter) {
        ExtractedDocument doc = extractor.extract(notice("第三条 本办法自2025年5月1日起施行。", perCharacter), null, null, ExtractOptions.NONE);

        assertThat(doc.contentType()).isEqualTo("application/ofd");
        assertThat(doc.title()).isEqualTo("示例个人信息保护合规审计办法");
        assertThat(doc.language()).isEqualTo("zh");
        assertThat(doc.blocks()).extracting(Block::text).containsExactly(
                "附件2：示例个人信息保护合规审计办法",
                "第一章 总则",
                "第一条 为了规范个人信息保护合规审计活动，制定本办法。",
                "第二条 个人信息处理者应当定期开展合规审计。",
                "第二章 附则",
                "第三条 本办法自2025年5月1日起施行。");
    }

    @Test
    void articlesAreTheProvisionsAndARevisionIsOneChange() {
        byte[] v1 = notice("第三条 本办法自2025年5月1日起施行。", false);
        byte[] v2 = notice("第三条 本办法自2025年10月1日起施行。", true);

        Segmentation s = engine.segment(extractor.extract(v1, null, null, ExtractOptions.NONE).blocks());
        var result = engine.compare(extractor.extract(v1, null, null, ExtractOptions.NONE),
                extractor.extract(v2, null, null, ExtractOptions.NONE));

        assertThat(s.provisions()).extracting(Provision::label).containsExactly("第一条", "第二条", "第三条");
        assertThat(s.provisions().get(2).path()).containsExactly("第二章", "第三条");
        assertThat(result.changes()).singleElement().satisfies(c -> assertThat(c.newLabel()).isEqualTo("第三条"));
    }

    @Test
    void latinWordsOnOneLineKeepTheirSpaces() {
        byte[] bytes = ofd(null, List.of(List.of(
                new OfficeFiles.Line(25, 40, 4, "Article"),
                new OfficeFiles.Line(42, 40, 4, "1"),
                new OfficeFiles.Line(47, 40, 4, "Scope"))), false);

        assertThat(extractor.extract(bytes, null, null, ExtractOptions.NONE).blocks())
                .extracting(Block::text).containsExactly("Article 1 Scope");
    }

    @Test
    void chosenByContentWhateverTheName() {
        byte[] bytes = notice("第三条 施行。", false);

        assertThat(Extractor.formatOf(bytes, "application/octet-stream", "附件2.zip")).isEqualTo(Extractor.Format.OFD);
        assertThat(Extractor.formatOf(bytes, null, "附件2.doc")).isEqualTo(Extractor.Format.OFD);
    }

    @Test
    void zipBombIsRefused() {
        byte[] bomb = OfficeFiles.withZeroEntry(notice("第三条 施行。", false), "Doc_0/Res/image_1.png", 400L << 20);
        // the page itself is the bomb: 400 MB of zeros as its Content.xml
        byte[] page = OfficeFiles.withZeroEntry(OfficeFiles.zip(withoutPage0(OfficeFiles.entries(notice("x", false)))),
                "Doc_0/Pages/Page_0/Content.xml", 400L << 20);

        // an unreferenced bomb is never inflated: the document reads
        assertThat(extractor.extract(bomb, null, null, ExtractOptions.NONE).blocks()).isNotEmpty();
        assertThatThrownBy(() -> assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> extractor.extract(page, null, "附件2.ofd", ExtractOptions.NONE)))
                .isInstanceOf(ExtractionException.class)
                .hasMessageContaining("zip bomb");
    }

    private static java.util.Map<String, byte[]> withoutPage0(java.util.Map<String, byte[]> entries) {
        entries.remove("Doc_0/Pages/Page_0/Content.xml");
        return entries;
    }

    @Test
    void entityExpansionIsRefused() {
        byte[] bytes = OfficeFiles.replaceEntry(notice("x", false), "Doc_0/Pages/Page_0/Content.xml",
                OfficeFiles.billionLaughs("ofd:Page"));

        assertThatThrownBy(() -> assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> extractor.extract(bytes, null, null, ExtractOptions.NONE)))
                .isInstanceOf(ExtractionException.class)
                .hasMessageContaining("DTD");
    }

    @Test
    void externalEntitiesAreNeverFetched() {
        byte[] xxe = ("<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<ofd:Page xmlns:ofd=\"" + OfficeFiles.OFD_NS + "\"><ofd:Content><ofd:Layer><ofd:TextObject Boundary=\"0 0 100 10\" Size=\"4\">"
                + "<ofd:TextCode X=\"0\" Y=\"4\">&x;</ofd:TextCode></ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>")
                .getBytes(StandardCharsets.UTF_8);
        byte[] bytes = OfficeFiles.replaceEntry(notice("x", false), "Doc_0/Pages/Page_0/Content.xml", xxe);

        assertThatThrownBy(() -> extractor.extract(bytes, null, null, ExtractOptions.NONE))
                .isInstanceOf(ExtractionException.class)
                .hasMessageContaining("DTD")
                .hasMessageNotContaining("root:");
    }

    @Test
    void deeplyNestedXmlIsRefused() {
        byte[] xml = OfficeFiles.deeplyNested("<ofd:Page xmlns:ofd=\"" + OfficeFiles.OFD_NS + "\">", "</ofd:Page>", 100_000);
        byte[] bytes = OfficeFiles.replaceEntry(notice("x", false), "Doc_0/Pages/Page_0/Content.xml", xml);

        assertThatThrownBy(() -> assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> extractor.extract(bytes, null, null, ExtractOptions.NONE)))
                .isInstanceOf(ExtractionException.class)
                .hasMessageContaining("nests deeper");
    }

    @Test
    void tooManyEntriesAreRefused() {
        byte[] bytes = OfficeFiles.withManyEntries(OfficeFiles.entries(notice("x", false)), 20_000);

        assertThatThrownBy(() -> extractor.extract(bytes, null, null, ExtractOptions.NONE))
                .isInstanceOf(ExtractionException.class)
                .hasMessageContaining("entries");
    }

    @Test
    void aScannedOfdWithoutTextIsAClearError() {
        byte[] bytes = ofd(null, List.of(List.of()), false);

        assertThatThrownBy(() -> extractor.extract(bytes, null, null, ExtractOptions.NONE))
                .isInstanceOf(ExtractionException.class)
                .hasMessageContaining("no text");
    }

    @Test
    void aPackageWithoutItsDocumentIsAClearError() {
        var entries = OfficeFiles.entries(notice("x", false));
        entries.remove("Doc_0/Document.xml");

        assertThatThrownBy(() -> extractor.extract(OfficeFiles.zip(entries), null, null, ExtractOptions.NONE))
                .isInstanceOf(ExtractionException.class)
                .hasMessageContaining("Doc_0/Document.xml");
    }

    @Test
    void resolvesPackagePaths() {
        assertThat(OfdExtractor.resolve("Doc_0/", "Pages/Page_0/Content.xml")).isEqualTo("Doc_0/Pages/Page_0/Content.xml");
        assertThat(OfdExtractor.resolve("Doc_0/", "/Doc_0/Pages/Page_0/Content.xml")).isEqualTo("Doc_0/Pages/Page_0/Content.xml");
        assertThat(OfdExtractor.resolve("Doc_0/", "../../etc/passwd")).isEqualTo("etc/passwd");
    }
}
