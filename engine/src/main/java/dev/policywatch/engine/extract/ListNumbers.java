package dev.policywatch.engine.extract;

import java.util.Locale;

/**
 * Word's automatic numbering formats ({@code w:numFmt} values): the label Word prints for the n-th
 * item, so an auto-numbered {@code 第%1条} reads {@code 第十二条} in the extracted text as on the page.
 * Formats it does not know print as decimal numbers, which segmentation still understands.
 */
final class ListNumbers {

    private static final String CN_DIGITS = "零一二三四五六七八九";
    private static final String CN_LEGAL = "零壹贰叁肆伍陆柒捌玖";
    private static final String STEMS = "甲乙丙丁戊己庚辛壬癸";
    private static final String BRANCHES = "子丑寅卯辰巳午未申酉戌亥";

    private ListNumbers() {
    }

    /** The printed number; null for bullets and {@code none} (no number is printed). */
    static String format(int n, String numFmt) {
        String fmt = numFmt == null ? "decimal" : numFmt;
        return switch (fmt) {
            case "bullet", "none" -> null;
            case "decimalZero" -> n < 10 && n >= 0 ? "0" + n : String.valueOf(n);
            case "upperRoman" -> roman(n).toUpperCase(Locale.ROOT);
            case "lowerRoman" -> roman(n);
            case "upperLetter" -> letters(n).toUpperCase(Locale.ROOT);
            case "lowerLetter" -> letters(n);
            case "chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
                    "taiwaneseCountingThousand", "koreanCounting" -> chinese(n, CN_DIGITS, "十", "百", "千");
            case "chineseLegalSimplified", "ideographLegalTraditional" -> chinese(n, CN_LEGAL, "拾", "佰", "仟");
            case "ideographDigital", "taiwaneseDigital", "koreanDigital" -> digits(n);
            case "ideographTraditional" -> n >= 1 && n <= 10 ? String.valueOf(STEMS.charAt(n - 1)) : String.valueOf(n);
            case "ideographZodiac" -> n >= 1 && n <= 12 ? String.valueOf(BRANCHES.charAt(n - 1)) : String.valueOf(n);
            case "decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle" ->
                    n >= 1 && n <= 20 ? String.valueOf((char) (0x2460 + n - 1)) : String.valueOf(n);
            case "decimalEnclosedParen" -> n >= 1 && n <= 20 ? String.valueOf((char) (0x2474 + n - 1)) : "(" + n + ")";
            case "decimalEnclosedFullstop" -> n >= 1 && n <= 20 ? String.valueOf((char) (0x2488 + n - 1)) : n + ".";
            case "decimalFullWidth", "decimalFullWidth2" -> fullWidth(String.valueOf(n));
            default -> String.valueOf(n);
        };
    }

    /** 十, 十二, 二十, 一百零五, 一千二百: how Chinese legal texts count articles. */
    static String chinese(int n, String digits, String ten, String hundred, String thousand) {
        if (n <= 0 || n > 9999) {
            return String.valueOf(n);
        }
        int th = n / 1000;
        int h = n / 100 % 10;
        int t = n / 10 % 10;
        int u = n % 10;
        StringBuilder sb = new StringBuilder();
        if (th > 0) {
            sb.append(digits.charAt(th)).append(thousand);
        }
        if (h > 0) {
            sb.append(digits.charAt(h)).append(hundred);
        } else if (th > 0 && (t > 0 || u > 0)) {
            sb.append(digits.charAt(0));
        }
        if (t > 0) {
            if (!(t == 1 && n < 20)) {
                sb.append(digits.charAt(t));
            }
            sb.append(ten);
        } else if ((th > 0 || h > 0) && u > 0 && sb.charAt(sb.length() - 1) != digits.charAt(0)) {
            sb.append(digits.charAt(0));
        }
        if (u > 0) {
            sb.append(digits.charAt(u));
        }
        return sb.toString();
    }

    private static String digits(int n) {
        StringBuilder sb = new StringBuilder();
        for (char c : String.valueOf(n).toCharArray()) {
            sb.append(c == '0' ? '〇' : CN_DIGITS.charAt(c - '0'));
        }
        return sb.toString();
    }

    private static String roman(int n) {
        if (n <= 0 || n >= 4000) {
            return String.valueOf(n);
        }
        int[] values = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
        String[] symbols = {"m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"};
        StringBuilder sb = new StringBuilder();
        int rest = n;
        for (int i = 0; i < values.length; i++) {
            while (rest >= values[i]) {
                sb.append(symbols[i]);
                rest -= values[i];
            }
        }
        return sb.toString();
    }

    /** a..z, then aa, bb: Word repeats the letter. */
    private static String letters(int n) {
        if (n <= 0) {
            return String.valueOf(n);
        }
        char c = (char) ('a' + (n - 1) % 26);
        return String.valueOf(c).repeat(Math.min(10, (n - 1) / 26 + 1));
    }

    private static String fullWidth(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append((char) (c - '0' + '０'));
        }
        return sb.toString();
    }
}
