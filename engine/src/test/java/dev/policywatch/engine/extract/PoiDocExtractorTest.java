package dev.policywatch.engine.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.policywatch.engine.Engine;
import dev.policywatch.engine.diff.DiffResult;
import dev.policywatch.engine.segment.Provision;
import dev.policywatch.events.Block;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Random;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;

/**
 * Word 97–2003 files. POI cannot write HWPF from scratch, so the fixtures in
 * {@code attachments/notice-v*.doc} are LibreOffice 7.4's "MS Word 97" export of the documents
 * {@link PoiDocxExtractorTest#notice} builds (heading styles, Chinese-counting 第%1条 numbering, a
 * table); see {@code attachments/README.md}. Hostile variants are made from them here.
 */
class PoiDocExtractorTest {

    private final Extractor extractor = new Extractor();
    private final Engine engine = new Engine();

    static byte[] fixture(String name) {
        return OfficeFiles.read(PoiDocExtractorTest.class.getResourceAsStream("/attachments/" + name));
    }

    @Test
    void headingsChineseCountedArticlesAndCells() {
        ExtractedDocument doc = extractor.extract(fixture("notice-v1.doc"), null, "附件1.doc", ExtractOptions.NONE);

        assertThat(doc.contentType()).isEqualTo("application/msword");
        assertThat(doc.title()).isEqualTo("示例数据出境安全管理办法");
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
    void revisionIsOneModifiedArticle() {
        DiffResult result = engine.compare(
                extractor.extract(fixture("notice-v1.doc"), null, null, ExtractOptions.NONE),
                extractor.extract(fixture("notice-v2.doc"), null, null, ExtractOptions.NONE));

        assertThat(engine.segment(extractor.extract(fixture("notice-v1.doc"), null, null, ExtractOptions.NONE).blocks())
                .provisions()).extracting(Provision::label).startsWith("第一条", "第二条", "第三条");
        assertThat(result.changes()).singleElement().satisfies(c -> {
            assertThat(c.newLabel()).isEqualTo("第二条");
            assertThat(c.newText()).contains("三十日内");
        });
    }

    @Test
    void aWpsFileThatIsWordBinaryIsReadAsWord() {
        ExtractedDocument doc = extractor.extract(fixture("notice-v1.doc"), "application/vnd.ms-works", "附件1.wps", ExtractOptions.NONE);

        assertThat(doc.contentType()).isEqualTo("application/msword");
        assertThat(doc.blocks()).hasSize(10);
    }

    @Test
    void encryptedDocIsAClearError() throws IOException {
        byte[] bytes = withWordDocumentStream(fixture("notice-v1.doc"), stream -> stream[0x0B] |= 0x01); // FIB fEncrypted

        assertThatThrownBy(() -> extractor.extract(bytes, null, "附件1.doc", ExtractOptions.NONE))
                .isInstanceOf(ExtractionException.class)
                .hasMessageContaining("encrypted");
    }

    @Test
    void corruptDocIsAClearErrorInBoundedTime() {
        byte[] bytes = fixture("notice-v1.doc");
        Random random = new Random(11);
        for (int i = 1024; i < bytes.length; i++) {
            bytes[i] = (byte) random.nextInt();
        }

        assertThatThrownBy(() -> assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> extractor.extract(bytes, null, "附件1.doc", ExtractOptions.NONE)))
                .isInstanceOf(ExtractionException.class);
    }

    @Test
    void truncatedDocIsAClearError() {
        byte[] full = fixture("notice-v1.doc");
        byte[] bytes = java.util.Arrays.copyOf(full, 3000);

        assertThatThrownBy(() -> extractor.extract(bytes, null, "附件1.doc", ExtractOptions.NONE))
                .isInstanceOf(ExtractionException.class)
                .hasMessageContaining("Word document");
    }

    @Test
    void anExcelWorkbookNamedDocIsUnsupportedNotMisread() throws IOException {
        byte[] xls;
        try (HSSFWorkbook wb = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("附件2").createRow(0).createCell(0).setCellValue("类别");
            wb.write(out);
            xls = out.toByteArray();
        }
        byte[] bytes = xls;

        assertThatThrownBy(() -> extractor.extract(bytes, "application/msword", "附件2.doc", ExtractOptions.NONE))
                .isInstanceOf(UnsupportedFormatException.class)
                .hasMessageContaining("Excel workbook");
    }

    interface Edit {
        void apply(byte[] stream);
    }

    private static byte[] withWordDocumentStream(byte[] doc, Edit edit) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(doc));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            DirectoryNode root = fs.getRoot();
            byte[] stream;
            try (var in = root.createDocumentInputStream("WordDocument")) {
                stream = in.readAllBytes();
            }
            edit.apply(stream);
            root.createOrUpdateDocument("WordDocument", new ByteArrayInputStream(stream));
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }
}
