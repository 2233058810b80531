package dev.policywatch.engine.align;

import java.util.Arrays;
import java.util.List;

/**
 * TF-IDF vectors over character bigrams for CJK runs and word unigrams plus bigrams for other
 * scripts, cosine-normalised, with the document frequencies of both versions together. Shared
 * legal boilerplate ("由有关主管部门责令改正，给予警告") occurs in many provisions and so weighs little;
 * what distinguishes a provision weighs much. Features are 64-bit keys (no strings are built).
 */
final class TfIdf {

    private static final long CJK_BIGRAM = 1L << 60;
    private static final long CJK_UNIGRAM = 2L << 60;
    private static final long WORD = 3L << 60;
    private static final long WORD_BIGRAM = 4L << 60;
    private static final long MASK = (1L << 60) - 1;

    /** A sparse vector: sorted keys, matching weights, unit length. */
    record Vector(long[] keys, float[] weights) {
        static final Vector EMPTY = new Vector(new long[0], new float[0]);

        double dot(Vector o) {
            long[] a = keys;
            long[] b = o.keys;
            int i = 0;
            int j = 0;
            double sum = 0;
            while (i < a.length && j < b.length) {
                long x = a[i];
                long y = b[j];
                if (x == y) {
                    sum += weights[i++] * (double) o.weights[j++];
                } else if (x < y) {
                    i++;
                } else {
                    j++;
                }
            }
            return Math.min(1.0, sum);
        }

        /** The weight of feature {@code key}, 0 when absent. */
        float weightOf(long key) {
            int at = Arrays.binarySearch(keys, key);
            return at < 0 ? 0 : weights[at];
        }

        /**
         * How much of each text the other contains, asymmetric unlike the cosine: {@code out[at]} is
         * the share of this (unit-length) vector's weight that {@code o} also has (how much of this
         * text is in the other, whatever the other adds) and {@code out[at + 1]} the same of
         * {@code o} in this. One pass over the common features.
         */
        void coverage(Vector o, double[] out, int at) {
            long[] a = keys;
            long[] b = o.keys;
            int i = 0;
            int j = 0;
            double mine = 0;
            double theirs = 0;
            while (i < a.length && j < b.length) {
                long x = a[i];
                long y = b[j];
                if (x == y) {
                    mine += weights[i] * (double) weights[i];
                    theirs += o.weights[j] * (double) o.weights[j];
                    i++;
                    j++;
                } else if (x < y) {
                    i++;
                } else {
                    j++;
                }
            }
            out[at] = Math.min(1.0, mine);
            out[at + 1] = Math.min(1.0, theirs);
        }
    }

    private TfIdf() {
    }

    /**
     * Vectors for the texts marked {@code wanted} ({@link Vector#EMPTY} for the others), with document
     * frequencies over all of them (first the old texts, then the new ones; each already folded with
     * its references masked, {@link CanonicalForms#tokenSource}). A text that is already aligned (most
     * of an amended law's articles, paired by their exact text) is only counted, never sorted into a
     * vector; the weights of the others are the same as if every vector were built.
     */
    static Vector[] vectors(List<String> texts, boolean[] wanted) {
        return vectors(texts, wanted, new LongIntMap(1024));
    }

    /**
     * {@link #vectors(List, boolean[])}, counting the document frequency of every feature (over all
     * the texts, wanted or not) into {@code df}, which must be empty.
     */
    static Vector[] vectors(List<String> texts, boolean[] wanted, LongIntMap df) {
        int n = texts.size();
        long[][] counted = new long[n][];
        int[][] tfs = new int[n][];
        for (int d = 0; d < n; d++) {
            long[] tokens = tokens(texts.get(d));
            if (!wanted[d]) {
                for (long t : tokens) {
                    df.countOnce(t, d + 1);
                }
                continue;
            }
            Arrays.sort(tokens);
            int distinct = 0;
            for (int k = 0; k < tokens.length; k++) {
                if (k == 0 || tokens[k] != tokens[k - 1]) {
                    distinct++;
                }
            }
            long[] keys = new long[distinct];
            int[] tf = new int[distinct];
            int u = -1;
            for (int k = 0; k < tokens.length; k++) {
                if (k == 0 || tokens[k] != tokens[k - 1]) {
                    keys[++u] = tokens[k];
                    df.countOnce(tokens[k], d + 1);
                }
                tf[u]++;
            }
            counted[d] = keys;
            tfs[d] = tf;
        }
        Vector[] vectors = new Vector[n];
        // idf depends only on the document frequency and (1 + log tf) only on tf: tabulate both
        // instead of two logarithms per feature of every text
        double[] idfOfDf = new double[n + 1];
        for (int f = 1; f <= n; f++) {
            idfOfDf[f] = Math.log((n + 1.0) / (f + 1.0)) + 1.0;
        }
        double[] tfWeight = new double[64];
        for (int t = 1; t < tfWeight.length; t++) {
            tfWeight[t] = 1.0 + Math.log(t);
        }
        for (int d = 0; d < n; d++) {
            long[] keys = counted[d];
            if (keys == null || keys.length == 0) {
                vectors[d] = Vector.EMPTY;
                continue;
            }
            float[] w = new float[keys.length];
            double norm = 0;
            int[] tf = tfs[d];
            for (int k = 0; k < keys.length; k++) {
                double idf = idfOfDf[df.get(keys[k])];
                double weight = (tf[k] < tfWeight.length ? tfWeight[tf[k]] : 1.0 + Math.log(tf[k])) * idf;
                w[k] = (float) weight;
                norm += weight * weight;
            }
            float inv = (float) (1.0 / Math.sqrt(norm));
            for (int k = 0; k < w.length; k++) {
                w[k] *= inv;
            }
            vectors[d] = new Vector(keys, w);
        }
        return vectors;
    }

    /** The feature keys of one folded, masked text (with repeats). */
    static long[] tokens(String s) {
        long[] out = new long[Math.max(16, s.length() * 2)];
        int size = 0;
        int i = 0;
        int n = s.length();
        long previousWord = -1;
        while (i < n) {
            char c = s.charAt(i);
            if (isCjk(c)) {
                int start = i;
                while (i < n && isCjk(s.charAt(i))) {
                    i++;
                }
                if (i - start == 1) {
                    out[size++] = CJK_UNIGRAM | c;
                } else {
                    for (int k = start; k + 1 < i; k++) {
                        out[size++] = CJK_BIGRAM | ((long) s.charAt(k) << 16) | s.charAt(k + 1);
                    }
                }
                previousWord = -1;
            } else if (Character.isLetterOrDigit(c)) {
                long h = 0xcbf29ce484222325L;
                while (i < n && Character.isLetterOrDigit(s.charAt(i)) && !isCjk(s.charAt(i))) {
                    h = (h ^ Character.toLowerCase(s.charAt(i))) * 0x100000001b3L;
                    i++;
                }
                long word = h & MASK;
                out[size++] = WORD | word;
                if (previousWord >= 0) {
                    out[size++] = WORD_BIGRAM | ((previousWord * 31 + word) & MASK);
                }
                previousWord = word;
            } else {
                i++;
            }
            if (size + 4 >= out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
        }
        return Arrays.copyOf(out, size);
    }

    static boolean isCjk(char c) {
        return (c >= '\u4E00' && c <= '\u9FFF') || (c >= '\u3400' && c <= '\u4DBF') || (c >= '\u3040' && c <= '\u30FF')
                || (c >= '\uAC00' && c <= '\uD7AF') || (c >= '\uF900' && c <= '\uFAFF');
    }
}
