package dev.policywatch.engine.align;

import dev.policywatch.engine.segment.Chains;
import dev.policywatch.engine.segment.Provision;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pairs the provisions of two versions, content first, labels last, in passes:
 * <ol>
 *   <li>(identifier documents) the same identifier pairs first: identifiers are stable;</li>
 *   <li>exact text, then exact text with cross-reference numbers masked, in document order;</li>
 *   <li>confident pairs anywhere: TF-IDF cosine ≥ 0.75, or ≥ 0.30 when the pair stands out
 *       (every other candidate in its row and column ≤ 0.6 × its similarity); agreement of
 *       cross-references with the pairs found so far, and keeping both the old number and the old
 *       place beside the exact pairs, break near-ties;</li>
 *   <li>weak pairs (&gt; 0.18) only in order, bracketed by already paired neighbours on both sides
 *       (neighbours in the heaviest chain of pairs in document order: a moved article brackets
 *       nothing);</li>
 *   <li>a character-level ratio ≥ 0.5 under the same stands-out rule;</li>
 *   <li>the same label, bracketed in order (an article rewritten in place), unless the wording of
 *       either side points to another unpaired provision;</li>
 *   <li>document-wide renames learned from all pairs so far ({@link Renames}): the renamed names are
 *       taken out of both sides and passes 3–4 (with containment) run again on what is unpaired;</li>
 *   <li>distinctive residuals: two leftovers that share a feature found in no other provision of
 *       either version, are each other's most similar leftover and do not cite disagreeing
 *       provisions ({@link Run#distinctivePass}).</li>
 * </ol>
 * In identifier documents different identifiers pair only at ≥ 0.9 and passes 4–8 are skipped.
 * Work is bounded: beyond {@value #MAX_PAIR_EVALUATIONS} similarity evaluations only a band around
 * the diagonal is compared, giving a coarser result on pathological input instead of a hang.
 * Stateless and thread-safe.
 */
public final class ProvisionAligner {

    static final double CONFIDENT = 0.75;
    static final double STANDS_OUT_MIN = 0.30;
    static final double STANDS_OUT_FACTOR = 0.6;
    static final double WEAK = 0.18;
    static final double CHAR_RATIO = 0.5;
    static final double RATIO_WEIGHT = 0.15;
    static final double IDENTIFIER_RENAME = 0.9;
    static final double CONTAINED = 0.75;
    static final double LABEL_EVIDENCE = 0.05;
    /**
     * Ranking bonus of a candidate that keeps both the old number and the old place beside an anchored
     * neighbour ({@code inPlace}): the same scale
     * as the cross-reference agreement, so it decides near-ties of content evidence only.
     */
    static final double PLACE_EVIDENCE = 0.05;
    static final long MAX_PAIR_EVALUATIONS = 2_000_000L;
    static final int MAX_CHAR_RATIO_PAIRS = 2_500;
    static final int MAX_CHAR_RATIO_LENGTH = 2_000;
    static final long MAX_CHAR_RATIO_CELLS = 40_000_000L;

    /**
     * Aligns two provision lists.
     *
     * @param byIdentifier true when both versions label provisions with stable identifiers
     */
    public Alignment align(List<Provision> old, List<Provision> neu, boolean byIdentifier) {
        return alignForms(old.stream().map(CanonicalForms::of).toList(), neu.stream().map(CanonicalForms::of).toList(),
                byIdentifier);
    }

    /**
     * Aligns two provision lists whose comparison forms the caller already holds (and reuses, as
     * {@code DocumentDiff} does to classify the pairs).
     *
     * @param byIdentifier true when both versions label provisions with stable identifiers
     */
    public Alignment alignForms(List<CanonicalForms> old, List<CanonicalForms> neu, boolean byIdentifier) {
        return new Run(old, neu, byIdentifier).run();
    }

    private static final class Run {
        final List<Provision> old;
        final List<Provision> neu;
        final boolean byIdentifier;
        final int m;
        final int n;
        final int[] newOf;
        final int[] oldOf;
        /** The similarity that paired each old provision (1 for exact text). */
        final double[] pairSimilarity;
        /** Old provisions whose pair is in document order (see {@link #markAnchors}); the others moved. */
        final boolean[] anchor;
        final String[] oldCanon;
        final String[] newCanon;
        final Map<String, Integer> oldByLabel = new HashMap<>();
        /** New indices by label, in order (a label printed twice has two). */
        final Map<String, List<Integer>> newByLabel = new HashMap<>();
        final List<List<String>> oldRefs = new ArrayList<>();
        final List<Set<String>> newRefs = new ArrayList<>();
        final List<CanonicalForms> oldForms;
        final List<CanonicalForms> newForms;
        TfIdf.Vector[] vectors;
        /** Document frequency of each TF-IDF feature over both versions (the texts {@link #vectors} were built from). */
        LongIntMap df;

        Run(List<CanonicalForms> oldForms, List<CanonicalForms> newForms, boolean byIdentifier) {
            this.oldForms = oldForms;
            this.newForms = newForms;
            this.old = oldForms.stream().map(CanonicalForms::provision).toList();
            this.neu = newForms.stream().map(CanonicalForms::provision).toList();
            this.byIdentifier = byIdentifier;
            m = old.size();
            n = neu.size();
            newOf = new int[m];
            oldOf = new int[n];
            pairSimilarity = new double[m];
            anchor = new boolean[m];
            Arrays.fill(newOf, -1);
            Arrays.fill(oldOf, -1);
            oldCanon = new String[m];
            newCanon = new String[n];
            for (int i = 0; i < m; i++) {
                oldCanon[i] = oldForms.get(i).canonical();
                oldByLabel.putIfAbsent(old.get(i).label(), i);
                oldRefs.add(oldForms.get(i).references());
            }
            for (int j = 0; j < n; j++) {
                newCanon[j] = newForms.get(j).canonical();
                newByLabel.computeIfAbsent(neu.get(j).label(), k -> new ArrayList<>()).add(j);
                newRefs.add(new HashSet<>(newForms.get(j).references()));
            }
        }

        Alignment run() {
            if (byIdentifier) {
                for (int i = 0; i < m; i++) {
                    Integer j = sameLabel(i);
                    if (j != null) {
                        pair(i, j, 1.0);
                    }
                }
            }
            exactPass(false);
            exactPass(true);
            if (freeCount(newOf) > 0 && freeCount(oldOf) > 0) {
                List<String> texts = new ArrayList<>(m + n);
                oldForms.forEach(f -> texts.add(f.tokenSource()));
                newForms.forEach(f -> texts.add(f.tokenSource()));
                df = new LongIntMap(1024);
                vectors = TfIdf.vectors(texts, unpaired(), df);
                markAnchors(); // the exact pairs in order: where each unpaired provision is expected
                List<double[]> candidates = candidates();
                if (byIdentifier) {
                    greedy(candidates, IDENTIFIER_RENAME, Double.MAX_VALUE, false);
                } else {
                    wordingPasses(candidates);
                    charRatioPass();
                    markAnchors();
                    labelPass(candidates);
                    List<double[]> renamed = renamedCandidates(texts);
                    if (renamed != null) {
                        // the wording again, under the new names; numbers said what they could the first time
                        wordingPasses(renamed);
                    }
                    distinctivePass();
                }
            }
            return new Alignment(newOf, oldOf);
        }

        /** The passes that compare TF-IDF wording: containment, confident, mutual best, then in order. */
        void wordingPasses(List<double[]> candidates) {
            containmentPass(candidates);
            greedy(candidates, CONFIDENT, STANDS_OUT_MIN, false);
            mutualBestPass(candidates);
            markAnchors();
            greedy(byEvidence(candidates), WEAK, Double.MAX_VALUE, true);
        }

        /**
         * Document-wide renames ({@link Renames}): learned from the pairs found so far, applied to the
         * old texts, and the still unpaired provisions compared again; null when nothing is left to
         * pair or no rename recurs consistently (the candidates stay as they were).
         */
        List<double[]> renamedCandidates(List<String> texts) {
            if (freeCount(newOf) == 0 || freeCount(oldOf) == 0) {
                return null;
            }
            List<String[]> pairs = new ArrayList<>();
            for (int i = 0; i < m; i++) {
                if (newOf[i] >= 0) {
                    pairs.add(new String[] {texts.get(i), texts.get(m + newOf[i])});
                }
            }
            List<Renames.Rename> renames = Renames.learn(pairs);
            if (renames.isEmpty()) {
                return null;
            }
            List<List<String[]>> rules = Renames.neutralising(renames);
            List<String> renamed = new ArrayList<>(texts);
            boolean changed = false;
            for (int i = 0; i < m; i++) {
                renamed.set(i, Renames.replace(texts.get(i), rules.get(0)));
                changed |= newOf[i] < 0 && !renamed.get(i).equals(texts.get(i));
            }
            if (!changed) {
                return null; // no unpaired old text uses an old term: nothing to compare again
            }
            for (int j = 0; j < n; j++) {
                renamed.set(m + j, Renames.replace(texts.get(m + j), rules.get(1)));
            }
            df = new LongIntMap(1024);
            vectors = TfIdf.vectors(renamed, unpaired(), df);
            return candidates();
        }

        /** Which texts (old ones, then new ones) are still unpaired: only those are compared. */
        boolean[] unpaired() {
            boolean[] wanted = new boolean[m + n];
            for (int i = 0; i < m; i++) {
                wanted[i] = newOf[i] < 0;
            }
            for (int j = 0; j < n; j++) {
                wanted[m + j] = oldOf[j] < 0;
            }
            return wanted;
        }

        /** The first unpaired new provision printed with old i's label, or null. */
        Integer sameLabel(int i) {
            List<Integer> js = newByLabel.get(old.get(i).label());
            if (js != null) {
                for (int j : js) {
                    if (oldOf[j] < 0) {
                        return j;
                    }
                }
            }
            return null;
        }

        void pair(int i, int j, double similarity) {
            pairSimilarity[i] = similarity;
            newOf[i] = j;
            oldOf[j] = i;
        }

        /** Exact (or masked-exact) text: the k-th occurrence of a text pairs with its k-th occurrence. */
        void exactPass(boolean masked) {
            Map<String, List<Integer>> newByText = new LinkedHashMap<>();
            for (int j = 0; j < n; j++) {
                if (oldOf[j] < 0) {
                    newByText.computeIfAbsent(masked ? newForms.get(j).masked() : newCanon[j], k -> new ArrayList<>()).add(j);
                }
            }
            Map<String, Integer> used = new HashMap<>();
            for (int i = 0; i < m; i++) {
                if (newOf[i] >= 0) {
                    continue;
                }
                String k = masked ? oldForms.get(i).masked() : oldCanon[i];
                List<Integer> js = newByText.get(k);
                if (js == null) {
                    continue;
                }
                int at = used.getOrDefault(k, 0);
                if (at < js.size()) {
                    pair(i, js.get(at), 1.0);
                    used.put(k, at + 1);
                }
            }
        }

        /** Candidate pairs {i, j, score} with similarity above the weak threshold, best first. */
        List<double[]> candidates() {
            int[] freeOld = freeIndices(newOf);
            int[] freeNew = freeIndices(oldOf);
            long evaluations = (long) freeOld.length * freeNew.length;
            // beyond the budget, compare each old provision with a band of new ones around its expected place
            int band = evaluations <= MAX_PAIR_EVALUATIONS ? Integer.MAX_VALUE
                    : (int) Math.max(1, MAX_PAIR_EVALUATIONS / Math.max(1, freeOld.length) / 2);
            int[][] places = expectedPlaces();
            List<double[]> out = new ArrayList<>();
            for (int a = 0; a < freeOld.length; a++) {
                int i = freeOld[a];
                int centre = (int) ((long) a * freeNew.length / Math.max(1, freeOld.length));
                int from = band == Integer.MAX_VALUE ? 0 : Math.max(0, centre - band);
                int to = band == Integer.MAX_VALUE ? freeNew.length : Math.min(freeNew.length, centre + band + 1);
                for (int b = from; b < to; b++) {
                    int j = freeNew[b];
                    double s = vectors[i].dot(vectors[m + j]);
                    if (s > WEAK) {
                        // {old, new, cosine, ranking score, character ratio, old-in-new, new-in-old}
                        double place = inPlace(i, j, places) ? PLACE_EVIDENCE : 0;
                        double[] c = {i, j, s, s + referenceBonus(i, j) + place, -1, 0, 0};
                        vectors[i].coverage(vectors[m + j], c, 5);
                        out.add(c);
                    }
                }
            }
            blendCharacterRatio(out);
            out.sort((x, y) -> Double.compare(y[3], x[3]));
            return out;
        }

        /**
         * Where each old provision stands in the new version if it kept its place: as far after the
         * new partner of its nearest anchored predecessor as it is after that predecessor
         * ({@code [0][i]}), or as far before the partner of its nearest anchored successor
         * ({@code [1][i]}); -1 when there is no such neighbour. An article amended in place (Taiwan's
         * 第28條 beside an inserted 第29-1條, or a PRC article shifted by an insertion before it) is at
         * one of the two; its content rivals usually are not. Anchors are {@link #markAnchors}'s chain.
         */
        int[][] expectedPlaces() {
            int[] after = new int[m];
            int[] before = new int[m];
            int lastOld = -1;
            for (int i = 0; i < m; i++) {
                after[i] = lastOld < 0 ? -1 : newOf[lastOld] + (i - lastOld);
                if (newOf[i] >= 0 && anchor[i]) {
                    lastOld = i;
                }
            }
            int nextOld = -1;
            for (int i = m - 1; i >= 0; i--) {
                before[i] = nextOld < 0 ? -1 : newOf[nextOld] - (nextOld - i);
                if (newOf[i] >= 0 && anchor[i]) {
                    nextOld = i;
                }
            }
            return new int[][] {after, before};
        }

        /**
         * True when new j keeps both old i's number and its place beside an anchored neighbour
         * ({@link #expectedPlaces}): an article amended in place. Either alone is weak evidence (a
         * renumbering shifts labels; an insertion or a merge leaves two articles at one place), both
         * together are what an amendment that keeps its numbers looks like.
         */
        boolean inPlace(int i, int j, int[][] places) {
            return (j == places[0][i] || j == places[1][i]) && old.get(i).label().equals(neu.get(j).label());
        }

        /**
         * Near-ties of cosine are decided by the character-level ratio: of two candidates that share
         * as much vocabulary, the one that keeps more of the old wording in order is the successor.
         * Skipped (cosine alone) when it would cost more than the budget.
         */
        void blendCharacterRatio(List<double[]> candidates) {
            // only contenders need the ratio: similar enough to pair, and first or second in their row or column
            Map<Integer, double[]> rowTop = new HashMap<>();
            Map<Integer, double[]> colTop = new HashMap<>();
            for (double[] c : candidates) {
                top2(rowTop.computeIfAbsent((int) c[0], k -> new double[2]), c[2]);
                top2(colTop.computeIfAbsent((int) c[1], k -> new double[2]), c[2]);
            }
            List<double[]> contenders = new ArrayList<>();
            long cells = 0;
            for (double[] c : candidates) {
                if (c[2] >= STANDS_OUT_MIN && (c[2] >= rowTop.get((int) c[0])[1] || c[2] >= colTop.get((int) c[1])[1])) {
                    contenders.add(c);
                    cells += (long) Math.min(oldCanon[(int) c[0]].length(), MAX_CHAR_RATIO_LENGTH)
                            * Math.min(newCanon[(int) c[1]].length(), MAX_CHAR_RATIO_LENGTH);
                }
            }
            if (cells > MAX_CHAR_RATIO_CELLS) {
                return;
            }
            for (double[] c : contenders) {
                double ratio = CharRatio.ratio(oldCanon[(int) c[0]], newCanon[(int) c[1]], MAX_CHAR_RATIO_LENGTH);
                c[3] = (1 - RATIO_WEIGHT) * c[2] + RATIO_WEIGHT * ratio + (c[3] - c[2]);
                c[4] = ratio;
            }
        }

        private static void top2(double[] top, double value) {
            if (value > top[0]) {
                top[1] = top[0];
                top[0] = value;
            } else if (value > top[1]) {
                top[1] = value;
            }
        }

        /**
         * Pairs that are each other's best remaining candidate, similar enough to trust (cosine ≥ 0.30)
         * and confirmed by the wording (character ratio ≥ 0.5). Stock legal phrasing makes several
         * penalty articles each other's best by a hair; they fail the ratio and stay for later passes.
         */
        void mutualBestPass(List<double[]> candidates) {
            Map<Integer, double[]> bestOfRow = new HashMap<>();
            Map<Integer, double[]> bestOfCol = new HashMap<>();
            for (double[] c : candidates) {
                int i = (int) c[0];
                int j = (int) c[1];
                if (newOf[i] >= 0 || oldOf[j] >= 0) {
                    continue;
                }
                bestOfRow.merge(i, c, (x, y) -> x[3] >= y[3] ? x : y);
                bestOfCol.merge(j, c, (x, y) -> x[3] >= y[3] ? x : y);
            }
            for (double[] c : candidates) {
                int i = (int) c[0];
                int j = (int) c[1];
                if (c[2] >= STANDS_OUT_MIN && c[4] >= CHAR_RATIO && newOf[i] < 0 && oldOf[j] < 0
                        && bestOfRow.get(i) == c && bestOfCol.get(j) == c) {
                    pair(i, j, c[2]);
                }
            }
        }

        /**
         * Cross-reference agreement: old 第二十四条 cites 第十二条, which became 第十三条; a new article citing
         * 第十三条 is the likelier successor. Small enough to only reorder near-ties.
         */
        double referenceBonus(int i, int j) {
            List<String> refs = oldRefs.get(i);
            Set<String> target = newRefs.get(j);
            if (refs.isEmpty() || target.isEmpty()) {
                return 0;
            }
            int known = 0;
            int agree = 0;
            for (String ref : refs) {
                Integer oi = oldByLabel.get(ref);
                if (oi == null || newOf[oi] < 0) {
                    continue;
                }
                known++;
                if (target.contains(neu.get(newOf[oi]).label())) {
                    agree++;
                }
            }
            return known == 0 ? 0 : 0.05 * (2.0 * agree / known - 1.0);
        }

        /**
         * Greedy pairing, best score first. A pair is taken when its similarity reaches {@code sure},
         * or reaches {@code standsOutMin} and stands out in its row and column; {@code ordered} instead
         * requires the pair to sit between already paired neighbours.
         */
        void greedy(List<double[]> candidates, double sure, double standsOutMin, boolean ordered) {
            Map<Integer, List<double[]>> byRow = new HashMap<>();
            Map<Integer, List<double[]>> byCol = new HashMap<>();
            if (!ordered) {
                for (double[] c : candidates) {
                    byRow.computeIfAbsent((int) c[0], k -> new ArrayList<>()).add(c);
                    byCol.computeIfAbsent((int) c[1], k -> new ArrayList<>()).add(c);
                }
            }
            for (double[] c : candidates) {
                int i = (int) c[0];
                int j = (int) c[1];
                if (newOf[i] >= 0 || oldOf[j] >= 0) {
                    continue;
                }
                double s = c[2];
                boolean take;
                if (ordered) {
                    take = s > sure && bracketed(i, j);
                } else {
                    take = s >= sure || (s >= standsOutMin && standsOut(c, byRow.get(i), byCol.get(j)));
                }
                if (take) {
                    pair(i, j, c[2]);
                    if (ordered) {
                        anchor[i] = true; // between two anchors: the chain stays increasing
                    }
                }
            }
        }

        boolean standsOut(double[] c, List<double[]> row, List<double[]> col) {
            double limit = STANDS_OUT_FACTOR * c[3];
            for (double[] o : row) {
                if (o != c && oldOf[(int) o[1]] < 0 && o[3] > limit) {
                    return false;
                }
            }
            for (double[] o : col) {
                if (o != c && newOf[(int) o[0]] < 0 && o[3] > limit) {
                    return false;
                }
            }
            return true;
        }

        /**
         * The pairs that keep document order: the heaviest chain of pairs increasing on both sides,
         * each pair weighing one plus its similarity (as many pairs as possible; of equally long
         * chains, the one of the more similar pairs). A pair outside it is a move (an article taken
         * to the front of a rewritten law); the in-order passes bracket by the chain alone, so one
         * move does not close the gap around it to every article that stayed in place.
         */
        void markAnchors() {
            List<double[]> keys = new ArrayList<>();
            List<Integer> olds = new ArrayList<>();
            for (int i = 0; i < m; i++) {
                if (newOf[i] >= 0) {
                    keys.add(new double[] {newOf[i]});
                    olds.add(i);
                }
            }
            double[] weights = new double[olds.size()];
            for (int k = 0; k < weights.length; k++) {
                weights[k] = 1 + pairSimilarity[olds.get(k)];
            }
            boolean[] in = Chains.heaviestIncreasing(keys, weights);
            Arrays.fill(anchor, false);
            for (int k = 0; k < in.length; k++) {
                anchor[olds.get(k)] = in[k];
            }
        }

        /** True when i and j lie between the same anchored pairs ({@link #markAnchors}) on both sides. */
        boolean bracketed(int i, int j) {
            int lo = -1;
            for (int p = i - 1; p >= 0; p--) {
                if (newOf[p] >= 0 && anchor[p]) {
                    lo = newOf[p];
                    break;
                }
            }
            int hi = n;
            for (int q = i + 1; q < m; q++) {
                if (newOf[q] >= 0 && anchor[q]) {
                    hi = newOf[q];
                    break;
                }
            }
            if (!(lo < j && j < hi)) {
                return false;
            }
            int loOld = -1;
            for (int p = j - 1; p >= 0; p--) {
                if (oldOf[p] >= 0 && anchor[oldOf[p]]) {
                    loOld = oldOf[p];
                    break;
                }
            }
            int hiOld = m;
            for (int q = j + 1; q < n; q++) {
                if (oldOf[q] >= 0 && anchor[oldOf[q]]) {
                    hiOld = oldOf[q];
                    break;
                }
            }
            return loOld < i && i < hiOld;
        }

        /**
         * Containment is evidence of identity: an old provision kept whole inside a longer new one
         * (a paragraph added), or a new one that is an old one minus a paragraph, scores a low cosine
         * (the added text dilutes it) but a high containment. A pair is taken when the shorter side
         * is at least {@value #CONTAINED} contained in the longer and the pair stands out in its row
         * and column by that measure (every rival ≤ 0.6 × its containment). It runs before the
         * cosine passes, which the added text would mislead; near-ties are left to them (and to the
         * cross-reference agreement they weigh). Of several old provisions contained in one new one
         * (a merge) none stands out here; the cosine passes then keep the one whose text dominates
         * the merged provision, and the in-order pass ranks by containment too.
         */
        void containmentPass(List<double[]> candidates) {
            List<double[]> contained = new ArrayList<>();
            Map<Integer, List<double[]>> byRow = new HashMap<>();
            Map<Integer, List<double[]>> byCol = new HashMap<>();
            for (double[] c : candidates) {
                if (newOf[(int) c[0]] >= 0 || oldOf[(int) c[1]] >= 0) {
                    continue;
                }
                byRow.computeIfAbsent((int) c[0], k -> new ArrayList<>()).add(c);
                byCol.computeIfAbsent((int) c[1], k -> new ArrayList<>()).add(c);
                if (containment(c) >= CONTAINED) {
                    contained.add(c);
                }
            }
            contained.sort((x, y) -> Double.compare(y[5] + y[6], x[5] + x[6]));
            for (double[] c : contained) {
                int i = (int) c[0];
                int j = (int) c[1];
                if (newOf[i] >= 0 || oldOf[j] >= 0) {
                    continue;
                }
                if (containmentStandsOut(c, byRow.get(i), byCol.get(j))) {
                    pair(i, j, c[2]);
                }
            }
        }

        static double containment(double[] c) {
            return Math.max(c[5], c[6]);
        }

        boolean containmentStandsOut(double[] c, List<double[]> row, List<double[]> col) {
            double limit = STANDS_OUT_FACTOR * containment(c);
            for (double[] o : row) {
                if (o != c && oldOf[(int) o[1]] < 0 && containment(o) > limit) {
                    return false;
                }
            }
            for (double[] o : col) {
                if (o != c && newOf[(int) o[0]] < 0 && containment(o) > limit) {
                    return false;
                }
            }
            return true;
        }

        /**
         * The weak in-order pass ranks by the stronger of cosine and containment: of two new
         * provisions between the same neighbours, the one that keeps more of the old text is its
         * successor even when the other, shorter one shares a larger fraction of words.
         */
        static List<double[]> byEvidence(List<double[]> candidates) {
            List<double[]> out = new ArrayList<>(candidates);
            out.sort((x, y) -> Double.compare(Math.max(y[3], containment(y)), Math.max(x[3], containment(x))));
            return out;
        }

        /** Last content pass: a character-level ratio, for texts whose words were rearranged. */
        void charRatioPass() {
            int[] freeOld = freeIndices(newOf);
            int[] freeNew = freeIndices(oldOf);
            if (freeOld.length == 0 || freeNew.length == 0
                    || (long) freeOld.length * freeNew.length > MAX_CHAR_RATIO_PAIRS) {
                return;
            }
            long oldChars = 0;
            long newChars = 0;
            for (int i : freeOld) {
                oldChars += Math.min(oldCanon[i].length(), MAX_CHAR_RATIO_LENGTH);
            }
            for (int j : freeNew) {
                newChars += Math.min(newCanon[j].length(), MAX_CHAR_RATIO_LENGTH);
            }
            if (oldChars * newChars > MAX_CHAR_RATIO_CELLS) {
                return; // bounded work: skip the pass rather than spend seconds on it
            }
            List<double[]> candidates = new ArrayList<>();
            for (int i : freeOld) {
                for (int j : freeNew) {
                    double r = CharRatio.ratio(oldCanon[i], newCanon[j], MAX_CHAR_RATIO_LENGTH);
                    if (r > 0) {
                        candidates.add(new double[] {i, j, r, r, r});
                    }
                }
            }
            candidates.sort((x, y) -> Double.compare(y[3], x[3]));
            greedy(candidates, Double.MAX_VALUE, CHAR_RATIO, false);
        }

        /**
         * Labels last: an unpaired article whose label is unpaired on the other side, in order, when
         * they share at least some wording (cosine ≥ {@value #LABEL_EVIDENCE}) and neither has an
         * unpaired candidate (cosine &gt; {@value #WEAK}) more similar than the other: in a full
         * replacement the same number alone says nothing about the content, and it never outweighs
         * wording that points elsewhere.
         */
        void labelPass(List<double[]> candidates) {
            Map<Integer, Double> rowBest = new HashMap<>();
            Map<Integer, Double> colBest = new HashMap<>();
            for (double[] c : candidates) {
                int i = (int) c[0];
                int j = (int) c[1];
                if (newOf[i] < 0 && oldOf[j] < 0) {
                    rowBest.merge(i, c[2], Math::max);
                    colBest.merge(j, c[2], Math::max);
                }
            }
            for (int i = 0; i < m; i++) {
                if (newOf[i] >= 0) {
                    continue;
                }
                Integer j = sameLabel(i);
                double similarity = j == null ? 0 : vectors[i].dot(vectors[m + j]);
                if (j != null && bracketed(i, j) && similarity >= LABEL_EVIDENCE
                        && rowBest.getOrDefault(i, 0.0) <= similarity && colBest.getOrDefault(j, 0.0) <= similarity) {
                    pair(i, j, similarity);
                    anchor[i] = true;
                }
            }
        }

        /**
         * Residual pass, after every other: an old and a new provision both left unpaired are paired
         * when they share a <em>distinctive</em> feature (one found in no other provision of either
         * version: patience diff's unique anchor, on content terms instead of lines), are each
         * other's most similar unpaired provision, and their citations do not disagree. A rewritten
         * rule keeps its rare subject (旅行社 in a guide-grading rule that names travel agencies in
         * that one article only) while everything else about it changes; two unrelated leftovers
         * share only common words, and a shared rare term alone does not pair them unless each is
         * the other's best. Penalty articles on the same formula that penalise different duties are
         * told apart by what they cite. Skipped for identifier documents (their passes run before)
         * and beyond the evaluation budget.
         */
        void distinctivePass() {
            int[] freeOld = freeIndices(newOf);
            int[] freeNew = freeIndices(oldOf);
            if (freeOld.length == 0 || freeNew.length == 0
                    || 2L * freeOld.length * freeNew.length > MAX_PAIR_EVALUATIONS) {
                return;
            }
            // the unpaired new provision holding each feature found in exactly two texts of both versions
            LongIntMap holder = new LongIntMap(256);
            for (int j : freeNew) {
                for (long key : vectors[m + j].keys()) {
                    if (df.get(key) == 2) {
                        holder.put(key, j + 1);
                    }
                }
            }
            Set<Long> seen = new HashSet<>();
            List<int[]> anchored = new ArrayList<>();
            for (int i : freeOld) {
                for (long key : vectors[i].keys()) {
                    int j = df.get(key) == 2 ? holder.get(key) - 1 : -1;
                    if (j >= 0 && seen.add((long) i * n + j)) {
                        anchored.add(new int[] {i, j});
                    }
                }
            }
            if (anchored.isEmpty()) {
                return;
            }
            Map<Integer, Double> rowMax = new HashMap<>();
            Map<Integer, Double> colMax = new HashMap<>();
            for (int[] a : anchored) {
                rowMax.computeIfAbsent(a[0], i -> {
                    double best = 0;
                    for (int j : freeNew) {
                        best = Math.max(best, vectors[i].dot(vectors[m + j]));
                    }
                    return best;
                });
                colMax.computeIfAbsent(a[1], j -> {
                    double best = 0;
                    for (int i : freeOld) {
                        best = Math.max(best, vectors[i].dot(vectors[m + j]));
                    }
                    return best;
                });
            }
            for (int[] a : anchored) {
                int i = a[0];
                int j = a[1];
                double similarity = vectors[i].dot(vectors[m + j]);
                if (newOf[i] < 0 && oldOf[j] < 0 && similarity >= rowMax.get(i) && similarity >= colMax.get(j)
                        && referenceBonus(i, j) >= 0) {
                    pair(i, j, similarity);
                }
            }
        }

        private static int freeCount(int[] mapping) {
            int c = 0;
            for (int v : mapping) {
                if (v < 0) {
                    c++;
                }
            }
            return c;
        }

        private static int[] freeIndices(int[] mapping) {
            int[] out = new int[freeCount(mapping)];
            int k = 0;
            for (int i = 0; i < mapping.length; i++) {
                if (mapping[i] < 0) {
                    out[k++] = i;
                }
            }
            return out;
        }
    }
}
