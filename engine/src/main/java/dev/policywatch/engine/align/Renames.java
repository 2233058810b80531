package dev.policywatch.engine.align;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Document-wide renames learned from provisions already paired with confidence. A revision that
 * renames an actor (全国导游人员等级考核评定委员会 → 国务院文化和旅游主管部门 after a reorganisation,
 * "Secretary" → "Administrator") changes it in every provision, so two provisions that still
 * correspond share little wording once the old one is full of the old name. The pairs found so far
 * show the rename: their word diffs replace one term by another. A substitution is learned only when
 * it recurs and is consistent:
 * <ul>
 *   <li>a candidate is a replaced run of a diff (a deletion is taken with one word of context on
 *       each side, so "导游人员等级" → "导游等级" is a substitution of "游人员等" by "游等"), or the
 *       longest common part of two such runs from different pairs (a rename inside two different
 *       rewrites);</li>
 *   <li>a pair <em>supports</em> old → new when its old text has more occurrences of the old term
 *       than its new text and its new text more of the new term than its old text; it
 *       <em>contradicts</em> it when the old term survives as often in its new text;</li>
 *   <li>learned: support in at least {@value #MIN_SUPPORT} pairs and no contradiction, so one
 *       coincidental edit never makes a rule.</li>
 * </ul>
 * {@link #apply} rewrites an old text with the learned renames (longest term first, one pass left
 * to right, so a replacement is never rewritten again). The work is bounded: long texts and long
 * runs are not diffed. Pure functions.
 */
final class Renames {

    static final int MIN_SUPPORT = 2;
    /** A text longer than this (in tokens) is not diffed for renames. */
    static final int MAX_TOKENS = 400;
    /** A replaced run longer than this (in tokens) is a rewrite, not a rename. */
    static final int MAX_RUN = 800;
    static final int MAX_RUNS = 200;
    static final int MAX_RENAMES = 32;
    static final long MAX_CELLS = 1_000_000L;
    /** Work bound of the search for a rename common to two runs (characters compared). */
    static final long MAX_COMMON_CELLS = 250_000L;
    /** A run taken whole as a candidate is at most this long (both sides, in characters). */
    static final int MAX_TERM = 48;
    /** A run shows a rename cleanly when it adds at most this many characters to each side. */
    static final int CLEAN_EXTRA = 2;
    /** Shortest old term, in characters. */
    static final int MIN_TERM = 2;

    /** One learned substitution and the number of pairs that show it. */
    record Rename(String from, String to, int support) {
    }

    private Renames() {
    }

    /**
     * The renames that the paired texts show ({@code pairs}: old and new text of each confidently
     * paired provision), longest old term first; empty when none recurs consistently.
     */
    static List<Rename> learn(List<String[]> pairs) {
        List<List<String[]>> runsOfPair = new ArrayList<>();
        List<String[]> runs = new ArrayList<>();
        List<Integer> runPair = new ArrayList<>();
        long cells = 0;
        for (String[] pair : pairs) {
            List<String[]> own = List.of();
            if (!pair[0].equals(pair[1]) && runs.size() < MAX_RUNS) {
                Map<String, Integer> words = new HashMap<>();
                Tokens ta = Tokens.of(pair[0], words);
                Tokens tb = Tokens.of(pair[1], words);
                long size = (long) (ta.size() + 1) * (tb.size() + 1);
                if (ta.size() <= MAX_TOKENS && tb.size() <= MAX_TOKENS && cells + size <= MAX_CELLS) {
                    cells += size;
                    own = replacedRuns(ta, tb);
                    for (String[] run : own) {
                        runs.add(run);
                        runPair.add(runsOfPair.size());
                    }
                }
            }
            runsOfPair.add(own);
        }
        Map<String, String[]> candidates = new LinkedHashMap<>();
        for (String[] run : runs) {
            if (isShort(run)) {
                addCandidate(candidates, run[0], run[1]);
            }
        }
        // a rename inside two different rewrites: the common part of both sides of two runs
        long common = 0;
        for (int x = 0; x < runs.size(); x++) {
            for (int y = x + 1; y < runs.size() && common <= MAX_COMMON_CELLS; y++) {
                if (runPair.get(x).equals(runPair.get(y))) {
                    continue;
                }
                String[] u = runs.get(x);
                String[] v = runs.get(y);
                if (!isShort(u) && !isShort(v)) {
                    continue; // a learned rename is shown cleanly by one run: a short one
                }
                common += (long) u[0].length() * v[0].length();
                String from = longestCommon(u[0], v[0]);
                if (from.length() >= MIN_TERM) {
                    common += (long) u[1].length() * v[1].length();
                    String to = longestCommon(u[1], v[1]);
                    if (to.length() >= MIN_TERM) {
                        addCandidate(candidates, from, to);
                    }
                }
            }
        }
        Map<String, Rename> byTerm = new HashMap<>();
        for (String[] c : candidates.values()) {
            Rename r = verify(c[0], c[1], pairs, runsOfPair);
            if (r != null) {
                byTerm.merge(r.from(), r, (u, v) -> u.support() > v.support()
                        || (u.support() == v.support() && u.to().length() >= v.to().length()) ? u : v);
            }
        }
        List<Rename> out = new ArrayList<>(byTerm.values());
        out.sort((u, v) -> u.from().length() != v.from().length() ? v.from().length() - u.from().length()
                : u.from().compareTo(v.from()));
        return out.size() > MAX_RENAMES ? List.copyOf(out.subList(0, MAX_RENAMES)) : List.copyOf(out);
    }

    /** {@code text} with every learned old term replaced by its new one (longest first, one pass). */
    static String apply(List<Rename> renames, String text) {
        return replace(text, renames.stream().map(r -> new String[] {r.from(), r.to()}).toList());
    }

    /**
     * The old and the new texts as the aligner compares them once renames are known: a renamed name
     * says only that both provisions mention the same actor, which the renamed document does
     * everywhere, so it is taken out of both sides (a space: no n-gram spans it) and the rest of the
     * wording decides; a deletion in context ("导游人员等级" → "导游等级") is applied to the old side.
     * Returns {old rules, new rules} for {@link #replace}.
     */
    static List<List<String[]>> neutralising(List<Rename> renames) {
        List<String[]> old = new ArrayList<>();
        List<String[]> neu = new ArrayList<>();
        for (Rename r : renames) {
            if (core(r.from(), r.to()).isEmpty()) {
                old.add(new String[] {r.from(), r.to()});
            } else {
                old.add(new String[] {r.from(), " "});
                neu.add(new String[] {r.to(), " "});
            }
        }
        neu.sort((u, v) -> v[0].length() - u[0].length());
        return List.of(old, neu);
    }

    /** {@code text} with each rule's term replaced by its replacement (first rule that matches at a place wins, one pass). */
    static String replace(String text, List<String[]> rules) {
        if (rules.isEmpty()) {
            return text;
        }
        StringBuilder out = null;
        int copied = 0;
        int i = 0;
        while (i < text.length()) {
            String[] hit = null;
            for (String[] rule : rules) {
                if (text.startsWith(rule[0], i)) {
                    hit = rule;
                    break;
                }
            }
            if (hit == null) {
                i++;
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 16);
            }
            out.append(text, copied, i).append(hit[1]);
            i += hit[0].length();
            copied = i;
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    private static void addCandidate(Map<String, String[]> candidates, String from, String to) {
        String trimmedFrom = from.strip();
        if (trimmedFrom.length() >= MIN_TERM && !trimmedFrom.equals(to.strip())) {
            candidates.putIfAbsent(trimmedFrom + '\u0000' + to.strip(), new String[] {trimmedFrom, to.strip()});
        }
    }

    /**
     * The rename if at least {@value #MIN_SUPPORT} pairs support it and none contradicts it. A pair
     * supports old → new when one replaced run of its diff has the old term on its old side and the
     * new term on its new side, the old term occurs less often in its new text and the new term more
     * often. A pair contradicts it when its old term survives as often, or when its old text already
     * uses the new term (a rename brings new vocabulary).
     */
    static Rename verify(String from, String to, List<String[]> pairs, List<List<String[]>> runsOfPair) {
        // support first, over the diffed pairs only (cheap: most candidates end here) ...
        int support = 0;
        boolean clean = false;
        for (int p = 0; p < pairs.size(); p++) {
            int shown = replacedTogether(runsOfPair.get(p), from, to);
            String[] pair = pairs.get(p);
            if (shown > 0 && pair[1].contains(to) && count(pair[1], from) < count(pair[0], from)) {
                support++;
                clean |= shown > 1;
            }
        }
        if (support < MIN_SUPPORT || !clean) {
            return null;
        }
        // ... then no pair may contradict it
        String core = core(from, to);
        for (String[] pair : pairs) {
            if (!core.isEmpty() && pair[0].contains(core)) {
                return null;
            }
            int oldFrom = count(pair[0], from);
            if (oldFrom > 0 && count(pair[1], from) >= oldFrom) {
                return null;
            }
        }
        return new Rename(from, to, support);
    }

    private static boolean isShort(String[] run) {
        return run[0].length() + run[1].length() <= MAX_TERM;
    }

    /** {@code to} without the context it shares with {@code from} (empty for a deletion in context). */
    static String core(String from, String to) {
        int prefix = 0;
        while (prefix < Math.min(from.length(), to.length()) && from.charAt(prefix) == to.charAt(prefix)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < Math.min(from.length(), to.length()) - prefix
                && from.charAt(from.length() - 1 - suffix) == to.charAt(to.length() - 1 - suffix)) {
            suffix++;
        }
        return to.substring(prefix, to.length() - suffix);
    }

    /** 0: no run of the pair replaces from by to; 1: a longer run does; 2: a run is that replacement (± {@value #CLEAN_EXTRA} characters a side). */
    private static int replacedTogether(List<String[]> runs, String from, String to) {
        int best = 0;
        for (String[] run : runs) {
            if (run[0].contains(from) && run[1].contains(to)) {
                boolean exact = run[0].length() - from.length() <= CLEAN_EXTRA && run[1].length() - to.length() <= CLEAN_EXTRA;
                best = Math.max(best, exact ? 2 : 1);
            }
        }
        return best;
    }

    static int count(String text, String term) {
        int c = 0;
        for (int at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + term.length())) {
            c++;
        }
        return c;
    }

    /**
     * The replaced runs {old, new} of a token diff: runs separated by a single common token are one
     * run (a stray shared character inside two different names is no anchor); a pure deletion is
     * taken with one token of context on each side; pure insertions rename nothing.
     */
    static List<String[]> replacedRuns(Tokens a, Tokens b) {
        int n = a.size();
        int m = b.size();
        int[] x = a.codes();
        int[] y = b.codes();
        // the common head and tail are equal; the table covers only the middle
        int head = 0;
        while (head < n && head < m && x[head] == y[head]) {
            head++;
        }
        int tail = 0;
        while (tail < n - head && tail < m - head && x[n - 1 - tail] == y[m - 1 - tail]) {
            tail++;
        }
        int rows = n - head - tail;
        int cols = m - head - tail;
        int width = cols + 1;
        int[] lcs = new int[(rows + 1) * width];
        for (int i = rows - 1; i >= 0; i--) {
            for (int j = cols - 1; j >= 0; j--) {
                lcs[i * width + j] = x[head + i] == y[head + j] ? lcs[(i + 1) * width + j + 1] + 1
                        : Math.max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
            }
        }
        // ops {0 equal / 1 delete / 2 insert, old index, new index}
        List<int[]> ops = new ArrayList<>();
        for (int k = 0; k < head; k++) {
            ops.add(new int[] {0, k, k});
        }
        int i = 0;
        int j = 0;
        while (i < rows || j < cols) {
            if (i < rows && j < cols && x[head + i] == y[head + j]) {
                ops.add(new int[] {0, head + i++, head + j++});
            } else if (j < cols && (i == rows || lcs[i * width + j + 1] >= lcs[(i + 1) * width + j])) {
                ops.add(new int[] {2, head + i, head + j++});
            } else {
                ops.add(new int[] {1, head + i++, head + j});
            }
        }
        for (int k = 0; k < tail; k++) {
            ops.add(new int[] {0, n - tail + k, m - tail + k});
        }
        // segments {equal?, first op, end op, deleted tokens, inserted tokens}
        List<int[]> segments = new ArrayList<>();
        for (int k = 0; k < ops.size(); k++) {
            boolean equal = ops.get(k)[0] == 0;
            int[] last = segments.isEmpty() ? null : segments.get(segments.size() - 1);
            if (last == null || (last[0] == 1) != equal) {
                last = new int[] {equal ? 1 : 0, k, k, 0, 0};
                segments.add(last);
            }
            last[2] = k + 1;
            last[3] += ops.get(k)[0] != 2 ? 1 : 0;
            last[4] += ops.get(k)[0] != 1 ? 1 : 0;
        }
        // an equality no longer than the edits on both sides is a coincidence inside one replacement
        for (int s = 1; s + 1 < segments.size(); s++) {
            int[] left = segments.get(s - 1);
            int[] eq = segments.get(s);
            int[] right = segments.get(s + 1);
            int length = eq[2] - eq[1];
            if (eq[0] == 1 && left[0] == 0 && right[0] == 0
                    && length <= Math.max(left[3], left[4]) && length <= Math.max(right[3], right[4])) {
                int[] merged = {0, left[1], right[2], left[3] + length + right[3], left[4] + length + right[4]};
                segments.subList(s - 1, s + 2).clear();
                segments.add(s - 1, merged);
                s = Math.max(0, s - 2);
            }
        }
        List<String[]> out = new ArrayList<>();
        for (int[] seg : segments) {
            if (seg[0] == 1 || seg[3] == 0 || seg[2] - seg[1] > MAX_RUN) {
                continue; // equal, a pure insertion (renames nothing), or a rewrite
            }
            // both sides of a run are contiguous: the old tokens it deletes or keeps, the new ones it inserts or keeps
            int oldFrom = -1;
            int oldTo = -1;
            int newFrom = -1;
            int newTo = -1;
            for (int q = seg[1]; q < seg[2]; q++) {
                int[] op = ops.get(q);
                if (op[0] != 2) {
                    oldFrom = oldFrom < 0 ? op[1] : oldFrom;
                    oldTo = op[1] + 1;
                }
                if (op[0] != 1) {
                    newFrom = newFrom < 0 ? op[2] : newFrom;
                    newTo = op[2] + 1;
                }
            }
            String del = a.text(oldFrom, oldTo);
            if (seg[4] == 0) {
                // a pure deletion is a substitution in its context
                if (oldFrom == 0 || oldTo >= n) {
                    continue;
                }
                String left = a.text(oldFrom - 1, oldFrom);
                String right = a.text(oldTo, oldTo + 1);
                out.add(new String[] {left + del + right, left + right});
                out.add(new String[] {left + del, left});
                out.add(new String[] {del + right, right});
            } else {
                out.add(new String[] {del, b.text(newFrom, newTo)});
            }
        }
        return out;
    }

    /**
     * A text as diff tokens: each CJK character, each run of letters or digits, each other character;
     * {@code codes} identify them (a character by itself, a longer word through the shared map),
     * {@code ends} are their end offsets.
     */
    record Tokens(String source, int[] codes, int[] ends) {

        static Tokens of(String s, Map<String, Integer> words) {
            int[] codes = new int[s.length()];
            int[] ends = new int[s.length()];
            int size = 0;
            int i = 0;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (Character.isLetterOrDigit(c) && !TfIdf.isCjk(c)) {
                    int start = i;
                    while (i < s.length() && Character.isLetterOrDigit(s.charAt(i)) && !TfIdf.isCjk(s.charAt(i))) {
                        i++;
                    }
                    codes[size] = i - start == 1 ? c
                            : Character.MAX_VALUE + 1 + words.computeIfAbsent(s.substring(start, i), k -> words.size());
                } else {
                    codes[size] = c;
                    i++;
                }
                ends[size++] = i;
            }
            return new Tokens(s, Arrays.copyOf(codes, size), Arrays.copyOf(ends, size));
        }

        int size() {
            return codes.length;
        }

        /** The text of tokens [from, to). */
        String text(int from, int to) {
            return source.substring(from == 0 ? 0 : ends[from - 1], ends[to - 1]);
        }
    }

    /** The longest common substring of two short strings (empty when none). */
    static String longestCommon(String x, String y) {
        int best = 0;
        int end = 0;
        int[] prev = new int[y.length() + 1];
        int[] cur = new int[y.length() + 1];
        for (int i = 1; i <= x.length(); i++) {
            for (int j = 1; j <= y.length(); j++) {
                cur[j] = x.charAt(i - 1) == y.charAt(j - 1) ? prev[j - 1] + 1 : 0;
                if (cur[j] > best) {
                    best = cur[j];
                    end = i;
                }
            }
            int[] t = prev;
            prev = cur;
            cur = t;
            Arrays.fill(cur, 0);
        }
        return x.substring(end - best, end);
    }
}
