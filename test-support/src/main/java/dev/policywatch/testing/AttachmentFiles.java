package dev.policywatch.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Real attachment files for crawler and end-to-end tests, written with {@code java.util.zip} alone:
 * a minimal Office Open XML word-processing package ({@code .docx}: content types, package
 * relationships, {@code word/document.xml}) and an OFD package per GB/T 33190 ({@code OFD.xml} →
 * {@code Doc_0/Document.xml} → one page's {@code Content.xml} of positioned text objects). Lines
 * starting with {@code "# "} become headings (outline level 1); the rest are paragraphs.
 */
public final class AttachmentFiles {

    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String OFD = "http://www.ofdspec.org/2016";

    private AttachmentFiles() {
    }

    /** A {@code .docx} with the given lines. */
    public static byte[] docx(String... lines) {
        StringBuilder body = new StringBuilder();
        for (String line : lines) {
            boolean heading = line.startsWith("# ");
            body.append("<w:p>").append(heading ? "<w:pPr><w:outlineLvl w:val=\"0\"/></w:pPr>" : "")
                    .append("<w:r><w:t xml:space=\"preserve\">").append(esc(heading ? line.substring(2) : line))
                    .append("</w:t></w:r></w:p>");
        }
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
                + "</Types>");
        entries.put("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
                + "</Relationships>");
        entries.put("word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<w:document xmlns:w=\"" + W + "\"><w:body>" + body + "</w:body></w:document>");
        return zip(entries);
    }

    /** An {@code .ofd} of one A4 page with the given lines, top to bottom. */
    public static byte[] ofd(String title, String... lines) {
        StringBuilder page = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String text = lines[i].startsWith("# ") ? lines[i].substring(2) : lines[i];
            double y = 30 + 8 * i;
            page.append("<ofd:TextObject ID=\"").append(100 + i).append("\" Boundary=\"25 ").append(y)
                    .append(" 170 6\" Font=\"3\" Size=\"4\"><ofd:TextCode X=\"0\" Y=\"4\">").append(esc(text))
                    .append("</ofd:TextCode></ofd:TextObject>");
        }
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("OFD.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:OFD xmlns:ofd=\"" + OFD
                + "\" Version=\"1.0\" DocType=\"OFD\"><ofd:DocBody><ofd:DocInfo><ofd:DocID>1</ofd:DocID><ofd:Title>"
                + esc(title) + "</ofd:Title></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>");
        entries.put("Doc_0/Document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:Document xmlns:ofd=\"" + OFD
                + "\"><ofd:CommonData><ofd:MaxUnitID>200</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297"
                + "</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages><ofd:Page ID=\"1\" "
                + "BaseLoc=\"Pages/Page_0/Content.xml\"/></ofd:Pages></ofd:Document>");
        entries.put("Doc_0/Pages/Page_0/Content.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:Page xmlns:ofd=\""
                + OFD + "\"><ofd:Content><ofd:Layer ID=\"2\">" + page + "</ofd:Layer></ofd:Content></ofd:Page>");
        return zip(entries);
    }

    private static byte[] zip(Map<String, String> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
