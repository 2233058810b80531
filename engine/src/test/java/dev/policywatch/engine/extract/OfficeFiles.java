package dev.policywatch.engine.extract;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.common.usermodel.PictureType;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * Builds real Word and OFD files for the tests: {@code .docx} through POI's XWPF (styles,
 * automatic numbering, tables, pictures, encryption), OFD packages per GB/T 33190 with
 * {@code java.util.zip}, and hostile variants of both (bombs, entity expansion, deep nesting).
 */
final class OfficeFiles {

    private OfficeFiles() {
    }

    /** One paragraph of a Word document to build. */
    sealed interface Para permits Heading, Styled, Outline, Article, Text, Table, Picture {
    }

    /** A paragraph in the built-in style {@code heading N}. */
    record Heading(int level, String text) implements Para {
    }

    /** A paragraph in a named style (e.g. {@code 标题 2} as WPS writes it). */
    record Styled(String styleName, String text) implements Para {
    }

    /** A paragraph in a plain style with an outline level set directly (level 1 = outline 0). */
    record Outline(int level, String text) implements Para {
    }

    /** An auto-numbered article: Word prints {@code 第N条} in Chinese counting before the text. */
    record Article(String text) implements Para {
    }

    record Text(String text) implements Para {
    }

    record Table(List<List<String>> rows) implements Para {
    }

    /** An embedded picture of the given raw bytes (never a valid image: nothing may decode it). */
    record Picture(byte[] bytes) implements Para {
    }

    static byte[] docx(String title, List<Para> paras) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            if (title != null) {
                doc.getProperties().getCoreProperties().setTitle(title);
            }
            XWPFStyles styles = doc.createStyles();
            for (int level = 1; level <= 3; level++) {
                addStyle(styles, "Heading" + level, "heading " + level);
            }
            BigInteger articles = articleNumbering(doc.createNumbering());
            for (Para para : paras) {
                if (para instanceof Heading h) {
                    XWPFParagraph p = doc.createParagraph();
                    p.setStyle("Heading" + h.level());
                    p.createRun().setText(h.text());
                } else if (para instanceof Styled s) {
                    String id = "S" + Integer.toHexString(s.styleName().hashCode());
                    if (styles.getStyle(id) == null) {
                        addStyle(styles, id, s.styleName());
                    }
                    XWPFParagraph p = doc.createParagraph();
                    p.setStyle(id);
                    p.createRun().setText(s.text());
                } else if (para instanceof Outline o) {
                    XWPFParagraph p = doc.createParagraph();
                    p.getCTP().addNewPPr().addNewOutlineLvl().setVal(BigInteger.valueOf(o.level() - 1));
                    p.createRun().setText(o.text());
                } else if (para instanceof Article a) {
                    XWPFParagraph p = doc.createParagraph();
                    p.setNumID(articles);
                    p.setNumILvl(BigInteger.ZERO);
                    p.createRun().setText(a.text());
                } else if (para instanceof Text t) {
                    doc.createParagraph().createRun().setText(t.text());
                } else if (para instanceof Table t) {
                    XWPFTable table = doc.createTable(t.rows().size(), t.rows().get(0).size());
                    for (int r = 0; r < t.rows().size(); r++) {
                        for (int c = 0; c < t.rows().get(r).size(); c++) {
                            table.getRow(r).getCell(c).setText(t.rows().get(r).get(c));
                        }
                    }
                } else if (para instanceof Picture pic) {
                    doc.createParagraph().createRun().addPicture(new ByteArrayInputStream(pic.bytes()),
                            PictureType.PNG, "huge.png", Units.toEMU(200), Units.toEMU(200));
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the test .docx", e);
        }
    }

    private static void addStyle(XWPFStyles styles, String id, String name) {
        CTStyle ct = CTStyle.Factory.newInstance();
        ct.setStyleId(id);
        ct.addNewName().setVal(name);
        ct.setType(STStyleType.PARAGRAPH);
        XWPFStyle style = new XWPFStyle(ct);
        style.setType(STStyleType.PARAGRAPH);
        styles.addStyle(style);
    }

    /** A list whose level 0 prints {@code 第%1条} in Chinese counting, as Chinese rules are typed in Word. */
    private static BigInteger articleNumbering(XWPFNumbering numbering) {
        CTAbstractNum abs = CTAbstractNum.Factory.newInstance();
        abs.setAbstractNumId(BigInteger.ONE);
        CTLvl lvl = abs.addNewLvl();
        lvl.setIlvl(BigInteger.ZERO);
        lvl.addNewStart().setVal(BigInteger.ONE);
        lvl.addNewNumFmt().setVal(STNumberFormat.CHINESE_COUNTING);
        lvl.addNewLvlText().setVal("第%1条");
        BigInteger absId = numbering.addAbstractNum(new XWPFAbstractNum(abs, numbering));
        return numbering.addNum(absId);
    }

    /** The docx encrypted with a password (agile encryption, an OLE2 file as Word writes it). */
    static byte[] encrypt(byte[] docx, String password) {
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor enc = info.getEncryptor();
            enc.confirmPassword(password);
            try (OutputStream os = enc.getDataStream(fs)) {
                os.write(docx);
            }
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException("cannot encrypt the test .docx", e);
        }
    }

    // ---- zips ------------------------------------------------------------------------------

    /** The entries of a zip, in order. */
    static Map<String, byte[]> entries(byte[] zip) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                entries.put(e.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A zip with one more entry of {@code size} zero bytes, streamed so the test never holds them. */
    static byte[] withZeroEntry(byte[] zip, String name, long size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries(zip).entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
            z.putNextEntry(new ZipEntry(name));
            byte[] zeros = new byte[1 << 20];
            for (long written = 0; written < size; written += zeros.length) {
                z.write(zeros, 0, (int) Math.min(zeros.length, size - written));
            }
            z.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] replaceEntry(byte[] zip, String name, byte[] content) {
        Map<String, byte[]> entries = entries(zip);
        entries.put(name, content);
        return zip(entries);
    }

    /** XML with a billion-laughs DTD in place of a part's content. */
    static byte[] billionLaughs(String rootElement) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE " + rootElement + " [\n <!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            sb.append(" <!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i == 1 ? "" : String.valueOf(i - 1)) + ";").repeat(10)).append("\">\n");
        }
        sb.append("]>\n<").append(rootElement).append(">&lol9;</").append(rootElement).append(">");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** XML nested {@code depth} elements deep inside the given root. */
    static byte[] deeplyNested(String rootOpen, String rootClose, int depth) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>").append(rootOpen);
        sb.append("<a>".repeat(depth)).append("x").append("</a>".repeat(depth)).append(rootClose);
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A zip holding {@code count} tiny entries plus the given ones. */
    static byte[] withManyEntries(Map<String, byte[]> base, int count) {
        Map<String, byte[]> entries = new LinkedHashMap<>(base);
        for (int i = 0; i < count; i++) {
            entries.put("filler/" + i + ".txt", new byte[] {'x'});
        }
        return zip(entries);
    }

    // ---- OFD ---------------------------------------------------------------------------------

    /** One line of text placed on an OFD page at (x, y) millimetres, font size in millimetres. */
    record Line(double x, double y, double size, String text) {
    }

    static final String OFD_NS = "http://www.ofdspec.org/2016";

    /**
     * An OFD package (GB/T 33190): {@code OFD.xml} → {@code Doc_0/Document.xml} → one
     * {@code Pages/Page_N/Content.xml} per page, each line a {@code TextObject} whose
     * {@code TextCode} carries {@code DeltaX} advances; a page template with a letterhead that
     * must not be read. With {@code perCharacter}, every character is its own text object, written
     * in reverse order (as some converters do), so only positions give the reading order.
     */
    static byte[] ofd(String title, List<List<Line>> pages, boolean perCharacter) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("OFD.xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<ofd:OFD xmlns:ofd=\"" + OFD_NS + "\" Version=\"1.0\" DocType=\"OFD\"><ofd:DocBody>"
                + "<ofd:DocInfo><ofd:DocID>0c2a1f2e</ofd:DocID>" + (title == null ? "" : "<ofd:Title>" + esc(title) + "</ofd:Title>")
                + "<ofd:CreationDate>2025-01-01</ofd:CreationDate></ofd:DocInfo>"
                + "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>").getBytes(StandardCharsets.UTF_8));
        StringBuilder doc = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:Document xmlns:ofd=\"" + OFD_NS + "\">"
                + "<ofd:CommonData><ofd:MaxUnitID>999</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>"
                + "<ofd:PublicRes>PublicRes.xml</ofd:PublicRes><ofd:TemplatePage ID=\"2\" BaseLoc=\"Tpls/Tpl_0/Content.xml\"/></ofd:CommonData><ofd:Pages>");
        for (int p = 0; p < pages.size(); p++) {
            doc.append("<ofd:Page ID=\"").append(10 + p).append("\" BaseLoc=\"Pages/Page_").append(p).append("/Content.xml\"/>");
        }
        doc.append("</ofd:Pages></ofd:Document>");
        entries.put("Doc_0/Document.xml", doc.toString().getBytes(StandardCharsets.UTF_8));
        entries.put("Doc_0/PublicRes.xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:Res xmlns:ofd=\"" + OFD_NS + "\" BaseLoc=\"Res\">"
                + "<ofd:Fonts><ofd:Font ID=\"3\" FontName=\"宋体\" FamilyName=\"宋体\"/></ofd:Fonts></ofd:Res>").getBytes(StandardCharsets.UTF_8));
        entries.put("Doc_0/Tpls/Tpl_0/Content.xml", page(List.of(new Line(20, 10, 3, "示例市人民政府办公室文件（模板页眉）")), false));
        for (int p = 0; p < pages.size(); p++) {
            entries.put("Doc_0/Pages/Page_" + p + "/Content.xml", page(pages.get(p), perCharacter));
        }
        return zip(entries);
    }

    static byte[] page(List<Line> lines, boolean perCharacter) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:Page xmlns:ofd=\"" + OFD_NS + "\">"
                + "<ofd:Template TemplateID=\"2\" ZOrder=\"Background\"/><ofd:Content><ofd:Layer ID=\"20\">");
        int id = 100;
        List<String> objects = new ArrayList<>();
        for (Line line : lines) {
            if (perCharacter) {
                double x = line.x();
                for (int i = 0; i < line.text().length(); i++) {
                    char c = line.text().charAt(i);
                    double w = c < 0x2E80 ? line.size() * 0.5 : line.size();
                    objects.add(textObject(id++, x, line.y() - line.size(), w, line.size(), String.valueOf(c), null));
                    x += w;
                }
            } else {
                StringBuilder deltas = new StringBuilder();
                double width = 0;
                for (int i = 0; i < line.text().length(); i++) {
                    char c = line.text().charAt(i);
                    double w = c < 0x2E80 ? line.size() * 0.5 : line.size();
                    width += w;
                    if (i < line.text().length() - 1) {
                        deltas.append(i == 0 ? "" : " ").append(w);
                    }
                }
                objects.add(textObject(id++, line.x(), line.y() - line.size(), width, line.size(), line.text(), deltas.toString()));
            }
        }
        if (perCharacter) {
            java.util.Collections.reverse(objects);
        }
        objects.forEach(sb::append);
        sb.append("<ofd:ImageObject ID=\"").append(id).append("\" ResourceID=\"77\" Boundary=\"0 0 10 10\" CTM=\"10 0 0 10 0 0\"/>");
        sb.append("</ofd:Layer></ofd:Content></ofd:Page>");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String textObject(int id, double x, double top, double width, double size, String text, String deltaX) {
        return "<ofd:TextObject ID=\"" + id + "\" Boundary=\"" + x + " " + top + " " + (width + 1) + " " + (size * 1.4)
                + "\" Font=\"3\" Size=\"" + size + "\"><ofd:FillColor Value=\"0 0 0\"/>"
                + "<ofd:TextCode X=\"0\" Y=\"" + size + "\"" + (deltaX == null || deltaX.isEmpty() ? "" : " DeltaX=\"" + deltaX + "\"")
                + ">" + esc(text) + "</ofd:TextCode></ofd:TextObject>";
    }

    /** Lines laid out top to bottom from y = 40 mm, 8 mm apart, in 4 mm type. */
    static List<Line> lines(String... texts) {
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            lines.add(new Line(25, 40 + 8 * i, 4, texts[i]));
        }
        return lines;
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static byte[] read(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
