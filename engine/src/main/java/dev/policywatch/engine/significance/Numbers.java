package dev.policywatch.engine.significance;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the numbers of legal text exactly, as {@link BigDecimal}: Chinese numerals with their scales
 * (五千 = 5000, 一百万 = 1000000, 二亿 = 200000000), Arabic digits with separators and a Chinese
 * scale (15000, 1.5万, 50,000), percentages (百分之十 = 0.1, 5% = 0.05) and English number words
 * (thirty = 30). Returns null for anything it cannot read exactly: a fact is left out rather than
 * guessed.
 */
final class Numbers {

    private static final Map<String, Integer> WORDS = Map.ofEntries(
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12),
            Map.entry("thirteen", 13), Map.entry("fourteen", 14), Map.entry("fifteen", 15),
            Map.entry("sixteen", 16), Map.entry("seventeen", 17), Map.entry("eighteen", 18),
            Map.entry("nineteen", 19), Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("forty", 40),
            Map.entry("fifty", 50), Map.entry("sixty", 60), Map.entry("seventy", 70), Map.entry("eighty", 80),
            Map.entry("ninety", 90), Map.entry("hundred", 100));

    private Numbers() {
    }

    /** A Chinese or Arabic number, possibly with a Chinese scale (1.5万, 一百万, 5,000); null when unreadable. */
    static BigDecimal parse(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        String t = fold(s);
        int i = 0;
        while (i < t.length() && (Character.isDigit(t.charAt(i)) || t.charAt(i) == '.' || t.charAt(i) == ',')) {
            i++;
        }
        if (i > 0) {
            String digits = t.substring(0, i).replace(",", "");
            if (digits.isEmpty() || digits.startsWith(".") || digits.endsWith(".") || digits.indexOf('.') != digits.lastIndexOf('.')) {
                return null;
            }
            BigDecimal v = new BigDecimal(digits);
            for (int k = i; k < t.length(); k++) {
                BigDecimal scale = scaleOf(t.charAt(k));
                if (scale == null) {
                    return null;
                }
                v = v.multiply(scale);
            }
            return v;
        }
        long cn = chinese(t);
        return cn < 0 ? null : BigDecimal.valueOf(cn);
    }

    /** 百分之十 → 0.1, 千分之五 → 0.005, 百分之零点五 → 0.005, 5% → 0.05; null when unreadable. */
    static BigDecimal percent(String s) {
        String t = fold(s).trim();
        BigDecimal divisor;
        String n;
        if (t.startsWith("百分之")) {
            divisor = BigDecimal.valueOf(100);
            n = t.substring(3);
        } else if (t.startsWith("千分之")) {
            divisor = BigDecimal.valueOf(1000);
            n = t.substring(3);
        } else if (t.endsWith("%")) {
            divisor = BigDecimal.valueOf(100);
            n = t.substring(0, t.length() - 1).trim();
        } else {
            return null;
        }
        BigDecimal v;
        int dot = n.indexOf('点');
        if (dot > 0) {
            BigDecimal whole = parse(n.substring(0, dot));
            StringBuilder frac = new StringBuilder();
            for (char c : n.substring(dot + 1).toCharArray()) {
                int d = digitOf(c);
                if (d < 0) {
                    return null;
                }
                frac.append(d);
            }
            v = whole == null || frac.length() == 0 ? null : new BigDecimal(whole.toPlainString() + "." + frac);
        } else {
            v = parse(n);
        }
        return v == null ? null : v.divide(divisor);
    }

    /** An English number: digits ("30", "1,000", "1.5") or words ("thirty", "forty-five"); null otherwise. */
    static BigDecimal english(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            return null;
        }
        if (Character.isDigit(t.charAt(0))) {
            String digits = t.replace(",", "");
            try {
                return new BigDecimal(digits);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        int total = 0;
        for (String part : t.split("[-\\s]+")) {
            Integer w = WORDS.get(part);
            if (w == null) {
                return null;
            }
            total = w == 100 ? Math.max(total, 1) * 100 : total + w;
        }
        return BigDecimal.valueOf(total);
    }

    /** A scale word after an English amount: million, billion, thousand (and m, bn, k). */
    static BigDecimal englishScale(String word) {
        if (word == null) {
            return BigDecimal.ONE;
        }
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "thousand", "k" -> BigDecimal.valueOf(1_000);
            case "million", "m", "mn" -> BigDecimal.valueOf(1_000_000);
            case "billion", "bn", "b" -> BigDecimal.valueOf(1_000_000_000);
            default -> BigDecimal.ONE;
        };
    }

    /** Full-width digits and separators to ASCII. */
    static String fold(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c >= '０' && c <= '９') {
                sb.append((char) (c - '０' + '0'));
            } else if (c == '．') {
                sb.append('.');
            } else if (c == '，') {
                sb.append(',');
            } else if (c == '％') {
                sb.append('%');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static BigDecimal scaleOf(char c) {
        return switch (c) {
            case '十' -> BigDecimal.TEN;
            case '百' -> BigDecimal.valueOf(100);
            case '千' -> BigDecimal.valueOf(1_000);
            case '万' -> BigDecimal.valueOf(10_000);
            case '亿' -> BigDecimal.valueOf(100_000_000);
            default -> null;
        };
    }

    /** 一百零二, 二十, 十, 两千, 一万五千, 一千万, 二亿; -1 when not a Chinese numeral. */
    static long chinese(String t) {
        long total = 0;
        long part = 0;
        long section = 0;
        long digit = -1;
        boolean any = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            int d = digitOf(c);
            if (d >= 0) {
                if (digit > 0) {
                    return -1; // 二三: not a numeral of amounts
                }
                digit = d;
                any = true;
                continue;
            }
            switch (c) {
                case '十', '百', '千' -> {
                    long unit = c == '十' ? 10 : c == '百' ? 100 : 1000;
                    section += (digit < 0 ? 1 : digit) * unit;
                }
                case '万' -> {
                    section += Math.max(digit, 0);
                    part += (section == 0 ? 1 : section) * 10_000;
                    section = 0;
                }
                case '亿' -> {
                    section += Math.max(digit, 0);
                    part += section;
                    total += (part == 0 ? 1 : part) * 100_000_000L;
                    part = 0;
                    section = 0;
                }
                default -> {
                    return -1;
                }
            }
            any = true;
            digit = -1;
        }
        if (!any) {
            return -1;
        }
        return total + part + section + Math.max(digit, 0);
    }

    static int digitOf(char c) {
        return switch (c) {
            case '零', '〇', '0' -> 0;
            case '一', '1' -> 1;
            case '二', '两', '2' -> 2;
            case '三', '3' -> 3;
            case '四', '4' -> 4;
            case '五', '5' -> 5;
            case '六', '6' -> 6;
            case '七', '7' -> 7;
            case '八', '8' -> 8;
            case '九', '9' -> 9;
            default -> -1;
        };
    }
}
