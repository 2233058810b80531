package dev.policywatch.engine.segment;

import dev.policywatch.events.Block;
import dev.policywatch.events.BlockType;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The increasing sequence in which a document's own numbering shows itself. Candidate labels are
 * found wherever they sit; the ones that belong to the numbering are those of the heaviest strictly
 * increasing chain in document order. A reference (a table cell citing "§4.3", a paragraph starting
 * "第十条规定的…") breaks the order and so stays out, and one out-of-place number cannot push a whole
 * run of real ones out of the chain, as a greedy "larger than the last" rule would.
 */
public final class Chains {

    /** Weight of a candidate where most candidates of its kind are (heading, paragraph, list, table). */
    static final double MAJORITY = 1.0;
    /** Weight of a candidate elsewhere: it joins the chain only where nothing better competes. */
    static final double MINORITY = 0.5;

    private Chains() {
    }

    /**
     * The heaviest strictly increasing chain (O(n log n): a Fenwick tree of prefix maxima over the
     * keys' ranks). Of equally heavy chains the one that ends, and steps, earliest wins.
     *
     * @param keys    candidate numbers in document order, compared by {@link Numbers#compare}
     * @param weights the weight of each candidate
     * @return which candidates are in the chain
     */
    public static boolean[] heaviestIncreasing(List<double[]> keys, double[] weights) {
        int n = keys.size();
        boolean[] in = new boolean[n];
        if (n == 0) {
            return in;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Comparator<Integer> byKey = (a, b) -> Numbers.compare(keys.get(a), keys.get(b));
        Arrays.sort(order, byKey);
        int[] rank = new int[n];
        int r = 0;
        for (int k = 0; k < n; k++) {
            if (k > 0 && byKey.compare(order[k - 1], order[k]) != 0) {
                r++;
            }
            rank[order[k]] = r + 1; // 1-based for the tree
        }
        double[] treeValue = new double[r + 2];
        int[] treeIndex = new int[r + 2];
        Arrays.fill(treeIndex, -1);
        double[] best = new double[n];
        int[] previous = new int[n];
        int end = -1;
        for (int i = 0; i < n; i++) {
            // best chain ending at a strictly smaller key, before i
            double value = 0;
            int from = -1;
            for (int x = rank[i] - 1; x > 0; x -= x & -x) {
                if (treeIndex[x] >= 0 && (treeValue[x] > value || (treeValue[x] == value && from >= 0 && treeIndex[x] < from))) {
                    value = treeValue[x];
                    from = treeIndex[x];
                }
            }
            best[i] = value + weights[i];
            previous[i] = from;
            for (int x = rank[i]; x < treeValue.length; x += x & -x) {
                if (treeIndex[x] < 0 || best[i] > treeValue[x]) {
                    treeValue[x] = best[i];
                    treeIndex[x] = i;
                }
            }
            if (end < 0 || best[i] > best[end]) {
                end = i;
            }
        }
        for (int i = end; i >= 0; i = previous[i]) {
            in[i] = true;
        }
        return in;
    }

    /**
     * Where a label sits, for the majority rule: heading, paragraph, list item or table cell, and
     * whether the block holds the label alone ("第十条" in a cell) or text after it.
     */
    static int location(Block b, boolean bare) {
        return b.type().ordinal() * 2 + (bare ? 1 : 0);
    }

    /** The block type most candidates have (PARAGRAPH when there are none). */
    static BlockType usualType(List<Block> candidates) {
        int[] counts = new int[BlockType.values().length];
        for (Block b : candidates) {
            counts[b.type().ordinal()]++;
        }
        int best = BlockType.PARAGRAPH.ordinal();
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] > counts[best]) {
                best = k;
            }
        }
        return BlockType.values()[best];
    }

    /** Weights by where the labels sit (all with text after them). */
    static double[] locationWeights(List<Block> candidates) {
        return locationWeights(candidates, new boolean[candidates.size()]);
    }

    /**
     * Weights: candidates where most candidates of their kind sit count fully, the others half. A
     * label alone in a table cell, among articles that are paragraphs of text, is most likely a
     * citation in a table; it joins the sequence only where no article in the usual place competes.
     */
    static double[] locationWeights(List<Block> candidates, boolean[] bare) {
        int[] counts = new int[BlockType.values().length * 2];
        for (int i = 0; i < candidates.size(); i++) {
            counts[location(candidates.get(i), bare[i])]++;
        }
        int majority = 0;
        for (int k = 1; k < counts.length; k++) {
            if (counts[k] > counts[majority]) {
                majority = k;
            }
        }
        double[] w = new double[candidates.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = location(candidates.get(i), bare[i]) == majority ? MAJORITY : MINORITY;
        }
        return w;
    }

    /**
     * True when {@code next} directly follows {@code previous} in a numbering: the same depth with
     * the last part one more (4.2 → 4.3), a first child (4.3 → 4.3.1), or a step back up with the
     * part there one more (4.3.2 → 4.4, 4.3.2 → 5). The first number of a document must be a 1.
     */
    static boolean directlyFollows(double[] previous, double[] next) {
        if (previous == null) {
            for (double part : next) {
                if (part > 1) {
                    return false;
                }
            }
            return true;
        }
        if (next.length == previous.length + 1 && next[next.length - 1] <= 1) {
            return Arrays.equals(Arrays.copyOf(next, previous.length), previous);
        }
        if (next.length > previous.length) {
            return false;
        }
        int last = next.length - 1;
        for (int k = 0; k < last; k++) {
            if (next[k] != previous[k]) {
                return false;
            }
        }
        double step = next[last] - previous[last];
        return step > 0 && step <= 1.0001;
    }
}
