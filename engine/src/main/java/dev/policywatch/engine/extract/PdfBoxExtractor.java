package dev.policywatch.engine.extract;

import dev.policywatch.events.Block;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * PDF through PDFBox: the text of each page as lines in reading order (sorted by position), with
 * page numbers and the running headers and footers that repeat on most pages dropped. Lines the
 * page width broke are joined back ({@link Lines#unwrap}: CJK without a space, a hyphenated word
 * whole); every other line is a paragraph block.
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

    /**
     * Drops page numbers and lines that repeat at the top or bottom of most pages, and joins the lines
     * the page width broke ({@link Lines#unwrap}).
     */
    static List<Block> toBlocks(List<List<String>> pages) {
        Map<String, Integer> edgeCounts = new HashMap<>();
        for (int p = 0; p < pages.size(); p++) {
            for (String key : edgeKeys(pages.get(p), p)) {
                edgeCounts.merge(key, 1, Integer::sum);
            }
        }
        // a line the pages also print away from their edges is text that happens to fall at an edge
        // on some pages ("Applies to: Low, Moderate, High" after each requirement), not a running head
        Map<String, Integer> middleCounts = new HashMap<>();
        for (List<String> lines : pages) {
            Set<String> middle = new HashSet<>();
            for (int i = EDGE_LINES; i < lines.size() - EDGE_LINES; i++) {
                middle.add(lines.get(i));
            }
            middle.forEach(line -> middleCounts.merge(line, 1, Integer::sum));
        }
        int threshold = Math.max(2, (pages.size() + 1) / 2);
        List<String> kept = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        for (int p = 0; p < pages.size(); p++) {
            List<String> lines = pages.get(p);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                boolean edge = i < EDGE_LINES || i >= lines.size() - EDGE_LINES;
                if (PAGE_NUMBER.matcher(line).matches()) {
                    continue;
                }
                if (edge && pages.size() > 1 && repeated(edgeCounts, keys(line, p), threshold)
                        && middleCounts.getOrDefault(line, 0) * 2 < edgeCounts.getOrDefault(line, 0)) {
                    continue;
                }
                kept.add(line);
            }
        }
        for (String line : Lines.unwrap(kept)) {
            blocks.add(Block.paragraph(line));
        }
        return blocks;
    }

    private static boolean repeated(Map<String, Integer> counts, List<String> keys, int threshold) {
        return keys.stream().anyMatch(k -> counts.getOrDefault(k, 0) >= threshold);
    }

    private static List<String> edgeKeys(List<String> lines, int page) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (i < EDGE_LINES || i >= lines.size() - EDGE_LINES) {
                for (String k : keys(lines.get(i), page)) {
                    if (!keys.contains(k)) {
                        keys.add(k);
                    }
                }
            }
        }
        return keys;
    }

    /**
     * The forms under which an edge line may repeat: the line itself ("Annual Report 2024"), and,
     * for each number in it, the line with its numbers masked and that number's distance from the
     * page's index: a page number moves with the page ("Report # — page #", "Page # of #"), so a
     * running head that carries one keeps that distance from page to page. An article label at the
     * top of a page ("第 12 條", "§ 1010.4") does not: such labels are text, never heads.
     */
    private static List<String> keys(String line, int page) {
        List<String> keys = new ArrayList<>();
        keys.add(line);
        Matcher m = DIGITS.matcher(line);
        String masked = null;
        for (int k = 0; m.find(); k++) {
            if (masked == null) {
                masked = DIGITS.matcher(line).replaceAll("#");
            }
            if (m.group().length() <= 9) {
                keys.add(masked + "\u0000" + k + "\u0000" + (Long.parseLong(m.group()) - page));
            }
        }
        return keys;
    }
}
