package dev.policywatch.engine.segment;

/**
 * Reads the numbers of Chinese legal numbering (Simplified or Traditional): 一百零二, 二十, 十, 两千, 兩萬, and ASCII or full-width
 * digits. Used to decide whether a 第X条 moves forward; not a general number parser.
 */
public final class ChineseNumerals {

    private ChineseNumerals() {
    }

    /** The value of a numeral, or -1 when it is not one. */
    public static long parse(String numeral) {
        if (numeral == null || numeral.isEmpty()) {
            return -1;
        }
        boolean digits = true;
        for (int i = 0; i < numeral.length(); i++) {
            char c = numeral.charAt(i);
            if (!(c >= '0' && c <= '9') && !(c >= '０' && c <= '９')) {
                digits = false;
                break;
            }
        }
        if (digits) {
            if (numeral.length() > 9) {
                return -1;
            }
            long v = 0;
            for (int i = 0; i < numeral.length(); i++) {
                char c = numeral.charAt(i);
                v = v * 10 + (c >= '０' ? c - '０' : c - '0');
            }
            return v;
        }
        long total = 0;
        long section = 0;
        long digit = -1;
        for (int i = 0; i < numeral.length(); i++) {
            char c = numeral.charAt(i);
            int d = digitOf(c);
            if (d >= 0) {
                digit = d;
                continue;
            }
            long unit = switch (c) {
                case '十' -> 10;
                case '百' -> 100;
                case '千' -> 1000;
                case '万', '萬' -> 10000;
                default -> -1;
            };
            if (unit < 0) {
                return -1;
            }
            if (unit == 10000) {
                section += Math.max(digit, 0);
                total += (section == 0 ? 1 : section) * 10000;
                section = 0;
            } else {
                section += (digit < 0 ? 1 : digit) * unit;
            }
            digit = -1;
        }
        if (digit > 0) {
            section += digit;
        }
        return total + section;
    }

    private static int digitOf(char c) {
        return switch (c) {
            case '零', '〇' -> 0;
            case '一' -> 1;
            case '二', '两', '兩' -> 2;
            case '三' -> 3;
            case '四' -> 4;
            case '五' -> 5;
            case '六' -> 6;
            case '七' -> 7;
            case '八' -> 8;
            case '九' -> 9;
            default -> -1;
        };
    }
}
