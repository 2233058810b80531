package dev.policywatch.engine.diff;

import dev.policywatch.events.DiffOp;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Makes a minimal diff read like a person's, in the spirit of diff-match-patch's
 * {@code cleanupSemantic}: a minimal character diff of rewritten Chinese text is a confetti of
 * one-character equalities between edits ({@code 提交[-申-]请{+承诺符合+}…}), correct but unreadable.
 * <ol>
 *   <li><b>Equalities swallowed</b>: an equal run no longer than the edits on <em>both</em> sides of
 *       it (the larger of deletion and insertion on each side) becomes part of the edits; repeated
 *       until nothing changes, re-examining the previous equality each time.</li>
 *   <li><b>Runs merged</b>: between two equal runs all deletions become one deletion and all
 *       insertions one insertion; text the deletion and insertion share at their start or end moves
 *       into the neighbouring equal runs; an edit that can slide over a whole neighbouring equality
 *       does, removing it.</li>
 *   <li><b>Boundaries aligned</b>: a single insertion or deletion between two equal runs slides
 *       sideways (its text allows it when it starts with what follows it) to the place where its
 *       edges fall best: a blank line, a line break, after a sentence or clause mark (. ; 。，；),
 *       at white space, at other punctuation, in that order (ties: the rightmost); so
 *       {@code 应当报告，{+及时报告，+}及时处理。} and not {@code 应当报告，及时{+报告，及时+}处理。}.</li>
 * </ol>
 * It never changes what the ops spell: equal + deleted text is still the old text, equal +
 * inserted text the new one. It does not factor overlaps between a deletion and the following
 * insertion (diff-match-patch's last step): a minimal diff already keeps such shared text equal.
 * Stateless; lengths are UTF-16 units (one per CJK character).
 */
final class SemanticCleanup {

    /** Guards the fix-point loop of merging; each round strictly shrinks the list in practice. */
    private static final int MAX_ROUNDS = 64;

    private SemanticCleanup() {
    }

    static List<DiffOp> clean(List<DiffOp> ops) {
        if (ops.size() < 3) {
            return ops;
        }
        List<Run> runs = new ArrayList<>(ops.size());
        for (DiffOp op : ops) {
            runs.add(new Run(op.op(), op.text()));
        }
        if (swallowShortEqualities(runs)) {
            merge(runs);
        }
        if (alignBoundaries(runs)) {
            gather(runs); // an equality slid away: its neighbouring edits join
        }
        List<DiffOp> out = new ArrayList<>(runs.size());
        for (Run r : runs) {
            if (!r.text.isEmpty()) {
                out.add(new DiffOp(r.op, r.text));
            }
        }
        return out;
    }

    /** Step 1; true when anything changed. */
    private static boolean swallowShortEqualities(List<Run> runs) {
        boolean changed = false;
        Deque<Integer> equalities = new ArrayDeque<>();
        String lastEquality = null;
        int insertedBefore = 0;
        int deletedBefore = 0;
        int insertedAfter = 0;
        int deletedAfter = 0;
        int pointer = 0;
        while (pointer < runs.size()) {
            Run r = runs.get(pointer);
            if (r.op == DiffOp.Op.EQUAL) {
                equalities.push(pointer);
                insertedBefore = insertedAfter;
                deletedBefore = deletedAfter;
                insertedAfter = 0;
                deletedAfter = 0;
                lastEquality = r.text;
            } else {
                if (r.op == DiffOp.Op.INSERT) {
                    insertedAfter += r.text.length();
                } else {
                    deletedAfter += r.text.length();
                }
                if (lastEquality != null && lastEquality.length() <= Math.max(insertedBefore, deletedBefore)
                        && lastEquality.length() <= Math.max(insertedAfter, deletedAfter)) {
                    int at = equalities.pop();
                    // the equality becomes a deletion and an insertion of the same text
                    runs.set(at, new Run(DiffOp.Op.DELETE, lastEquality));
                    runs.add(at + 1, new Run(DiffOp.Op.INSERT, lastEquality));
                    // the previous equality may now be short enough too: look at it again
                    if (!equalities.isEmpty()) {
                        equalities.pop();
                    }
                    pointer = equalities.isEmpty() ? -1 : equalities.peek();
                    insertedBefore = 0;
                    deletedBefore = 0;
                    insertedAfter = 0;
                    deletedAfter = 0;
                    lastEquality = null;
                    changed = true;
                }
            }
            pointer++;
        }
        return changed;
    }

    /** Step 2, to a fix point. */
    static void merge(List<Run> runs) {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            gather(runs);
            if (!slide(runs)) {
                return;
            }
        }
    }

    /** Between equal runs: one deletion, one insertion, shared ends moved out; adjacent equal runs joined. */
    private static void gather(List<Run> runs) {
        List<Run> out = new ArrayList<>(runs.size());
        StringBuilder deleted = new StringBuilder();
        StringBuilder inserted = new StringBuilder();
        for (int k = 0; k <= runs.size(); k++) {
            Run r = k < runs.size() ? runs.get(k) : null;
            if (r != null && r.op == DiffOp.Op.DELETE) {
                deleted.append(r.text);
                continue;
            }
            if (r != null && r.op == DiffOp.Op.INSERT) {
                inserted.append(r.text);
                continue;
            }
            // an equal run (or the end): flush the edits gathered before it
            String del = deleted.toString();
            String ins = inserted.toString();
            String suffixMovedOut = "";
            if (!del.isEmpty() && !ins.isEmpty()) {
                int prefix = wordSafePrefix(del, ins, commonPrefix(del, ins));
                if (prefix > 0) {
                    appendEqual(out, del.substring(0, prefix));
                    del = del.substring(prefix);
                    ins = ins.substring(prefix);
                }
                int suffix = wordSafeSuffix(del, ins, commonSuffix(del, ins));
                if (suffix > 0) {
                    suffixMovedOut = del.substring(del.length() - suffix);
                    del = del.substring(0, del.length() - suffix);
                    ins = ins.substring(0, ins.length() - suffix);
                }
            }
            if (!del.isEmpty()) {
                out.add(new Run(DiffOp.Op.DELETE, del));
            }
            if (!ins.isEmpty()) {
                out.add(new Run(DiffOp.Op.INSERT, ins));
            }
            appendEqual(out, suffixMovedOut + (r == null ? "" : r.text));
            deleted.setLength(0);
            inserted.setLength(0);
        }
        runs.clear();
        runs.addAll(out);
    }

    /**
     * A shared prefix is moved out of a replacement only up to a word boundary: "five"→"three" stays a
     * whole-word replacement instead of "[-fiv-]{+thre+}e". CJK characters are words of their own.
     */
    private static int wordSafePrefix(String del, String ins, int prefix) {
        while (prefix > 0 && isWordChar(del.charAt(prefix - 1))
                && (continuesWord(del, prefix) || continuesWord(ins, prefix))) {
            prefix--;
        }
        return prefix;
    }

    /** The mirror of {@link #wordSafePrefix} for a shared suffix. */
    private static int wordSafeSuffix(String del, String ins, int suffix) {
        while (suffix > 0 && isWordChar(del.charAt(del.length() - suffix))
                && (continuesWord(del, del.length() - suffix - 1) || continuesWord(ins, ins.length() - suffix - 1))) {
            suffix--;
        }
        return suffix;
    }

    private static boolean continuesWord(String s, int index) {
        return index >= 0 && index < s.length() && isWordChar(s.charAt(index));
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) && !WordDiff.isCjk(c);
    }

    private static void appendEqual(List<Run> out, String text) {
        if (text.isEmpty()) {
            return;
        }
        if (!out.isEmpty() && out.get(out.size() - 1).op == DiffOp.Op.EQUAL) {
            Run last = out.remove(out.size() - 1);
            out.add(new Run(DiffOp.Op.EQUAL, last.text + text));
        } else {
            out.add(new Run(DiffOp.Op.EQUAL, text));
        }
    }

    /**
     * A single edit between equal runs that ends with the whole previous equality slides left over
     * it (A{+BA+}C → {+AB+}AC); one that starts with the whole next equality slides right. True when
     * one did (the runs must be gathered again).
     */
    private static boolean slide(List<Run> runs) {
        boolean changed = false;
        for (int k = 1; k + 1 < runs.size(); k++) {
            Run before = runs.get(k - 1);
            Run edit = runs.get(k);
            Run after = runs.get(k + 1);
            if (before.op != DiffOp.Op.EQUAL || after.op != DiffOp.Op.EQUAL || edit.op == DiffOp.Op.EQUAL) {
                continue;
            }
            if (edit.text.endsWith(before.text)) {
                String moved = before.text + edit.text.substring(0, edit.text.length() - before.text.length());
                runs.set(k, new Run(edit.op, moved));
                runs.set(k + 1, new Run(DiffOp.Op.EQUAL, before.text + after.text));
                runs.remove(k - 1);
                changed = true;
            } else if (edit.text.startsWith(after.text)) {
                runs.set(k - 1, new Run(DiffOp.Op.EQUAL, before.text + after.text));
                runs.set(k, new Run(edit.op, edit.text.substring(after.text.length()) + after.text));
                runs.remove(k + 1);
                changed = true;
            }
        }
        return changed;
    }

    /** Step 3; true when an equality disappeared. */
    private static boolean alignBoundaries(List<Run> runs) {
        boolean removed = false;
        for (int k = 1; k + 1 < runs.size(); k++) {
            Run before = runs.get(k - 1);
            Run edit = runs.get(k);
            Run after = runs.get(k + 1);
            if (before.op != DiffOp.Op.EQUAL || after.op != DiffOp.Op.EQUAL || edit.op == DiffOp.Op.EQUAL) {
                continue;
            }
            String eq1 = before.text;
            String mid = edit.text;
            String eq2 = after.text;
            // slide as far left as the text allows, then try every place to the right
            int shared = commonSuffix(eq1, mid);
            if (shared > 0) {
                String common = mid.substring(mid.length() - shared);
                eq1 = eq1.substring(0, eq1.length() - shared);
                mid = common + mid.substring(0, mid.length() - shared);
                eq2 = common + eq2;
            }
            String bestEq1 = eq1;
            String bestMid = mid;
            String bestEq2 = eq2;
            int bestScore = score(eq1, mid) + score(mid, eq2);
            while (!mid.isEmpty() && !eq2.isEmpty() && mid.charAt(0) == eq2.charAt(0)) {
                char c = mid.charAt(0);
                eq1 = eq1 + c;
                mid = mid.substring(1) + c;
                eq2 = eq2.substring(1);
                if (Character.isLowSurrogate(mid.charAt(0)) || (!eq2.isEmpty() && Character.isLowSurrogate(eq2.charAt(0)))) {
                    continue; // never cut a surrogate pair
                }
                int score = score(eq1, mid) + score(mid, eq2);
                // >= : of equally good places the rightmost, as diff-match-patch does
                if (score >= bestScore) {
                    bestScore = score;
                    bestEq1 = eq1;
                    bestMid = mid;
                    bestEq2 = eq2;
                }
            }
            if (!bestEq1.equals(before.text)) {
                runs.set(k, new Run(edit.op, bestMid));
                if (bestEq1.isEmpty()) {
                    runs.remove(k - 1);
                    k--;
                    removed = true;
                } else {
                    runs.set(k - 1, new Run(DiffOp.Op.EQUAL, bestEq1));
                }
                if (bestEq2.isEmpty()) {
                    runs.remove(k + 1);
                    removed = true;
                } else {
                    runs.set(k + 1, new Run(DiffOp.Op.EQUAL, bestEq2));
                }
            }
        }
        return removed;
    }

    /**
     * How good a place the boundary between {@code one} and {@code two} is for an edge of an edit:
     * 6 at either end of the text, 5 at a blank line, 4 at a line break, 3 after a sentence or
     * clause mark, 2 at white space, 1 at other punctuation, 0 inside a word (or between two CJK
     * characters).
     */
    static int score(String one, String two) {
        if (one.isEmpty() || two.isEmpty()) {
            return 6;
        }
        char c1 = one.charAt(one.length() - 1);
        char c2 = two.charAt(0);
        boolean nonWord1 = !Character.isLetterOrDigit(c1);
        boolean nonWord2 = !Character.isLetterOrDigit(c2);
        boolean space1 = nonWord1 && Character.isWhitespace(c1);
        boolean space2 = nonWord2 && Character.isWhitespace(c2);
        boolean lineBreak1 = space1 && (c1 == '\n' || c1 == '\r');
        boolean lineBreak2 = space2 && (c2 == '\n' || c2 == '\r');
        boolean blankLine1 = lineBreak1 && (one.endsWith("\n\n") || one.endsWith("\n\r\n"));
        boolean blankLine2 = lineBreak2 && (two.startsWith("\n\n") || two.startsWith("\r\n\r\n")
                || two.startsWith("\n\r\n") || two.startsWith("\r\n\n"));
        if (blankLine1 || blankLine2) {
            return 5;
        }
        if (lineBreak1 || lineBreak2) {
            return 4;
        }
        if ((nonWord1 && !space1 && space2) || isClauseMark(c1)) {
            return 3;
        }
        if (space1 || space2) {
            return 2;
        }
        if (nonWord1 || nonWord2) {
            return 1;
        }
        return 0;
    }

    /** CJK sentence and clause marks, which end a phrase without a following space. */
    private static boolean isClauseMark(char c) {
        return c == '。' || c == '，' || c == '；' || c == '：' || c == '、' || c == '！' || c == '？'
                || c == '）' || c == '」' || c == '』' || c == '”';
    }

    private static int commonPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (i > 0 && Character.isHighSurrogate(a.charAt(i - 1))) {
            i--; // never cut a surrogate pair
        }
        return i;
    }

    private static int commonSuffix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(a.length() - 1 - i) == b.charAt(b.length() - 1 - i)) {
            i++;
        }
        if (i > 0 && Character.isLowSurrogate(a.charAt(a.length() - i))) {
            i--; // never cut a surrogate pair
        }
        return i;
    }

    /** A mutable-list entry: one run of the diff. */
    private record Run(DiffOp.Op op, String text) {
    }
}
