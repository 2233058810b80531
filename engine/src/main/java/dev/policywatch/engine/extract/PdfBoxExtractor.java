package dev.policywatch.engine.extract;

import dev.policywatch.events.Block;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * PDF through PDFBox: the text of each page as lines in reading order (sorted by position), with
 * page numbers and the running headers and footers that repeat on most pages dropped. Each line is
 * a paragraph block; segmentation joins wrapped lines back into their provision.
 *
 * <p>A password-protected PDF, one whose permissions forbid text extraction, or one with no text
 * layer at all (a scan) is an {@link ExtractionException} saying so; it does no OCR.
 */
public final class PdfBoxExtractor {

    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "(?i)^[-–—\\s]*(page\\s*)?\\d{1,4}(\\s*(of|/)\\s*\\d{1,4})?[-–—\\s]*$"
                    + "|^第\\s*\\d{1,4}\\s*页(\\s*[,，]?\\s*共\\s*\\d{1,4}\\s*页)?$"
                    + "|^[-–—]\\s*\\d{1,4}\\s*[-–—]$");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final int EDGE_LINES = 2;

    public ExtractedDocument extract(byte[] bytes) {
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            if (doc.isEncrypted() && !doc.getCurrentAccessPermission().canExtractContent()) {
                throw new ExtractionException("PDF is encrypted and does not permit text extraction");
            }
            List<List<String>> pages = readPages(doc);
            List<Block> blocks = toBlocks(pages);
            if (blocks.isEmpty()) {
                throw new ExtractionException("PDF has no text layer (" + doc.getNumberOfPages()
                        + " pages, no extractable text: a scan needs OCR, which policywatch does not do)");
            }
            String title = doc.getDocumentInformation() == null ? null : doc.getDocumentInformation().getTitle();
            if (title == null || title.isBlank()) {
                title = blocks.get(0).text();
            }
            return new ExtractedDocument(TextNormaliser.clean(title), Languages.guess(blocks), "application/pdf", blocks);
        } catch (InvalidPasswordException e) {
            throw new ExtractionException("PDF is encrypted with a password; cannot read its text", e);
        } catch (IOException e) {
            throw new ExtractionException("not a readable PDF: " + e.getMessage(), e);
        }
    }

    private static List<List<String>> readPages(PDDocument doc) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(true);
        stripper.setLineSeparator("\n");
        List<List<String>> pages = new ArrayList<>();
        for (int p = 1; p <= doc.getNumberOfPages(); p++) {
            stripper.setStartPage(p);
            stripper.setEndPage(p);
            List<String> lines = new ArrayList<>();
            for (String line : Lines.split(stripper.getText(doc))) {
                String clean = TextNormaliser.clean(line);
                if (!clean.isEmpty()) {
                    lines.add(clean);
                }
            }
            pages.add(lines);
        }
        return pages;
    }

    /** Drops page numbers and lines that repeat at the top or bottom of most pages. */
    static List<Block> toBlocks(List<List<String>> pages) {
        Map<String, Integer> edgeCounts = new HashMap<>();
        for (List<String> lines : pages) {
            for (String key : edgeKeys(lines)) {
                edgeCounts.merge(key, 1, Integer::sum);
            }
        }
        int threshold = Math.max(2, (pages.size() + 1) / 2);
        List<Block> blocks = new ArrayList<>();
        for (List<String> lines : pages) {
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                boolean edge = i < EDGE_LINES || i >= lines.size() - EDGE_LINES;
                if (PAGE_NUMBER.matcher(line).matches()) {
                    continue;
                }
                if (edge && pages.size() > 1 && edgeCounts.getOrDefault(key(line), 0) >= threshold) {
                    continue;
                }
                blocks.add(Block.paragraph(line));
            }
        }
        return blocks;
    }

    private static List<String> edgeKeys(List<String> lines) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (i < EDGE_LINES || i >= lines.size() - EDGE_LINES) {
                String k = key(lines.get(i));
                if (!keys.contains(k)) {
                    keys.add(k);
                }
            }
        }
        return keys;
    }

    /** Headers often carry the page number: "Report 2024 — page 3" repeats as "Report # — page #". */
    private static String key(String line) {
        return DIGITS.matcher(line).replaceAll("#");
    }
}
