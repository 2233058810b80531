package dev.policywatch.engine.extract;

import dev.policywatch.events.Block;
import dev.policywatch.events.BlockType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.OldWordFileFormatException;
import org.apache.poi.hwpf.extractor.Word6Extractor;
import org.apache.poi.hwpf.extractor.WordExtractor;
import org.apache.poi.hwpf.model.StyleDescription;
import org.apache.poi.hwpf.usermodel.HWPFList;
import org.apache.poi.hwpf.usermodel.Paragraph;
import org.apache.poi.hwpf.usermodel.Range;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Word 97–2003 ({@code .doc}, and the many {@code .wps} files that are Word binary inside) through
 * Apache POI's HWPF: paragraphs in heading styles or with an outline level become headings, list
 * paragraphs get the label Word prints (Chinese counting included: {@code 第%1条} reads
 * {@code 第三条}), table cells are cells, field
 * codes are dropped and their results kept. Word 6/95 files are read as plain paragraphs.
 *
 * <p>The bytes are an OLE2 compound file that POI holds in memory (the input is already capped by
 * {@link Extractor#MAX_BYTES}); images are never decoded. An encrypted file, or an OLE2 file that
 * is not a Word document (a workbook, a presentation, an encrypted {@code .docx}), is an
 * {@link ExtractionException} that says which. Thread-safe.
 */
public final class PoiDocExtractor {

    static final String CONTENT_TYPE = "application/msword";
    /** Word's binary number formats (MS-DOC nfc codes 0x00–0x2B) by their OOXML names, in code order. */
    private static final String[] NFC = {"decimal", "upperRoman", "lowerRoman", "upperLetter", "lowerLetter",
            "ordinal", "cardinalText", "ordinalText", "hex", "chicago", "ideographDigital", "japaneseCounting",
            "aiueo", "iroha", "decimalFullWidth", "decimalHalfWidth", "japaneseLegal", "japaneseDigitalTenThousand",
            "decimalEnclosedCircle", "decimalFullWidth2", "aiueoFullWidth", "irohaFullWidth", "decimalZero", "bullet",
            "ganada", "chosung", "decimalEnclosedFullstop", "decimalEnclosedParen", "decimalEnclosedCircleChinese",
            "ideographEnclosedCircle", "ideographTraditional", "ideographZodiac", "ideographZodiacTraditional",
            "taiwaneseCounting", "ideographLegalTraditional", "taiwaneseCountingThousand", "taiwaneseDigital",
            "chineseCounting", "chineseLegalSimplified", "chineseCountingThousand", "koreanDigital", "koreanCounting",
            "koreanLegal", "koreanDigital2"};
    private static final Pattern HEADING_STYLE = Pattern.compile("(?i)^(heading|标题|title)\\s*([1-9])?$");

    public ExtractedDocument extract(byte[] bytes) {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntryCaseInsensitive("EncryptedPackage")) {
                throw new ExtractionException("Word document is encrypted with a password; cannot read its text");
            }
            if (!root.hasEntryCaseInsensitive("WordDocument")) {
                throw new UnsupportedFormatException(Sniffer.describeOle2(root));
            }
            if (encryptedFlag(root)) {
                throw new ExtractionException("Word document is encrypted with a password; cannot read its text");
            }
            try {
                return read(new HWPFDocument(fs));
            } catch (OldWordFileFormatException e) {
                return readOld(fs);
            }
        } catch (EncryptedDocumentException e) {
            throw new ExtractionException("Word document is encrypted with a password; cannot read its text", e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ExtractionException x) {
                throw x;
            }
            // POI signals a corrupt record with many runtime exceptions; to the crawl each is one unreadable document
            throw new ExtractionException("not a readable Word document: " + e.getMessage(), e);
        }
    }

    /** The FIB's fEncrypted bit (offset 0x0A, bit 8): known before POI tries to decrypt anything. */
    private static boolean encryptedFlag(DirectoryNode root) throws IOException {
        try (var in = root.createDocumentInputStream("WordDocument")) {
            byte[] head = in.readNBytes(12);
            return head.length == 12 && (head[0x0B] & 0x01) != 0;
        }
    }

    private ExtractedDocument read(HWPFDocument doc) {
        Range range = doc.getRange();
        List<Block> blocks = new ArrayList<>();
        Map<Integer, int[]> numbering = new HashMap<>();
        StringBuilder cell = new StringBuilder();
        for (int i = 0; i < range.numParagraphs(); i++) {
            Paragraph p = range.getParagraph(i);
            String raw = p.text();
            if (p.isInTable()) {
                if (p.isTableRowEnd()) {
                    continue;
                }
                cell.append(clean(raw)).append(' ');
                if (raw.indexOf('\u0007') >= 0) { // the cell mark ends the cell
                    add(blocks, Block.tableCell(TextNormaliser.clean(cell)));
                    cell.setLength(0);
                }
                continue;
            }
            if (!cell.isEmpty()) {
                add(blocks, Block.tableCell(TextNormaliser.clean(cell)));
                cell.setLength(0);
            }
            int level = headingLevel(doc, p);
            String label = label(numbering, p);
            String text = clean(raw);
            if (label != null) {
                text = label + " " + text;
            }
            boolean first = true;
            for (String line : Lines.split(text)) {
                String c = TextNormaliser.clean(line);
                if (first && level > 0) {
                    add(blocks, Block.heading(level, c));
                } else if (first && p.isInList()) {
                    add(blocks, Block.listItem(c));
                } else {
                    add(blocks, Block.paragraph(c));
                }
                first = first && c.isEmpty();
            }
        }
        if (!cell.isEmpty()) {
            add(blocks, Block.tableCell(TextNormaliser.clean(cell)));
        }
        String title = doc.getSummaryInformation() == null ? null : doc.getSummaryInformation().getTitle();
        return document(title, blocks);
    }

    private ExtractedDocument readOld(POIFSFileSystem fs) throws IOException {
        List<Block> blocks = new ArrayList<>();
        try (Word6Extractor old = new Word6Extractor(fs)) {
            old.setCloseFilesystem(false);
            for (String paragraph : old.getParagraphText()) {
                for (String line : Lines.split(clean(paragraph))) {
                    add(blocks, Block.paragraph(TextNormaliser.clean(line)));
                }
            }
        }
        return document(null, blocks);
    }

    private static ExtractedDocument document(String title, List<Block> blocks) {
        String t = title;
        if (t == null || t.isBlank()) {
            t = blocks.stream().filter(b -> b.type() == BlockType.HEADING).map(Block::text).findFirst()
                    .orElse(blocks.isEmpty() ? null : blocks.get(0).text());
        }
        return new ExtractedDocument(t == null ? null : Lines.clip(TextNormaliser.clean(t), 200),
                Languages.guess(blocks), CONTENT_TYPE, blocks);
    }

    private static int headingLevel(HWPFDocument doc, Paragraph p) {
        StyleDescription style = doc.getStyleSheet().getStyleDescription(p.getStyleIndex());
        if (style != null && style.getName() != null) {
            Matcher m = HEADING_STYLE.matcher(style.getName().strip());
            if (m.matches()) {
                return m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
            }
        }
        int outline = p.getLvl(); // 0..8 outline levels, 9 = body text
        return outline >= 0 && outline <= 8 ? outline + 1 : 0;
    }

    /** The label Word prints before a list paragraph, counting per list as Word does; null for bullets. */
    private static String label(Map<Integer, int[]> counters, Paragraph p) {
        if (!p.isInList()) {
            return null;
        }
        HWPFList list = p.getList();
        int ilvl = p.getIlvl();
        if (list == null || ilvl < 0 || ilvl > 8) {
            return null;
        }
        int[] count = counters.computeIfAbsent(list.getLsid(), k -> new int[9]);
        count[ilvl] = count[ilvl] == 0 ? list.getStartAt((char) ilvl) : count[ilvl] + 1;
        for (int deeper = ilvl + 1; deeper < 9; deeper++) {
            count[deeper] = 0;
        }
        String pattern = list.getNumberText((char) ilvl);
        if (pattern == null || ListNumbers.format(1, nfc(list, ilvl)) == null) {
            return null;
        }
        StringBuilder label = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c < 9) { // a placeholder: the number of level c
                int value = count[c] == 0 ? list.getStartAt(c) : count[c];
                String printed = ListNumbers.format(value, nfc(list, c));
                label.append(printed == null ? "" : printed);
            } else {
                label.append(c);
            }
        }
        String clean = TextNormaliser.clean(label);
        return clean.isEmpty() ? null : clean;
    }

    private static String nfc(HWPFList list, int level) {
        int code = list.getNumberFormat((char) level);
        return code >= 0 && code < NFC.length ? NFC[code] : code == 0xFF ? "none" : "decimal";
    }

    /** Drops field codes (keeping their results) and Word's control marks; keeps line breaks. */
    private static String clean(String raw) {
        String text = WordExtractor.stripFields(raw);
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\u000b', '\r' -> sb.append('\n');   // manual line break, paragraph end
                case '\u001e' -> sb.append('-');         // non-breaking hyphen
                case '\u0007', '\u0001', '\u0008', '\u0002', '\u000c', '\u001f', '\u0005' -> {
                    // cell mark, picture, drawing, note reference, page break, optional hyphen, annotation
                }
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static void add(List<Block> blocks, Block block) {
        if (!block.text().isEmpty()) {
            blocks.add(block);
        }
    }
}
