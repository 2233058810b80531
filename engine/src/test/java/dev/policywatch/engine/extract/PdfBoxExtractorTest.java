package dev.policywatch.engine.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.policywatch.events.Block;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

class PdfBoxExtractorTest {

    private final Extractor extractor = new Extractor();

    /** A PDF whose pages carry the given lines, each page with a running header and a page number. */
    static byte[] pdf(List<List<String>> pages, String password) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int p = 0; p < pages.size(); p++) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    line(cs, font, 750, "City Parks Regulation - official text");
                    int y = 700;
                    for (String line : pages.get(p)) {
                        line(cs, font, y, line);
                        y -= 20;
                    }
                    line(cs, font, 40, String.valueOf(p + 1));
                }
            }
            if (password != null) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-" + password, password, new AccessPermission());
                policy.setEncryptionKeyLength(128);
                doc.protect(policy);
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static void line(PDPageContentStream cs, PDType1Font font, int y, String text) throws IOException {
        cs.beginText();
        cs.setFont(font, 11);
        cs.newLineAtOffset(60, y);
        cs.showText(text);
        cs.endText();
    }

    @Test
    void linesInReadingOrderWithoutRunningHeadersAndPageNumbers() throws IOException {
        byte[] bytes = pdf(List.of(List.of("Section 1. Purpose", "Keep parks clean."),
                List.of("Section 2. Hours", "Open daily."), List.of("Section 3. Dogs", "On a lead.")), null);

        ExtractedDocument doc = extractor.extract(bytes, "application/pdf", null, ExtractOptions.NONE);

        assertThat(doc.contentType()).isEqualTo("application/pdf");
        assertThat(doc.blocks()).extracting(Block::text).containsExactly(
                "Section 1. Purpose", "Keep parks clean.", "Section 2. Hours", "Open daily.", "Section 3. Dogs", "On a lead.");
    }

    @Test
    void aLabelAtTheTopOfEveryPageIsTextWhileAHeadWithThePageNumberIsDropped() {
        List<List<String>> pages = List.of(
                List.of("Parks Rules 2024 — page 1 of 3", "第 1 條", "Keep parks clean.", "Annual Report 2024"),
                List.of("Parks Rules 2024 — page 2 of 3", "第 5 條", "Open daily.", "Annual Report 2024"),
                List.of("Parks Rules 2024 — page 3 of 3", "第 9 條", "On a lead.", "Annual Report 2024"));

        assertThat(PdfBoxExtractor.toBlocks(pages)).extracting(Block::text).containsExactly(
                "第 1 條", "Keep parks clean.", "第 5 條", "Open daily.", "第 9 條", "On a lead.");
    }

    @Test
    void aLineThePagesAlsoPrintAwayFromTheirEdgesIsTextWhereItFallsAtAnEdge() {
        // every requirement ends "Applies to: …"; on two pages one falls right under the running head
        String applies = "Applies to: Low, Moderate";
        List<List<String>> pages = List.of(
                List.of("Inbox Rules", "R-01 Notices", "Send notices.", applies, "R-02 Tests", "Post tests.", applies, "Page 1"),
                List.of("Inbox Rules", applies, "R-03 Drills", "Run drills.", applies, "R-04 Logs", "Keep logs.", "Page 2"),
                List.of("Inbox Rules", applies, "R-05 Audits", "Audit yearly.", applies, "R-06 Keys", "Rotate keys.", "Page 3"));

        List<String> texts = PdfBoxExtractor.toBlocks(pages).stream().map(Block::text).toList();

        assertThat(texts).doesNotContain("Inbox Rules", "Page 1");
        assertThat(texts.stream().filter(t -> t.contains(applies))).hasSize(6);
    }

    @Test
    void encryptedPdfIsAClearError() throws IOException {
        byte[] bytes = pdf(List.of(List.of("Secret text")), "s3cret");

        assertThatThrownBy(() -> extractor.extract(bytes, null, "doc.pdf", ExtractOptions.NONE))
                .isInstanceOf(ExtractionException.class)
                .hasMessageContaining("encrypted");
    }

    @Test
    void pdfWithoutTextIsAClearError() throws IOException {
        byte[] bytes;
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            doc.addPage(new PDPage());
            doc.save(out);
            bytes = out.toByteArray();
        }

        assertThatThrownBy(() -> extractor.extract(bytes, null, "scan.pdf", ExtractOptions.NONE))
                .isInstanceOf(ExtractionException.class)
                .hasMessageContaining("no text");
    }
}
