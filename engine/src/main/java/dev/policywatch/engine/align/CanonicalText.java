package dev.policywatch.engine.align;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The comparison form of provision text: NFKC (full-width letters, digits and punctuation become
 * half-width), curly quotes and dashes folded, and all white space removed, so that spacing and
 * full/half-width punctuation never count as changes. {@link #masked} also blanks the numbers of
 * cross-references (第十条 → 第#条, Article 10 → Article #) so that an article citing renumbered
 * articles still matches exactly. Stateless.
 */
public final class CanonicalText {

    private static final String CN_NUM = "[零〇一二两三四五六七八九十百千万0-9]+";
    /** A cross-reference: 第十条 (not 第十条第二款's 款), Article 10, Section 3.2, § 1.2. */
    private static final Pattern REFERENCE = Pattern.compile(
            "第(" + CN_NUM + ")条(之[一二三四五六七八九十]+)?"
                    + "|(?i:\\b(article|section|sec\\.|art\\.))\\s*(\\d+[a-z]?(?:\\.\\d+)*)"
                    + "|§{1,2}\\s*(\\d+[a-z]?(?:\\.\\d+)*)");

    private CanonicalText() {
    }

    /** NFKC, quotes and dashes folded, white space removed. */
    public static String canonical(String text) {
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder sb = new StringBuilder(nfkc.length());
        for (int i = 0; i < nfkc.length(); i++) {
            char c = fold(nfkc.charAt(i));
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '\u200B' && c != '\uFEFF') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** NFKC and folded like {@link #canonical}, but with white space kept (collapsed): for tokenising. */
    public static String folded(String text) {
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder sb = new StringBuilder(nfkc.length());
        for (int i = 0; i < nfkc.length(); i++) {
            sb.append(fold(nfkc.charAt(i)));
        }
        return sb.toString();
    }

    /** The canonical text with cross-reference numbers masked. */
    public static String masked(String canonical) {
        Matcher m = REFERENCE.matcher(canonical);
        if (!m.find()) {
            return canonical;
        }
        StringBuilder sb = new StringBuilder(canonical.length());
        int last = 0;
        do {
            sb.append(canonical, last, m.start());
            if (m.group(1) != null) {
                sb.append("第#条");
            } else if (m.group(3) != null) {
                sb.append(m.group(3).toLowerCase(java.util.Locale.ROOT)).append('#');
            } else {
                sb.append("§#");
            }
            last = m.end();
        } while (m.find());
        sb.append(canonical, last, canonical.length());
        return sb.toString();
    }

    /**
     * The provisions a text cites, as labels in the segmenter's form ({@code 第十条}, {@code Article 10},
     * {@code Section 3.2}, {@code § 1.2}), in order of appearance.
     */
    public static List<String> references(String text) {
        List<String> refs = new ArrayList<>();
        Matcher m = REFERENCE.matcher(folded(text));
        while (m.find()) {
            if (m.group(1) != null) {
                refs.add("第" + m.group(1) + "条" + (m.group(2) == null ? "" : m.group(2)));
            } else if (m.group(3) != null) {
                String word = m.group(3).toLowerCase(java.util.Locale.ROOT);
                String kind = word.startsWith("art") ? "Article" : "Section";
                refs.add(kind + " " + m.group(4));
            } else {
                refs.add("§ " + m.group(5));
            }
        }
        return refs;
    }

    private static char fold(char c) {
        return switch (c) {
            case '\u201C', '\u201D', '\u201E', '\u300C', '\u300D', '\u300E', '\u300F' -> '"';
            case '\u2018', '\u2019', '\u201A' -> '\'';
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> '-';
            case '\u3001' -> ',';
            case '\u3002' -> '.';
            default -> c;
        };
    }
}
