package dev.policywatch.engine.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import dev.policywatch.events.DiffOp;
import java.util.ArrayList;
import java.util.List;

/**
 * The inline diff of two texts: word by word for alphabetic scripts, character by character for
 * CJK (java-diff-utils' Myers diff over tokens). Common prefix and suffix are trimmed first; when
 * the differing middle is still too large for a token diff it falls back to lines, and beyond that
 * to one deletion plus one insertion, so a pathological pair costs bounded time.
 * Stateless and thread-safe.
 */
public final class WordDiff {

    static final int MAX_TOKENS = 6_000;

    private WordDiff() {
    }

    /** The runs of kept, deleted and inserted text that turn {@code a} into {@code b}. */
    public static List<DiffOp> diff(String a, String b) {
        List<String> ta = tokens(a);
        List<String> tb = tokens(b);
        int prefix = 0;
        while (prefix < ta.size() && prefix < tb.size() && ta.get(prefix).equals(tb.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < ta.size() - prefix && suffix < tb.size() - prefix
                && ta.get(ta.size() - 1 - suffix).equals(tb.get(tb.size() - 1 - suffix))) {
            suffix++;
        }
        Builder out = new Builder();
        out.add(DiffOp.Op.EQUAL, join(ta, 0, prefix));
        List<String> ma = ta.subList(prefix, ta.size() - suffix);
        List<String> mb = tb.subList(prefix, tb.size() - suffix);
        if (ma.size() + mb.size() <= MAX_TOKENS) {
            middle(ma, mb, out);
        } else {
            List<String> la = lines(join(ma, 0, ma.size()));
            List<String> lb = lines(join(mb, 0, mb.size()));
            if (la.size() + lb.size() <= MAX_TOKENS) {
                middle(la, lb, out);
            } else {
                out.add(DiffOp.Op.DELETE, join(ma, 0, ma.size()));
                out.add(DiffOp.Op.INSERT, join(mb, 0, mb.size()));
            }
        }
        out.add(DiffOp.Op.EQUAL, join(ta, ta.size() - suffix, ta.size()));
        return out.ops;
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

    private static void middle(List<String> a, List<String> b, Builder out) {
        Patch<String> patch = DiffUtils.diff(a, b);
        int pos = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            int at = delta.getSource().getPosition();
            out.add(DiffOp.Op.EQUAL, join(a, pos, at));
            out.add(DiffOp.Op.DELETE, String.join("", delta.getSource().getLines()));
            out.add(DiffOp.Op.INSERT, String.join("", delta.getTarget().getLines()));
            pos = at + delta.getSource().size();
        }
        out.add(DiffOp.Op.EQUAL, join(a, pos, a.size()));
    }

    /** Words, single CJK characters, runs of white space and single punctuation marks. */
    static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            int start = i;
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
            out.add(s.substring(start, i));
        }
        return out;
    }

    private static List<String> lines(String s) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                out.add(s.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < s.length()) {
            out.add(s.substring(start));
        }
        return out;
    }

    static boolean isCjk(char c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }

    private static String join(List<String> tokens, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int k = from; k < to; k++) {
            sb.append(tokens.get(k));
        }
        return sb.toString();
    }

    /** Appends runs, merging neighbours of the same kind and skipping empty text. */
    private static final class Builder {
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
