package dev.policywatch.engine.extract;

import dev.policywatch.events.Block;
import dev.policywatch.events.BlockType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNum;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTNumLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTNumPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;

/**
 * Word 2007+ ({@code .docx}, and {@code .wps} files that are OOXML inside) through Apache POI's
 * XWPF. Paragraphs in heading styles ({@code Heading 1}, {@code 标题 1}, or any style or paragraph with
 * an outline level) become headings with that level; automatically numbered paragraphs get the
 * label Word prints ({@code 第%1条} in Chinese counting reads {@code 第三条}) and are list items unless
 * they are headings; table cells are cells (a cell holding a nested table yields the inner cells).
 * Headers, footers, footnotes, comments and images are not read.
 *
 * <p>Before POI sees the bytes, the whole container is checked under {@link ContainerLimits}
 * (entries, sizes, inflation ratio, XML depth, no DTDs), and POI's own zip guard
 * ({@link ZipSecureFile}) is set to the same limits, so a zip bomb or a billion-laughs part fails
 * with a clear {@link ExtractionException}. Thread-safe.
 */
public final class PoiDocxExtractor {

    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final String WHAT = "Word document";
    private static final Pattern HEADING_STYLE = Pattern.compile("(?i)^(heading|标题|title|标题\\s*)\\s*([1-9])?$");
    private static final int MAX_TABLE_DEPTH = 16;

    static {
        // POI's guard is JVM-wide and reads its settings when a package is opened; these equal our defaults
        ContainerLimits d = ContainerLimits.DEFAULT;
        ZipSecureFile.setMinInflateRatio(1.0 / d.maxInflateRatio());
        ZipSecureFile.setMaxEntrySize(d.maxEntryBytes());
        ZipSecureFile.setMaxFileCount(d.maxEntries());
        ZipSecureFile.setGraceEntrySize(d.graceBytes());
        ZipSecureFile.setMaxTextSize(d.maxEntryBytes());
    }

    private final ContainerLimits limits;

    public PoiDocxExtractor() {
        this(ContainerLimits.DEFAULT);
    }

    public PoiDocxExtractor(ContainerLimits limits) {
        this.limits = limits;
    }

    public ExtractedDocument extract(byte[] bytes) {
        try (SafeZip zip = SafeZip.open(bytes, limits, WHAT)) {
            if (!zip.has("word/document.xml") && !zip.has("[Content_Types].xml")) {
                throw new UnsupportedFormatException("a zip archive that is not a Word document (no word/document.xml)");
            }
            zip.checkAll();
        }
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(bytes));
             XWPFDocument doc = new XWPFDocument(pkg)) {
            Walker walker = new Walker(doc);
            walker.body(doc.getBodyElements(), 0);
            List<Block> blocks = walker.blocks;
            String title = doc.getProperties() == null || doc.getProperties().getCoreProperties() == null
                    ? null : doc.getProperties().getCoreProperties().getTitle();
            if (title == null || title.isBlank()) {
                title = blocks.stream().filter(b -> b.type() == BlockType.HEADING).map(Block::text).findFirst()
                        .orElse(blocks.isEmpty() ? null : blocks.get(0).text());
            }
            return new ExtractedDocument(title == null ? null : Lines.clip(TextNormaliser.clean(title), 200),
                    Languages.guess(blocks), CONTENT_TYPE, blocks);
        } catch (EncryptedDocumentException e) {
            throw new ExtractionException("Word document is encrypted with a password; cannot read its text", e);
        } catch (IOException | OpenXML4JException | POIXMLException | IllegalStateException
                 | IllegalArgumentException | IndexOutOfBoundsException | NullPointerException
                 | ClassCastException | UnsupportedOperationException e) {
            // POI signals a broken part with any of these; to the crawl each is one unreadable document
            throw new ExtractionException("not a readable Word document: " + e.getMessage(), e);
        }
    }

    /** Walks the body in order, keeping numbering counters as Word does. */
    private static final class Walker {
        final List<Block> blocks = new ArrayList<>();
        private final XWPFStyles styles;
        private final XWPFNumbering numbering;
        private final Map<BigInteger, int[]> counters = new HashMap<>();
        private final Map<BigInteger, BigInteger> startedNums = new HashMap<>();

        Walker(XWPFDocument doc) {
            this.styles = doc.getStyles();
            this.numbering = doc.getNumbering();
        }

        void body(List<IBodyElement> elements, int tableDepth) {
            for (IBodyElement element : elements) {
                if (element instanceof XWPFParagraph p) {
                    paragraph(p);
                } else if (element instanceof XWPFTable t) {
                    table(t, tableDepth + 1);
                } else if (element instanceof XWPFSDT sdt) {
                    for (String line : Lines.split(sdt.getContent().getText())) {
                        add(Block.paragraph(TextNormaliser.clean(line)));
                    }
                }
            }
        }

        private void paragraph(XWPFParagraph p) {
            int level = headingLevel(p);
            String label = label(p);
            String text = p.getText();
            if (label != null) {
                text = label + (needsSpace(label) ? " " : "") + text;
            }
            boolean numbered = label != null || numPr(p) != null;
            boolean first = true;
            for (String line : Lines.split(text)) {
                String clean = TextNormaliser.clean(line);
                if (level > 0 && first) {
                    add(Block.heading(level, clean));
                } else if (numbered && first) {
                    add(Block.listItem(clean));
                } else {
                    add(Block.paragraph(clean));
                }
                first = clean.isEmpty() && first;
            }
        }

        private void table(XWPFTable table, int depth) {
            for (XWPFTableRow row : table.getRows()) {
                for (XWPFTableCell cell : row.getTableCells()) {
                    if (!cell.getTables().isEmpty() && depth < MAX_TABLE_DEPTH) {
                        body(cell.getBodyElements(), depth);
                    } else {
                        add(Block.tableCell(TextNormaliser.clean(cell.getText())));
                    }
                }
            }
        }

        private void add(Block block) {
            if (!block.text().isEmpty()) {
                blocks.add(block);
            }
        }

        /** 1..9 for a heading (style name or outline level), 0 for body text. */
        private int headingLevel(XWPFParagraph p) {
            Integer outline = outlineLevel(p.getCTP().getPPr());
            if (outline != null) {
                return outline;
            }
            XWPFStyle style = styles == null || p.getStyleID() == null ? null : styles.getStyle(p.getStyleID());
            for (int hops = 0; style != null && hops < 10; hops++) {
                Matcher m = HEADING_STYLE.matcher(style.getName() == null ? "" : style.getName().strip());
                if (m.matches()) {
                    return m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
                }
                Integer styleOutline = style.getCTStyle().isSetPPr() ? outlineLevel(style.getCTStyle().getPPr()) : null;
                if (styleOutline != null) {
                    return styleOutline;
                }
                style = style.getBasisStyleID() == null ? null : styles.getStyle(style.getBasisStyleID());
            }
            return 0;
        }

        private static Integer outlineLevel(CTPPrGeneral ppr) {
            if (ppr == null || !ppr.isSetOutlineLvl()) {
                return null;
            }
            int lvl = ppr.getOutlineLvl().getVal().intValue();
            return lvl >= 0 && lvl <= 8 ? Integer.valueOf(lvl + 1) : null;
        }

        private static Integer outlineLevel(CTPPr ppr) {
            if (ppr == null || !ppr.isSetOutlineLvl()) {
                return null;
            }
            int lvl = ppr.getOutlineLvl().getVal().intValue();
            return lvl >= 0 && lvl <= 8 ? Integer.valueOf(lvl + 1) : null;
        }

        /** The numbering of a paragraph: its own, else its style's. */
        private CTNumPr numPr(XWPFParagraph p) {
            CTPPr ppr = p.getCTP().getPPr();
            if (ppr != null && ppr.isSetNumPr()) {
                return ppr.getNumPr();
            }
            XWPFStyle style = styles == null || p.getStyleID() == null ? null : styles.getStyle(p.getStyleID());
            for (int hops = 0; style != null && hops < 10; hops++) {
                if (style.getCTStyle().isSetPPr() && style.getCTStyle().getPPr().isSetNumPr()) {
                    return style.getCTStyle().getPPr().getNumPr();
                }
                style = style.getBasisStyleID() == null ? null : styles.getStyle(style.getBasisStyleID());
            }
            return null;
        }

        /** The label Word prints before a numbered paragraph, or null (not numbered, or a bullet). */
        private String label(XWPFParagraph p) {
            CTNumPr numPr = numPr(p);
            if (numbering == null || numPr == null || !numPr.isSetNumId()) {
                return null;
            }
            BigInteger numId = numPr.getNumId().getVal();
            int ilvl = numPr.isSetIlvl() ? numPr.getIlvl().getVal().intValue() : 0;
            if (numId == null || numId.signum() == 0 || ilvl < 0 || ilvl > 8) {
                return null; // numId 0 switches numbering off
            }
            XWPFNum num = numbering.getNum(numId);
            if (num == null || num.getCTNum().getAbstractNumId() == null) {
                return null;
            }
            BigInteger abstractId = num.getCTNum().getAbstractNumId().getVal();
            XWPFAbstractNum abs = numbering.getAbstractNum(abstractId);
            if (abs == null) {
                return null;
            }
            CTLvl[] lvls = new CTLvl[9];
            for (CTLvl lvl : abs.getCTAbstractNum().getLvlArray()) {
                int i = lvl.getIlvl() == null ? 0 : lvl.getIlvl().intValue();
                if (i >= 0 && i <= 8) {
                    lvls[i] = lvl;
                }
            }
            int[] count = counters.computeIfAbsent(abstractId, k -> new int[9]);
            // a num that overrides its start restarts the list the first time it is used
            if (!startedNums.containsKey(numId)) {
                startedNums.put(numId, abstractId);
                for (CTNumLvl override : num.getCTNum().getLvlOverrideArray()) {
                    if (override.isSetStartOverride() && override.getIlvl() != null) {
                        int i = override.getIlvl().intValue();
                        if (i >= 0 && i <= 8) {
                            count[i] = override.getStartOverride().getVal().intValue() - 1;
                        }
                    }
                }
            }
            CTLvl lvl = lvls[ilvl];
            if (lvl == null) {
                return null;
            }
            count[ilvl] = count[ilvl] == 0 && !startedLevel(count, ilvl) ? start(lvl) : count[ilvl] + 1;
            for (int deeper = ilvl + 1; deeper < 9; deeper++) {
                count[deeper] = 0;
            }
            String fmt = lvl.getNumFmt() == null ? "decimal" : lvl.getNumFmt().getVal().toString();
            if (lvl.getLvlText() == null || lvl.getLvlText().getVal() == null || ListNumbers.format(1, fmt) == null) {
                return null;
            }
            StringBuilder label = new StringBuilder();
            String pattern = lvl.getLvlText().getVal();
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                if (c == '%' && i + 1 < pattern.length() && pattern.charAt(i + 1) >= '1' && pattern.charAt(i + 1) <= '9') {
                    int level = pattern.charAt(++i) - '1';
                    CTLvl ref = lvls[level];
                    String refFmt = ref == null || ref.getNumFmt() == null ? "decimal" : ref.getNumFmt().getVal().toString();
                    int value = count[level] == 0 && ref != null ? start(ref) : count[level];
                    String printed = ListNumbers.format(value, refFmt);
                    label.append(printed == null ? "" : printed);
                } else {
                    label.append(c);
                }
            }
            String clean = TextNormaliser.clean(label);
            return clean.isEmpty() ? null : clean;
        }

        private static boolean startedLevel(int[] count, int ilvl) {
            return count[ilvl] != 0;
        }

        private static int start(CTLvl lvl) {
            return lvl.getStart() == null || lvl.getStart().getVal() == null ? 1 : lvl.getStart().getVal().intValue();
        }

        /** "第一条 text", "1. text", but "一、text" and "（一）text" as printed. */
        private static boolean needsSpace(String label) {
            char last = label.charAt(label.length() - 1);
            return "、，,：:）)】]．".indexOf(last) < 0;
        }
    }
}
