package dev.policywatch.engine.extract;

import dev.policywatch.engine.extract.Extractor.Format;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.poi.poifs.filesystem.DirectoryNode;

/**
 * What a document's bytes are, by their content alone: magic numbers for PDF, the OLE2 compound
 * file of Word 97–2003 (and of most {@code .wps} files), the zip container of {@code .docx} and
 * {@code .ofd} (told apart by their entries, read from the central directory without inflating
 * anything), and signatures of formats we do not read (images, RTF, spreadsheets) so they get a
 * clear answer instead of being parsed as text. Cheap: a few header bytes, or a zip's directory.
 */
final class Sniffer {

    /**
     * A verdict: the format, and for {@link Format#UNSUPPORTED} what the bytes are. A null format
     * is a zip container too broken to look into (truncated): its name decides which reader reports it.
     */
    record Sniffed(Format format, String detail) {
    }

    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

    private Sniffer() {
    }

    /** The format the bytes' content proves, or null when the content is text-like (HTML, Markdown, text). */
    static Sniffed sniff(byte[] bytes) {
        if (bytes.length == 0) {
            return null;
        }
        if (startsWith(bytes, OLE2)) {
            return new Sniffed(Format.DOC, "an OLE2 compound file");
        }
        if (SafeZip.looksLikeZip(bytes)) {
            return zip(bytes);
        }
        int pdf = indexOf(bytes, "%PDF-", 1024);
        if (pdf == 0 || pdf > 0 && !looksLikeHtml(bytes)) { // some PDFs carry junk before the header
            return new Sniffed(Format.PDF, "a PDF document");
        }
        String unsupported = unsupportedSignature(bytes);
        return unsupported == null ? null : new Sniffed(Format.UNSUPPORTED, unsupported);
    }

    private static Sniffed zip(byte[] bytes) {
        List<String> names;
        try (SafeZip zip = SafeZip.open(bytes, ContainerLimits.DEFAULT, "zip archive")) {
            names = zip.names();
        } catch (ExtractionException e) {
            return new Sniffed(null, e.getMessage());
        }
        boolean contentTypes = false;
        for (String name : names) {
            String n = (name.startsWith("/") ? name.substring(1) : name).toLowerCase(Locale.ROOT);
            if (n.equals("word/document.xml")) {
                return new Sniffed(Format.DOCX, "a Word document (OOXML)");
            }
            if (n.equals("ofd.xml")) {
                return new Sniffed(Format.OFD, "an OFD document");
            }
            contentTypes |= n.equals("[content_types].xml");
            if (n.startsWith("xl/")) {
                return new Sniffed(Format.UNSUPPORTED, "an Excel workbook (OOXML)");
            }
            if (n.startsWith("ppt/")) {
                return new Sniffed(Format.UNSUPPORTED, "a PowerPoint presentation (OOXML)");
            }
            if (n.equals("mimetype") || n.equals("content.xml") && names.contains("mimetype")) {
                return new Sniffed(Format.UNSUPPORTED, "an OpenDocument file (ODF)");
            }
        }
        return new Sniffed(Format.UNSUPPORTED, contentTypes
                ? "an Office Open XML package that is not a Word document"
                : "a zip archive (" + names.size() + " entries), not a document");
    }

    /** Signatures of formats we recognise and do not read. */
    private static String unsupportedSignature(byte[] b) {
        if (startsWith(b, new byte[] {(byte) 0x89, 'P', 'N', 'G'})) {
            return "a PNG image (no text; policywatch does not do OCR)";
        }
        if (startsWith(b, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return "a JPEG image (no text; policywatch does not do OCR)";
        }
        if (startsWith(b, "GIF8".getBytes(StandardCharsets.US_ASCII))) {
            return "a GIF image";
        }
        if (startsWith(b, "{\\rtf".getBytes(StandardCharsets.US_ASCII))) {
            return "an RTF document (not read; a .docx or .pdf of it would be)";
        }
        if (startsWith(b, "Rar!".getBytes(StandardCharsets.US_ASCII))) {
            return "a RAR archive";
        }
        if (startsWith(b, new byte[] {'7', 'z', (byte) 0xBC, (byte) 0xAF})) {
            return "a 7-Zip archive";
        }
        if (startsWith(b, new byte[] {0x1F, (byte) 0x8B})) {
            return "a gzip file";
        }
        return null;
    }

    /** What an OLE2 compound file holds, when it is not a Word document. */
    static String describeOle2(DirectoryNode root) {
        if (root.hasEntryCaseInsensitive("Workbook") || root.hasEntryCaseInsensitive("Book")) {
            return "an Excel workbook (binary)";
        }
        if (root.hasEntryCaseInsensitive("PowerPoint Document")) {
            return "a PowerPoint presentation (binary)";
        }
        if (root.hasEntryCaseInsensitive("EncryptedPackage")) {
            return "a password-protected Office Open XML file";
        }
        return "an OLE2 compound file that is not a Word document";
    }

    /** True when the first bytes, read as Latin-1, look like markup: a document named .doc that is really a web page. */
    static boolean looksLikeHtml(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.ISO_8859_1)
                .stripLeading().toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype html") || head.startsWith("<html") || head.contains("<body")
                || head.contains("<head") || head.startsWith("<?xml") && head.contains("<html");
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] bytes, String ascii, int within) {
        byte[] needle = ascii.getBytes(StandardCharsets.US_ASCII);
        int end = Math.min(bytes.length, within) - needle.length;
        outer:
        for (int i = 0; i <= end; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
