package dev.policywatch.engine.lineage;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How alike two title keys ({@link DraftMarkers#key}) are. Pure and thread-safe. */
public final class Titles {

    /** How near two titles without markers must be to count as the same title (character ratio). */
    public static final double SAME_TITLE = 0.85;

    private static final Pattern NUMBERS = Pattern.compile("[0-9零〇一二三四五六七八九十百千]+");

    private Titles() {
    }

    /** Same numbers, in order, and a character ratio of at least {@value #SAME_TITLE}. */
    public static boolean sameTitle(String a, String b) {
        return !a.isEmpty() && !b.isEmpty() && sameNumbers(a, b) && ratio(a, b) >= SAME_TITLE;
    }

    /** The numbers in both keys are the same, in order (2023 vs 2024 is another document). */
    public static boolean sameNumbers(String a, String b) {
        return numbers(a).equals(numbers(b));
    }

    private static String numbers(String s) {
        StringBuilder sb = new StringBuilder();
        Matcher m = NUMBERS.matcher(s);
        while (m.find()) {
            sb.append(m.group()).append(' ');
        }
        return sb.toString();
    }

    /** 2·LCS / (|a| + |b|) over characters; titles are short. */
    public static double ratio(String a, String b) {
        if (a.equals(b)) {
            return 1;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = a.charAt(i - 1) == b.charAt(j - 1) ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return 2.0 * prev[b.length()] / (a.length() + b.length());
    }
}
