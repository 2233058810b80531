package dev.policywatch.engine.diff;

import dev.policywatch.events.DiffOp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inline diff of two texts: word by word for alphabetic scripts, character by character for
 * CJK (Myers' O(ND) diff over tokens numbered as ints). Common prefix and suffix are trimmed first.
 * The work is bounded: when the differing middle has more than {@value #MAX_TOKENS} tokens, or
 * needs more than {@value #MAX_TRACE} cells of Myers' trace (about 2,800 edits), it is diffed line
 * by line, and beyond that reported as one deletion plus one insertion; both cuts are logged.
 * Stateless and thread-safe.
 */
public final class WordDiff {

    static final int MAX_TOKENS = 6_000;
    /** Ints kept for backtracking Myers' path (16 MB): D²/2 for D edits. */
    static final int MAX_TRACE = 4_000_000;
    private static final Logger LOG = LoggerFactory.getLogger(WordDiff.class);

    private WordDiff() {
    }

    /**
     * The runs of kept, deleted and inserted text that turn {@code a} into {@code b}, cleaned up to
     * read like a person's edit ({@link SemanticCleanup}): short equal runs between edits are folded
     * into them and edit boundaries fall on word and clause boundaries.
     */
    public static List<DiffOp> diff(String a, String b) {
        return SemanticCleanup.clean(minimal(a, b));
    }

    /** The readable diff and the similarity of the minimal one (what is really kept, not what reads well). */
    static Comparison compare(String a, String b) {
        List<DiffOp> minimal = minimal(a, b);
        return new Comparison(SemanticCleanup.clean(minimal), similarity(minimal));
    }

    /** A readable diff with the similarity measured on the minimal one. */
    record Comparison(List<DiffOp> ops, double similarity) {
    }

    /** Similarity from a diff: twice the kept non-space characters over all non-space characters. */
    public static double similarity(List<DiffOp> ops) {
        long equal = 0;
        long total = 0;
        for (DiffOp op : ops) {
            long chars = op.text().codePoints().filter(c -> !Character.isWhitespace(c)).count();
            total += op.op() == DiffOp.Op.EQUAL ? 2 * chars : chars;
            if (op.op() == DiffOp.Op.EQUAL) {
                equal += 2 * chars;
            }
        }
        return total == 0 ? 1.0 : Math.max(0, Math.min(1, (double) equal / total));
    }

    /** The shortest edit script over tokens, as runs (deletions before insertions between equal runs). */
    static List<DiffOp> minimal(String a, String b) {
        Map<String, Integer> ids = new HashMap<>();
        Tokens ta = Tokens.of(a, ids);
        Tokens tb = Tokens.of(b, ids);
        int na = ta.size();
        int nb = tb.size();
        int prefix = 0;
        while (prefix < na && prefix < nb && ta.id[prefix] == tb.id[prefix]) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < na - prefix && suffix < nb - prefix && ta.id[na - 1 - suffix] == tb.id[nb - 1 - suffix]) {
            suffix++;
        }
        Builder out = new Builder();
        out.add(DiffOp.Op.EQUAL, ta.join(0, prefix));
        String middleA = ta.join(prefix, na - suffix);
        String middleB = tb.join(prefix, nb - suffix);
        int ma = na - suffix - prefix;
        int mb = nb - suffix - prefix;
        boolean done = ma + mb <= MAX_TOKENS
                && myers(ta.slice(prefix, na - suffix), tb.slice(prefix, nb - suffix), out);
        if (!done) {
            Tokens la = Tokens.lines(middleA, new HashMap<>());
            Tokens lb = Tokens.lines(middleB, la.ids);
            if (la.size() + lb.size() <= MAX_TOKENS && myers(la, lb, out)) {
                LOG.warn("Inline diff of {} + {} tokens exceeds the work bound: diffed by lines", ma, mb);
            } else {
                LOG.warn("Inline diff of {} + {} tokens ({} + {} lines) exceeds the work bound: one deletion and one insertion",
                        ma, mb, la.size(), lb.size());
                out.add(DiffOp.Op.DELETE, middleA);
                out.add(DiffOp.Op.INSERT, middleB);
            }
        }
        out.add(DiffOp.Op.EQUAL, ta.join(na - suffix, na));
        return out.ops;
    }

    /**
     * Myers' greedy O((N+M)D) shortest edit script, forward, preferring a deletion on a tie like
     * java-diff-utils' MyersDiff (so the paths are the same). Each round's furthest-reaching x per
     * diagonal is kept for backtracking; returns false, leaving {@code out} untouched, when that
     * would exceed {@link #MAX_TRACE}.
     */
    static boolean myers(Tokens a, Tokens b, Builder out) {
        int n = a.size();
        int m = b.size();
        if (n == 0 || m == 0) {
            out.add(DiffOp.Op.DELETE, a.join(0, n));
            out.add(DiffOp.Op.INSERT, b.join(0, m));
            return true;
        }
        int[] x1 = a.id;
        int[] y1 = b.id;
        int max = n + m;
        int offset = max + 1;
        int[] v = new int[2 * max + 3];
        v[offset + 1] = 0;
        int[] trace = new int[Math.min(MAX_TRACE, 1024)];
        int[] roundStart = new int[16];
        int used = 0;
        int rounds = 0;
        int last = -1;
        for (int d = 0; d <= max && last < 0; d++) {
            if (used + d + 1 > MAX_TRACE) {
                return false;
            }
            if (used + d + 1 > trace.length) {
                trace = Arrays.copyOf(trace, (int) Math.min(MAX_TRACE, Math.max((long) trace.length * 2, used + d + 1)));
            }
            if (rounds == roundStart.length) {
                roundStart = Arrays.copyOf(roundStart, rounds * 2);
            }
            roundStart[rounds++] = used;
            for (int k = -d; k <= d; k += 2) {
                int x;
                if (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) {
                    x = v[offset + k + 1];
                } else {
                    x = v[offset + k - 1] + 1;
                }
                int y = x - k;
                while (x < n && y < m && x1[x] == y1[y]) {
                    x++;
                    y++;
                }
                v[offset + k] = x;
                trace[used++] = x;
                if (x >= n && y >= m) {
                    last = d;
                    break;
                }
            }
        }
        // backtrack from (n, m): record each round's move and the snake after it
        byte[] moves = new byte[n + m]; // 0 equal, 1 delete, 2 insert; filled from the end
        int p = moves.length;
        int x = n;
        int y = m;
        for (int d = last; d > 0; d--) {
            int k = x - y;
            int base = roundStart[d - 1];
            // round d-1 stored diagonals -(d-1), -(d-1)+2, ..., d-1 at base + (k' + d - 1) / 2
            boolean down = k == -d || (k != d && trace[base + (k - 1 + d - 1) / 2] < trace[base + (k + 1 + d - 1) / 2]);
            int prevK = down ? k + 1 : k - 1;
            int prevX = trace[base + (prevK + d - 1) / 2];
            int prevY = prevX - prevK;
            int startX = down ? prevX : prevX + 1;
            while (x > startX) {
                moves[--p] = 0;
                x--;
            }
            moves[--p] = (byte) (down ? 2 : 1);
            x = prevX;
            y = prevY;
        }
        while (x > 0) {
            moves[--p] = 0;
            x--;
        }
        emit(moves, p, a, b, out);
        return true;
    }

    private static void emit(byte[] moves, int from, Tokens a, Tokens b, Builder out) {
        int i = 0;
        int j = 0;
        int q = from;
        while (q < moves.length) {
            if (moves[q] == 0) {
                int s = i;
                while (q < moves.length && moves[q] == 0) {
                    q++;
                    i++;
                    j++;
                }
                out.add(DiffOp.Op.EQUAL, a.join(s, i));
            } else {
                int si = i;
                int sj = j;
                while (q < moves.length && moves[q] != 0) {
                    if (moves[q] == 1) {
                        i++;
                    } else {
                        j++;
                    }
                    q++;
                }
                out.add(DiffOp.Op.DELETE, a.join(si, i));
                out.add(DiffOp.Op.INSERT, b.join(sj, j));
            }
        }
    }

    /** Words, single CJK characters, runs of white space and single punctuation marks. */
    static List<String> tokens(String s) {
        Tokens t = Tokens.of(s, new HashMap<>());
        List<String> out = new ArrayList<>(t.size());
        for (int k = 0; k < t.size(); k++) {
            out.add(t.join(k, k + 1));
        }
        return out;
    }

    static boolean isCjk(char c) {
        if (c >= '\u4E00' && c <= '\u9FFC') {
            return true; // the common case (assigned Han in Unicode 13), without the script table's search
        }
        if (c < '\u1100') {
            return false; // no Han, kana or Hangul below the Hangul Jamo block
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }

    /**
     * A text cut into tokens: {@code start[k]..start[k+1]} is token k, {@code id[k]} its number
     * (a single UTF-16 unit is its own number; longer tokens are numbered from 0x10000 through the
     * shared map, so equal tokens of both texts have equal numbers).
     */
    static final class Tokens {
        final String text;
        final int[] start;
        final int[] id;
        final Map<String, Integer> ids;

        private Tokens(String text, int[] start, int[] id, Map<String, Integer> ids) {
            this.text = text;
            this.start = start;
            this.id = id;
            this.ids = ids;
        }

        static Tokens of(String s, Map<String, Integer> ids) {
            int n = s.length();
            int[] start = new int[n + 1];
            int[] id = new int[n];
            int count = 0;
            int i = 0;
            while (i < n) {
                char c = s.charAt(i);
                int begin = i;
                if (Character.isWhitespace(c)) {
                    while (i < n && Character.isWhitespace(s.charAt(i))) {
                        i++;
                    }
                } else if (Character.isLetterOrDigit(c) && !isCjk(c)) {
                    while (i < n && Character.isLetterOrDigit(s.charAt(i)) && !isCjk(s.charAt(i))) {
                        i++;
                    }
                } else if (Character.isHighSurrogate(c) && i + 1 < n) {
                    i += 2;
                } else {
                    i++;
                }
                start[count] = begin;
                id[count++] = i - begin == 1 ? c : number(s.substring(begin, i), ids);
            }
            start[count] = n;
            return new Tokens(s, Arrays.copyOf(start, count + 1), Arrays.copyOf(id, count), ids);
        }

        /** The lines of {@code s}, each with its line break. */
        static Tokens lines(String s, Map<String, Integer> ids) {
            int n = s.length();
            int[] start = new int[n + 2];
            int[] id = new int[n + 1];
            int count = 0;
            int begin = 0;
            for (int i = 0; i < n; i++) {
                if (s.charAt(i) == '\n') {
                    start[count] = begin;
                    id[count++] = number(s.substring(begin, i + 1), ids);
                    begin = i + 1;
                }
            }
            if (begin < n) {
                start[count] = begin;
                id[count++] = number(s.substring(begin), ids);
            }
            start[count] = n;
            return new Tokens(s, Arrays.copyOf(start, count + 1), Arrays.copyOf(id, count), ids);
        }

        private static int number(String token, Map<String, Integer> ids) {
            Integer known = ids.get(token);
            if (known != null) {
                return known;
            }
            int next = 0x10000 + ids.size();
            ids.put(token, next);
            return next;
        }

        /** Tokens {@code from..to} of this one, numbered from 0. */
        Tokens slice(int from, int to) {
            return new Tokens(text, Arrays.copyOfRange(start, from, to + 1), Arrays.copyOfRange(id, from, to), ids);
        }

        int size() {
            return id.length;
        }

        /** The text of tokens {@code i..j}. */
        String join(int i, int j) {
            return i >= j ? "" : text.substring(start[i], start[j]);
        }
    }

    /** Appends runs, merging neighbours of the same kind and skipping empty text. */
    static final class Builder {
        final List<DiffOp> ops = new ArrayList<>();

        void add(DiffOp.Op op, String text) {
            if (text.isEmpty()) {
                return;
            }
            if (!ops.isEmpty() && ops.get(ops.size() - 1).op() == op) {
                DiffOp last = ops.remove(ops.size() - 1);
                ops.add(new DiffOp(op, last.text() + text));
            } else {
                ops.add(new DiffOp(op, text));
            }
        }
    }
}
