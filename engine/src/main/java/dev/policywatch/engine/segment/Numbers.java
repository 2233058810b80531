package dev.policywatch.engine.segment;

/** Sort keys of printed numbers: 3.2.1, 12a, IV, 5-1 as arrays of parts compared in order. */
final class Numbers {

    private Numbers() {
    }

    /** The key of a number made of parts separated by dots or hyphens. */
    static double[] key(String number) {
        String[] parts = number.split("[.\\-]");
        double[] key = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            key[i] = value(parts[i]);
        }
        return key;
    }

    /**
     * The key of a number whose single capital letters count in the alphabet (Appendix A, B, C, D
     * of a document that letters its units), not as roman numerals (C = 100, D = 500).
     */
    static double[] key(String number, boolean lettered) {
        double[] key = key(number);
        if (lettered) {
            String[] parts = number.split("[.\\-]");
            for (int i = 0; i < parts.length; i++) {
                if (parts[i].matches("[A-Z]")) {
                    key[i] = parts[i].charAt(0) - 'A' + 1;
                }
            }
        }
        return key;
    }

    /** True for a single capital letter that no roman numeral reads (A, B, E …): the units are lettered. */
    static boolean lettered(String number) {
        return number.matches("[ABE-HJKN-UWYZ](?:[.\\-].*)?");
    }

    private static double value(String part) {
        if (part.matches("\\d+")) {
            return Double.parseDouble(part);
        }
        if (part.matches("\\d+[A-Za-z]")) {
            return Double.parseDouble(part.substring(0, part.length() - 1))
                    + (Character.toLowerCase(part.charAt(part.length() - 1)) - 'a' + 1) / 100.0;
        }
        if (part.matches("[IVXLCDM]+")) {
            return roman(part);
        }
        return 0;
    }

    static int roman(String s) {
        int total = 0;
        int prev = 0;
        for (int i = s.length() - 1; i >= 0; i--) {
            int v = switch (s.charAt(i)) {
                case 'I' -> 1;
                case 'V' -> 5;
                case 'X' -> 10;
                case 'L' -> 50;
                case 'C' -> 100;
                case 'D' -> 500;
                default -> 1000;
            };
            total += v < prev ? -v : v;
            prev = Math.max(prev, v);
        }
        return total;
    }

    /** Part by part; a prefix sorts before its extensions (4.3 &lt; 4.3.1 &lt; 4.4). */
    static int compare(double[] a, double[] b) {
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            int c = Double.compare(a[i], b[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.length, b.length);
    }
}
