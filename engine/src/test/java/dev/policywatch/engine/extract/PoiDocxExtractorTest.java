package dev.policywatch.engine.extract;

import static dev.policywatch.engine.extract.OfficeFiles.docx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.policywatch.engine.Engine;
import dev.policywatch.engine.extract.OfficeFiles.Article;
import dev.policywatch.engine.extract.OfficeFiles.Heading;
import dev.policywatch.engine.extract.OfficeFiles.Outline;
import dev.policywatch.engine.extract.OfficeFiles.Picture;
import dev.policywatch.engine.extract.OfficeFiles.Styled;
import dev.policywatch.engine.extract.OfficeFiles.Table;
import dev.policywatch.engine.extract.OfficeFiles.Text;
import dev.policywatch.engine.segment.Provision;
import dev.policywatch.engine.segment.Segmentation;
import dev.policywatch.events.Block;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PoiDocxExtractorTest {

    private final Extractor extractor = new Extractor();
    private final Engine engine = new Engine();

    /** 附件1 of a notice as a ministry types it in Word: styled headings, auto-numbered articles, a table. */
    static byte[] notice(String article2) {
        return docx("示例数据出境安全管理办法", List.of(
                new Heading(1, "附件1：示例数据出境安全管理办法"),
                new Heading(2, "第一章 总则"),
                new Article("为了规范数据出境活动，保护个人信息权益，制定本办法。"),
                new Article(article2),
                new Outline(2, "第二章 附则"),
                new Article("本办法自2025年1月1日起施行。"),
                new Table(List.of(List.of("类别", "期限"), List.of("重要数据", "三十日")))));
    }

    @Test
    void headingsNumberedArticlesAndTableCellsInOrder() {
        ExtractedDocument doc = extractor.extract(notice("数据处理者应当在数据出境前申报安全评估。"), null, null, ExtractOptions.NONE);

        assertThat(doc.contentType()).isEqualTo(PoiDocxExtractor.CONTENT_TYPE);
        assertThat(doc.title()).isEqualTo("示例数据出境安全管理办法");
        assertThat(doc.language()).isEqualTo("zh");
        assertThat(doc.blocks()).containsExactly(
                Block.heading(1, "附件1：示例数据出境安全管理办法"),
                Block.heading(2, "第一章 总则"),
                Block.listItem("第一条 为了规范数据出境活动，保护个人信息权益，制定本办法。"),
                Block.listItem("第二条 数据处理者应当在数据出境前申报安全评估。"),
                Block.heading(2, "第二章 附则"),
                Block.listItem("第三条 本办法自2025年1月1日起施行。"),
                Block.tableCell("类别"), Block.tableCell("期限"), Block.tableCell("重要数据"), Block.tableCell("三十日"));
    }

    @Test
    void autoNumberedArticlesAreTheProvisions() {
        Segmentation s = engine.segment(extractor.extract(notice("数据处理者应当申报。"), null, null, ExtractOptions.NONE).blocks());

        assertThat(s.provisions()).extracting(Provision::label).startsWith("第一条", "第二条", "第三条");
        assertThat(s.provisions().get(1).path()).containsExactly("第一章", "第二条");
        assertThat(s.provisions().get(1).text()).contains("数据处理者应当申报。");
    }

    @Test
    void aRevisedArticleIsOneModifiedProvision() {
        ExtractedDocument before = extractor.extract(notice("数据处理者应当申报。"), null, null, ExtractOptions.NONE);
        ExtractedDocument after = extractor.extract(notice("数据处理者应当在三十日内申报。"), null, null, ExtractOptions.NONE);

        var result = engine.compare(before, after);

        assertThat(result.changes()).singleElement().satisfies(c -> {
            assertThat(c.newLabel()).isEqualTo("第二条");
            assertThat(c.type().name()).isEqualTo("MODIFIED");
        });
    }

    @Test
    void stylesNamedAsWpsNamesThemAreHeadingsToo() {
        byte[] bytes = docx(null, List.of(new Styled("标题 1", "示例办法"), new Styled("标题 3", "第一节 一般规定"), new Text("正文。")));

        assertThat(extractor.extract(bytes, null, null, ExtractOptions.NONE).blocks()).containsExactly(
                Block.heading(1, "示例办法"), Block.heading(3, "第一节 一般规定"), Block.paragraph("正文。"));
    }

    @Test
    void chosenByContentNotByName() {
        byte[] bytes = notice("数据处理者应当申报。");

        for (String name : List.of("附件1.wps", "附件1.doc", "download.do?id=7", "附件1.pdf")) {
            assertThat(Extractor.formatOf(bytes, null, name)).as(name).isEqualTo(Extractor.Format.DOCX);
        }
        assertThat(extractor.extract(bytes, "application/octet-stream", "附件1.wps", ExtractOptions.NONE).blocks()).hasSize(10);
    }

    @Test
    void passwordProtectedDocxIsAClearError() {
        byte[] bytes = OfficeFiles.encrypt(notice("数据处理者应当申报。"), "s3cret");

        assertThatThrownBy(() -> extractor.extract(bytes, null, "附件1.docx", ExtractOptions.NONE))
                .isInstanceOf(ExtractionException.class)
                .hasMessageContaining("encrypted with a password");
    }

    @Test
    void truncatedDocxIsAClearError() {
        byte[] full = notice("数据处理者应当申报。");
        byte[] bytes = java.util.Arrays.copyOf(full, full.length / 2);

        assertThatThrownBy(() -> extractor.extract(bytes, null, "附件1.docx", ExtractOptions.NONE))
                .isInstanceOf(ExtractionException.class)
                .hasMessageContaining("Word document");
    }

    @Test
    void zipBombIsRefusedAfterReadingNoMoreThanTheLimit() {
        // 400 MB of zeros deflate to ~400 KB; reading them whole would take most of the heap
        byte[] bomb = OfficeFiles.withZeroEntry(notice("数据处理者应当申报。"), "word/media/bomb.bin", 400L << 20);

        assertThatThrownBy(() -> assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> extractor.extract(bomb, null, "附件1.docx", ExtractOptions.NONE)))
                .isInstanceOf(ExtractionException.class)
                .hasMessageContaining("zip bomb");
    }

    @Test
    void tooManyEntriesAreRefusedBeforeTheDirectoryIsParsed() {
        byte[] bytes = OfficeFiles.withManyEntries(OfficeFiles.entries(notice("x")), 20_000);

        assertThatThrownBy(() -> extractor.extract(bytes, null, null, ExtractOptions.NONE))
                .isInstanceOf(ExtractionException.class)
                .hasMessageContaining("entries");
    }

    @Test
    void entityExpansionIsRefused() {
        byte[] bytes = OfficeFiles.replaceEntry(notice("x"), "word/document.xml", OfficeFiles.billionLaughs("w:document"));

        assertThatThrownBy(() -> assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> extractor.extract(bytes, null, null, ExtractOptions.NONE)))
                .isInstanceOf(ExtractionException.class)
                .hasMessageContaining("DTD");
    }

    @Test
    void deeplyNestedXmlIsRefused() {
        byte[] xml = OfficeFiles.deeplyNested(
                "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>",
                "</w:body></w:document>", 100_000);
        byte[] bytes = OfficeFiles.replaceEntry(notice("x"), "word/document.xml", xml);

        assertThatThrownBy(() -> assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> extractor.extract(bytes, null, null, ExtractOptions.NONE)))
                .isInstanceOf(ExtractionException.class)
                .hasMessageContaining("nests deeper");
    }

    @Test
    void aHugeEmbeddedImageIsNeverDecodedAndTheTextStillComes() {
        byte[] image = new byte[24 << 20];
        new Random(3).nextBytes(image);
        image[0] = (byte) 0x89; // claims to be a PNG, is noise: decoding it would fail loudly
        byte[] bytes = docx(null, List.of(new Heading(1, "示例办法"), new Picture(image), new Article("本办法自公布之日起施行。")));

        ExtractedDocument doc = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> extractor.extract(bytes, null, null, ExtractOptions.NONE));

        assertThat(doc.blocks()).containsExactly(Block.heading(1, "示例办法"), Block.listItem("第一条 本办法自公布之日起施行。"));
    }

    @Test
    void otherOfficeZipsAreUnsupportedNotMisread() {
        byte[] xlsx = OfficeFiles.zip(new java.util.LinkedHashMap<>(java.util.Map.of(
                "[Content_Types].xml", "<Types/>".getBytes(), "xl/workbook.xml", "<workbook/>".getBytes())));

        assertThatThrownBy(() -> extractor.extract(xlsx, null, "附件2.docx", ExtractOptions.NONE))
                .isInstanceOf(UnsupportedFormatException.class)
                .hasMessageContaining("Excel workbook");
    }
}
