package dev.policywatch.engine.extract;

import java.util.ArrayList;
import java.util.List;

/** Line splitting and clipping shared by the text formats. */
final class Lines {

    private Lines() {
    }

    /** Splits on \n, \r\n and \r without regular expressions (bounded on 20 MB input). */
    static List<String> split(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(start, i));
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < n) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    /** Display columns below which a page's text is not taken for wrapped prose. */
    private static final int MIN_WRAP_COLUMNS = 40;
    private static final String TERMINAL = "。！？；：.!?;:";
    /** A line that opens a numbered unit (第十条 …, 第 1 條, Article 5, § 1010.4) starts anew whatever precedes it. */
    private static final java.util.regex.Pattern OPENS_UNIT = java.util.regex.Pattern.compile(
            "^(?:第\\s*[零〇一二三四五六七八九十百千两\\d]+(?:-\\d+)?\\s*[条條章节節编編](?:之[一二三四五六七八九十]+)?(?:\\s|$)"
                    + "|(?:Article|Section|Rule|Regulation|Part|Chapter|Appendix|§)\\s*[\\dIVXA-Z])");

    /** A line ending with a unit word that wants its number: what follows is that number, not a new unit. */
    private static final java.util.regex.Pattern REFERENCE_CUT = java.util.regex.Pattern.compile(
            "(?:^|\\s)(?i:sections?|articles?|parts?|chapters?|appendix|appendices|annex(?:es)?|schedules?|tables?"
                    + "|figures?|rules?|regulations?|paragraphs?|clauses?|no\\.)$|(?:^|\\s)§§?$");

    /**
     * Joins the lines a page width broke (a converted PDF): in a text where a quarter of the lines or
     * more fill the page width, a full line that does not end a sentence or clause continues on the
     * next. CJK lines join without a space (a break inside 监督 is no word boundary); a Latin line joins
     * only when the next starts in lower case, an English word hyphenated at the break
     * ({@code require-} / {@code ments}) joined whole. Short lines (headings,
     * the last line of a paragraph) and lines ending in {@code 。；：.;:} are never joined to the next,
     * nor is a line that opens a numbered unit ({@code 第十条 }, {@code 第 1 條}, {@code Article 5}) joined to
     * the one before.
     */
    static List<String> unwrap(List<String> lines) {
        if (lines.size() < 8) {
            return lines;
        }
        int[] widths = lines.stream().mapToInt(Lines::columns).sorted().toArray();
        int width = widths[(int) (widths.length * 0.9)];
        if (width < MIN_WRAP_COLUMNS) {
            return lines;
        }
        int fullFrom = width * 4 / 5;
        long full = lines.stream().filter(l -> columns(l) >= fullFrom).count();
        if (full * 4 < lines.size()) {
            return lines;
        }
        List<String> out = new ArrayList<>();
        boolean open = false;
        for (String line : lines) {
            if (open && !out.isEmpty() && continues(out.get(out.size() - 1), line)) {
                String previous = out.remove(out.size() - 1);
                out.add(join(previous, line));
            } else {
                out.add(line);
            }
            open = columns(line) >= fullFrom && TERMINAL.indexOf(line.charAt(line.length() - 1)) < 0;
        }
        return out;
    }

    /**
     * Whether a line continues the full line before it: not when it opens a numbered unit; between
     * Latin words only when it starts in lower case (a capital may open a heading, "Artikel 5", and a
     * break between Latin words is a word boundary anyway, so nothing is lost by keeping it).
     */
    private static boolean continues(String left, String right) {
        if (REFERENCE_CUT.matcher(left).find() && Character.isDigit(right.charAt(0))) {
            return true; // "… the requirements in Section" / "4.4.1. Depending on …": a reference the width cut
        }
        if (OPENS_UNIT.matcher(right).find()) {
            return false;
        }
        return wide(left.charAt(left.length() - 1)) || wide(right.charAt(0)) || Character.isLowerCase(right.charAt(0));
    }

    private static String join(String left, String right) {
        char last = left.charAt(left.length() - 1);
        char first = right.charAt(0);
        if (last == '-' && left.length() > 1 && Character.isLetter(left.charAt(left.length() - 2)) && Character.isLowerCase(first)) {
            return left.substring(0, left.length() - 1) + right;
        }
        return wide(last) || wide(first) ? left + right : left + " " + right;
    }

    /** Display width: CJK characters and full-width forms take two columns. */
    private static int columns(String line) {
        int n = 0;
        for (int i = 0; i < line.length(); i++) {
            n += wide(line.charAt(i)) ? 2 : 1;
        }
        return n;
    }

    private static boolean wide(char c) {
        return (c >= '\u2E80' && c <= '\u9FFF') || (c >= '\uF900' && c <= '\uFAFF') || (c >= '\uFF00' && c <= '\uFF60')
                || (c >= '\u3000' && c <= '\u303F');
    }

    static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
