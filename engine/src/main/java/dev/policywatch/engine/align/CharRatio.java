package dev.policywatch.engine.align;


/**
 * The character-level similarity ratio 2·LCS / (|a| + |b|). The LCS length is computed
 * bit-parallel (Hyyrö's algorithm: |a|/64 word operations per character of b), and texts longer
 * than the limit are not compared (ratio 0), so the cost stays bounded.
 */
final class CharRatio {

    private CharRatio() {
    }

    static double ratio(String a, String b, int maxLength) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        if (a.length() > maxLength || b.length() > maxLength || a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        return 2.0 * lcs(a, b) / (a.length() + b.length());
    }

    /** Length of the longest common subsequence of two strings. */
    static int lcs(String a, String b) {
        int words = (a.length() + 63) >>> 6;
        CharMasks masks = new CharMasks(a.length(), words);
        for (int i = 0; i < a.length(); i++) {
            masks.of(a.charAt(i))[i >>> 6] |= 1L << (i & 63);
        }
        long[] v = new long[words];
        java.util.Arrays.fill(v, -1L);
        for (int j = 0; j < b.length(); j++) {
            long[] m = masks.get(b.charAt(j));
            if (m == null) {
                continue;
            }
            long carry = 0;
            long borrow = 0;
            for (int w = 0; w < words; w++) {
                long x = v[w];
                long u = x & m[w];
                long t = x + u;
                long c1 = Long.compareUnsigned(t, x) < 0 ? 1 : 0;
                long sum = t + carry;
                long c2 = (carry == 1 && sum == 0) ? 1 : 0;
                carry = c1 | c2;
                long d0 = x - u;
                long b1 = Long.compareUnsigned(x, u) < 0 ? 1 : 0;
                long diff = d0 - borrow;
                long b2 = (borrow == 1 && d0 == 0) ? 1 : 0;
                borrow = b1 | b2;
                v[w] = sum | diff;
            }
        }
        int ones = 0;
        for (int w = 0; w < words; w++) {
            long word = v[w];
            int bits = Math.min(64, a.length() - (w << 6));
            if (bits < 64) {
                word &= (1L << bits) - 1;
            }
            ones += Long.bitCount(word);
        }
        return a.length() - ones;
    }

    /** Each character's match bit vector: open addressing on the char, no boxing. */
    private static final class CharMasks {
        private final char[] keys;
        private final long[][] values;
        private final int words;

        CharMasks(int length, int words) {
            int cap = Integer.highestOneBit(Math.max(8, length) * 2 - 1) * 2;
            keys = new char[cap];
            values = new long[cap][];
            this.words = words;
        }

        long[] of(char c) {
            int slot = slot(c);
            if (values[slot] == null) {
                keys[slot] = c;
                values[slot] = new long[words];
            }
            return values[slot];
        }

        long[] get(char c) {
            return values[slot(c)];
        }

        private int slot(char c) {
            int mask = keys.length - 1;
            int slot = (c * 0x9E3779B1) >>> 16 & mask;
            while (values[slot] != null && keys[slot] != c) {
                slot = (slot + 1) & mask;
            }
            return slot;
        }
    }
}
