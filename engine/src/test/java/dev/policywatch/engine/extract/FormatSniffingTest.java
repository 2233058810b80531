package dev.policywatch.engine.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.policywatch.engine.extract.Extractor.Format;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The format comes from the bytes; names and content types only decide among text-like formats. */
class FormatSniffingTest {

    private final Extractor extractor = new Extractor();

    @ParameterizedTest
    @CsvSource({
            "附件1.doc, application/msword",
            "附件1.wps, application/vnd.ms-works",
            "附件1.docx, application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "附件1.ofd, application/ofd"})
    void aWebPageSavedUnderAnOfficeNameIsReadAsHtml(String name, String type) {
        byte[] html = "<html><head><title>示例通知</title></head><body><p>第一条 示例。</p></body></html>".getBytes(StandardCharsets.UTF_8);

        assertThat(Extractor.formatOf(html, type, name)).isEqualTo(Format.HTML);
        assertThat(extractor.extract(html, type, name, ExtractOptions.NONE).blocks()).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource({"附件1.doc", "附件1.wps", "附件1.docx", "附件1.ofd"})
    void noiseUnderAnOfficeNameIsATypedUnsupportedFormat(String name) {
        byte[] noise = new byte[4096];
        new Random(5).nextBytes(noise);
        noise[0] = 0x01;

        assertThat(Extractor.formatOf(noise, null, name)).isEqualTo(Format.UNSUPPORTED);
        assertThatThrownBy(() -> extractor.extract(noise, null, name, ExtractOptions.NONE))
                .isInstanceOf(UnsupportedFormatException.class)
                .hasMessageContaining(name);
    }

    @Test
    void recognisedUnsupportedFormatsSayWhatTheyAre() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0};
        byte[] rtf = "{\\rtf1\\ansi\\ansicpg936 第一条}".getBytes(StandardCharsets.UTF_8);

        for (var c : List.of(List.of(png, "PNG image"), List.of(rtf, "RTF document"))) {
            byte[] bytes = (byte[]) c.get(0);
            assertThatThrownBy(() -> extractor.extract(bytes, "application/msword", "附件.doc", ExtractOptions.NONE))
                    .isInstanceOf(UnsupportedFormatException.class)
                    .hasMessageContaining((String) c.get(1));
        }
    }

    @Test
    void aTruncatedContainerIsReportedByTheReaderItsNameNames() {
        byte[] docx = PoiDocxExtractorTest.notice("第二条。");
        byte[] cut = java.util.Arrays.copyOf(docx, docx.length - 30);

        assertThatThrownBy(() -> extractor.extract(cut, null, "附件1.docx", ExtractOptions.NONE))
                .isInstanceOf(ExtractionException.class)
                .isNotInstanceOf(UnsupportedFormatException.class)
                .hasMessageContaining("not a readable Word document");
        assertThatThrownBy(() -> extractor.extract(cut, null, "download?id=3", ExtractOptions.NONE))
                .isInstanceOf(ExtractionException.class)
                .isNotInstanceOf(UnsupportedFormatException.class)
                .hasMessageContaining("not a readable document");
    }

    @Test
    void pdfIsKnownByItsHeaderWhateverItIsCalled() {
        byte[] pdf = "%PDF-1.7\n%...".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(Extractor.formatOf(pdf, "application/msword", "附件3.doc")).isEqualTo(Format.PDF);
        assertThat(Extractor.formatOf("<html><body>see %PDF-1.7</body></html>".getBytes(StandardCharsets.UTF_8), null, null))
                .isEqualTo(Format.HTML);
    }
}
