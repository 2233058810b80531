package dev.policywatch.engine.extract;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the character encoding of fetched bytes, in the order browsers use: a byte-order mark, the
 * charset of the HTTP {@code Content-Type}, then (for HTML) a {@code <meta charset>} or
 * {@code http-equiv} declaration in the first few kilobytes. Legacy Chinese labels ({@code gb2312},
 * {@code gbk}, {@code x-gbk}, {@code cp936}) are read as GB18030, their superset, because pages
 * labelled gb2312 routinely contain GBK-only characters. Without any label, valid UTF-8 is UTF-8;
 * Big5 (Taiwan, Hong Kong, Macao) is told from GB by its trail bytes (below); anything else is tried as
 * GB18030, then windows-1252.
 *
 * <p>It does not guess among single-byte encodings beyond that; it never fails.
 */
public final class Charsets {

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    /** Microsoft's Big5 (code page 950), the superset Big5 files are written in. */
    private static final Charset BIG5 = Charset.forName("x-windows-950");
    private static final Pattern HEADER_CHARSET = Pattern.compile("(?i)charset\\s*=\\s*[\"']?([A-Za-z0-9._:\\-]+)");
    private static final Pattern META_CHARSET = Pattern.compile(
            "(?i)<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:\\-]+)");
    private static final int META_SCAN_BYTES = 8192;

    private Charsets() {
    }

    /** The charset to decode {@code bytes} with; {@code contentType} may be null. */
    public static Charset detect(byte[] bytes, String contentType, boolean html) {
        Charset bom = fromBom(bytes);
        if (bom != null) {
            return bom;
        }
        if (contentType != null) {
            Matcher m = HEADER_CHARSET.matcher(contentType);
            if (m.find()) {
                Charset fromHeader = forLabel(m.group(1));
                if (fromHeader != null) {
                    return fromHeader;
                }
            }
        }
        if (html) {
            String head = new String(bytes, 0, Math.min(bytes.length, META_SCAN_BYTES), StandardCharsets.ISO_8859_1);
            Matcher m = META_CHARSET.matcher(head);
            if (m.find()) {
                Charset fromMeta = forLabel(m.group(1));
                if (fromMeta != null) {
                    // a page that says UTF-16 in ASCII-compatible bytes cannot be UTF-16 (WHATWG rule)
                    return fromMeta.name().startsWith("UTF-16") ? StandardCharsets.UTF_8 : fromMeta;
                }
            }
        }
        return sniff(bytes);
    }

    /** The charset for an encoding label, with the WHATWG-style aliases we rely on; null when unknown. */
    public static Charset forLabel(String label) {
        if (label == null) {
            return null;
        }
        String l = label.trim().toLowerCase(Locale.ROOT);
        switch (l) {
            case "gb2312", "gbk", "x-gbk", "cp936", "gb_2312-80", "csgb2312", "chinese", "iso-ir-58", "euc-cn",
                    "windows-936", "gb18030" -> {
                return GB18030;
            }
            case "iso-8859-1", "latin1", "l1", "us-ascii", "ascii", "iso8859-1", "cp1252" -> {
                return WINDOWS_1252;
            }
            case "big5", "cn-big5", "csbig5", "x-x-big5", "cp950", "windows-950" -> {
                return BIG5;
            }
            case "utf8", "unicode-1-1-utf-8" -> {
                return StandardCharsets.UTF_8;
            }
            default -> {
                try {
                    return Charset.isSupported(l) ? Charset.forName(l) : null;
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
    }

    /** Decodes with the given charset, replacing malformed input, and drops a leading BOM. */
    public static String decode(byte[] bytes, Charset charset) {
        String s = new String(bytes, charset);
        return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
    }

    private static Charset fromBom(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    private static Charset sniff(byte[] bytes) {
        if (isValid(bytes, StandardCharsets.UTF_8)) {
            return StandardCharsets.UTF_8;
        }
        if (looksLikeBig5(bytes)) {
            return BIG5;
        }
        return isValid(bytes, GB18030) ? GB18030 : WINDOWS_1252;
    }

    /**
     * GB18030 decodes nearly any byte string, Big5 included, into nonsense. Both put a common character in
     * two bytes, the first at least 0xA1 (Big5 never lower); they differ in the second: GB2312, where
     * GB-encoded Chinese text lives, always has it at 0xA1 or above, Big5 has it below 0xA1 for about half
     * of its characters (一 A440, 。 A143). Valid Big5 with at least a fifth of its pairs so is Big5.
     */
    private static boolean looksLikeBig5(byte[] bytes) {
        if (!isValid(bytes, BIG5)) {
            return false;
        }
        int length = Math.min(bytes.length, 1 << 20);
        int pairs = 0;
        int lowTrail = 0;
        for (int i = 0; i < length - 1; i++) {
            if ((bytes[i] & 0xFF) >= 0x81) {
                pairs++;
                if ((bytes[i + 1] & 0xFF) < 0xA1) {
                    lowTrail++;
                }
                i++;
            }
        }
        return pairs > 0 && lowTrail * 5 >= pairs;
    }

    private static boolean isValid(byte[] bytes, Charset charset) {
        // only the first megabyte: enough to decide, bounded on huge input; a sequence cut at the
        // boundary is not an error because the input is then not declared complete
        int length = Math.min(bytes.length, 1 << 20);
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult result = decoder.decode(in, out, length == bytes.length);
            if (result.isError()) {
                return false;
            }
            if (result.isOverflow()) {
                out.clear();
                continue;
            }
            return true;
        }
    }
}
