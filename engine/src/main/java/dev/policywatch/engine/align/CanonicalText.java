package dev.policywatch.engine.align;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

    /** Characters NFKC leaves as they are and that never compose: CJK punctuation, quotes, dashes. */
    static final String NFKC_STABLE = "\u3001\u3002\u3008\u3009\u300A\u300B\u300C\u300D\u300E\u300F\u3010\u3011"
            + "\u3014\u3015\u3016\u3017\u2018\u2019\u201C\u201D\u2013\u2014\u00B7\u2022\u00A7";
    private static final String CN_NUM = "[零〇一二两兩三四五六七八九十百千万萬0-9]+";
    /** A cross-reference: 第十条 (not 第十条第二款's 款), Article 10, Section 3.2, § 1.2. */
    private static final Pattern REFERENCE = Pattern.compile(
            "第(" + CN_NUM + ")[条條](之[一二三四五六七八九十]+)?"
                    + "|(?i:\\b(article|section|sec\\.|art\\.))\\s*(\\d+[a-z]?(?:\\.\\d+)*)"
                    + "|§{1,2}\\s*(\\d+[a-z]?(?:\\.\\d+)*)");

    private CanonicalText() {
    }

    /** NFKC, quotes and dashes folded, white space removed. */
    public static String canonical(String text) {
        return withoutSpaces(folded(text));
    }

    /** NFKC and folded like {@link #canonical}, but with white space kept (collapsed): for tokenising. */
    public static String folded(String text) {
        String nfkc = nfkc(text);
        StringBuilder sb = new StringBuilder(nfkc.length());
        for (int i = 0; i < nfkc.length(); i++) {
            sb.append(fold(nfkc.charAt(i)));
        }
        return sb.toString();
    }

    /** {@link #canonical} of a text that is already {@link #folded}: the white space removed. */
    static String withoutSpaces(String folded) {
        StringBuilder sb = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '\u200B' && c != '\uFEFF') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * NFKC. Text made only of ASCII, CJK unified ideographs, full-width ASCII forms and common CJK
     * punctuation (the bulk of Chinese legal text) is mapped character by character: none of these
     * decomposes into more than one character or composes with a neighbour, so the result is exactly
     * {@link Normalizer}'s, which costs several times more. Anything else goes to {@link Normalizer}.
     */
    static String nfkc(String text) {
        char[] out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80 || (c >= '\u4E00' && c <= '\u9FEF') || NFKC_STABLE.indexOf(c) >= 0) {
                continue;
            }
            char mapped;
            if (c >= '\uFF01' && c <= '\uFF5E') {
                mapped = (char) (c - 0xFEE0); // full-width ASCII: ！ → !, Ａ → A
            } else if (c == '\u3000') {
                mapped = ' ';
            } else {
                return Normalizer.normalize(text, Normalizer.Form.NFKC);
            }
            if (out == null) {
                out = text.toCharArray();
            }
            out[i] = mapped;
        }
        return out == null ? text : new String(out);
    }

    /** The canonical text with cross-reference numbers masked. */
    public static String masked(String canonical) {
        Matcher m = REFERENCE.matcher(canonical).useTransparentBounds(true);
        int at = nextReference(m, canonical, 0);
        if (at < 0) {
            return canonical;
        }
        StringBuilder sb = new StringBuilder(canonical.length());
        int last = 0;
        do {
            sb.append(canonical, last, m.start());
            if (m.group(1) != null) {
                sb.append("第#条");
            } else if (m.group(3) != null) {
                sb.append(m.group(3).toLowerCase(Locale.ROOT)).append('#');
            } else {
                sb.append("§#");
            }
            last = m.end();
        } while (nextReference(m, canonical, last) >= 0);
        sb.append(canonical, last, canonical.length());
        return sb.toString();
    }

    /**
     * The provisions a text cites, as labels in the segmenter's form ({@code 第十条}, {@code Article 10},
     * {@code Section 3.2}, {@code § 1.2}), in order of appearance.
     */
    public static List<String> references(String text) {
        return referencesInFolded(folded(text));
    }

    /** {@link #references} of a text that is already {@link #folded}. */
    static List<String> referencesInFolded(String folded) {
        Matcher m = REFERENCE.matcher(folded).useTransparentBounds(true);
        int at = nextReference(m, folded, 0);
        if (at < 0) {
            return List.of();
        }
        List<String> refs = new ArrayList<>();
        do {
            if (m.group(1) != null) {
                refs.add(m.group()); // the label as printed: 第十条, 第十条之一, or in Traditional Chinese 第十條
            } else if (m.group(3) != null) {
                String word = m.group(3).toLowerCase(Locale.ROOT);
                String kind = word.startsWith("art") ? "Article" : "Section";
                refs.add(kind + " " + m.group(4));
            } else {
                refs.add("§ " + m.group(5));
            }
        } while (nextReference(m, folded, m.end()) >= 0);
        return refs;
    }

    /**
     * The same matches as {@code m.find()} from {@code from}, but the regular expression is tried only
     * where a reference can start (第, §, or a/s followed by "rt"/"ec"): scanning every position of a
     * long Chinese text with the whole alternation was the engine's single largest cost. Transparent
     * bounds let {@code \b} see the character before the region, as {@code find()} would.
     *
     * @return the start of the next match (the matcher holds it), or -1
     */
    private static int nextReference(Matcher m, String s, int from) {
        int n = s.length();
        for (int i = from; i < n; i++) {
            char c = s.charAt(i);
            // Article/Section need \b before them: after a letter, digit or _ ("part", "subsection")
            // the expression cannot match there, so it is not tried
            boolean candidate = c == '第' || c == '§'
                    || ((c == 'a' || c == 'A' || c == 's' || c == 'S') && !(i > 0 && isWordChar(s.charAt(i - 1)))
                            && (s.regionMatches(true, i, "art", 0, 3) || s.regionMatches(true, i, "sec", 0, 3)));
            if (candidate) {
                m.region(i, n);
                if (m.lookingAt()) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** A character after which {@code \\b} cannot precede a letter ({@link Pattern}'s word characters). */
    private static boolean isWordChar(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
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
