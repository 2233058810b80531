package dev.policywatch.engine.diff;

import dev.policywatch.engine.align.CanonicalText;
import dev.policywatch.engine.segment.StructureUnit;
import dev.policywatch.engine.segment.StructureUnit.Kind;
import dev.policywatch.events.ChangeType;
import dev.policywatch.events.DiffOp;
import dev.policywatch.events.ProvisionChange;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares title, preamble and grouping headings. Headings pair by their words first (in order,
 * ignoring their number or identifier: 第四章 监督和保障 → 第五章 监督和保障 is RENUMBERED), then by the
 * same number (第二章 公开的范围 → 第二章 公开的主体和范围 is MODIFIED), then one-to-one between
 * paired neighbours; the rest are ADDED or REMOVED. A heading that only lost a prefix such as
 * "KSI-CED:" or changed its spacing is not a change.
 */
final class StructureDiff {

    private StructureDiff() {
    }

    static List<ProvisionChange> between(List<StructureUnit> old, List<StructureUnit> neu) {
        List<ProvisionChange> out = new ArrayList<>();
        single(old, neu, Kind.TITLE, out);
        single(old, neu, Kind.PREAMBLE, out);
        List<StructureUnit> a = old.stream().filter(u -> u.kind() == Kind.HEADING).toList();
        List<StructureUnit> b = neu.stream().filter(u -> u.kind() == Kind.HEADING).toList();
        int[] newOf = new int[a.size()];
        int[] oldOf = new int[b.size()];
        java.util.Arrays.fill(newOf, -1);
        java.util.Arrays.fill(oldOf, -1);
        // 1. same words, in order (longest common subsequence)
        String[] ka = a.stream().map(u -> CanonicalText.canonical(u.title())).toArray(String[]::new);
        String[] kb = b.stream().map(u -> CanonicalText.canonical(u.title())).toArray(String[]::new);
        lcs(ka, kb, newOf, oldOf);
        // 2. the same number or identifier
        for (int i = 0; i < a.size(); i++) {
            if (newOf[i] >= 0 || a.get(i).label() == null) {
                continue;
            }
            for (int j = 0; j < b.size(); j++) {
                if (oldOf[j] < 0 && a.get(i).label().equals(b.get(j).label())) {
                    newOf[i] = j;
                    oldOf[j] = i;
                    break;
                }
            }
        }
        // 3. one old and one new heading alone between the same paired neighbours
        for (int i = 0; i < a.size(); i++) {
            if (newOf[i] >= 0) {
                continue;
            }
            int lo = -1;
            int p = i - 1;
            while (p >= 0 && newOf[p] < 0) {
                p--;
            }
            if (p >= 0) {
                lo = newOf[p];
            }
            int q = i + 1;
            while (q < a.size() && newOf[q] < 0) {
                q++;
            }
            int hi = q < a.size() ? newOf[q] : b.size();
            if (q - p == 2 && hi - lo == 2 && lo + 1 < b.size() && oldOf[lo + 1] < 0) {
                newOf[i] = lo + 1;
                oldOf[lo + 1] = i;
            }
        }
        int nextOld = 0;
        for (int j = 0; j < b.size(); j++) {
            int i = oldOf[j];
            if (i < 0) {
                out.add(change(ChangeType.ADDED, null, b.get(j)));
                continue;
            }
            for (; nextOld < i; nextOld++) {
                if (newOf[nextOld] < 0) {
                    out.add(change(ChangeType.REMOVED, a.get(nextOld), null));
                }
            }
            nextOld = Math.max(nextOld, i + 1);
            StructureUnit o = a.get(i);
            StructureUnit n = b.get(j);
            boolean sameTitle = ka[i].equals(kb[j]);
            boolean sameText = CanonicalText.canonical(o.text()).equals(CanonicalText.canonical(n.text()));
            boolean sameLabel = o.label() == null || n.label() == null || o.label().equals(n.label())
                    || (sameTitle && !looksNumbered(o.label()) && !looksNumbered(n.label()));
            if (sameTitle && sameText && sameLabel) {
                continue;
            }
            ChangeType type = sameTitle && sameText ? ChangeType.RENUMBERED : ChangeType.MODIFIED;
            out.add(change(type, o, n));
        }
        for (int i = nextOld; i < a.size(); i++) {
            if (newOf[i] < 0) {
                out.add(change(ChangeType.REMOVED, a.get(i), null));
            }
        }
        return out;
    }

    private static boolean looksNumbered(String label) {
        return label.startsWith("第") || Character.isDigit(label.charAt(label.length() - 1))
                || label.matches("(?i).*\\b[IVXLC]+$");
    }

    private static void single(List<StructureUnit> old, List<StructureUnit> neu, Kind kind, List<ProvisionChange> out) {
        StructureUnit o = old.stream().filter(u -> u.kind() == kind).findFirst().orElse(null);
        StructureUnit n = neu.stream().filter(u -> u.kind() == kind).findFirst().orElse(null);
        if (o == null && n == null) {
            return;
        }
        if (o == null) {
            out.add(change(ChangeType.ADDED, null, n));
        } else if (n == null) {
            out.add(change(ChangeType.REMOVED, o, null));
        } else if (!CanonicalText.canonical(full(o)).equals(CanonicalText.canonical(full(n)))) {
            out.add(change(ChangeType.MODIFIED, o, n));
        }
    }

    private static String full(StructureUnit u) {
        return u.title().isEmpty() ? u.text() : (u.text().isEmpty() ? u.title() : u.title() + "\n" + u.text());
    }

    private static ProvisionChange change(ChangeType type, StructureUnit o, StructureUnit n) {
        String ot = o == null ? null : full(o);
        String nt = n == null ? null : full(n);
        List<DiffOp> ops;
        double similarity;
        if (o != null && n != null) {
            WordDiff.Comparison diff = WordDiff.compare(ot, nt);
            ops = diff.ops();
            similarity = diff.similarity();
        } else {
            ops = List.of(o == null ? DiffOp.insert(nt) : DiffOp.delete(ot));
            similarity = 0;
        }
        return new ProvisionChange(type, o == null ? null : o.displayLabel(), n == null ? null : n.displayLabel(),
                o == null ? null : o.path(), n == null ? null : n.path(), ot, nt, similarity, ops);
    }

    private static void lcs(String[] a, String[] b, int[] newOf, int[] oldOf) {
        if ((long) a.length * b.length > 4_000_000L) {
            return; // bounded: documents with thousands of headings pair by number only
        }
        int[][] dp = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                dp[i][j] = a[i].equals(b[j]) ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i].equals(b[j])) {
                newOf[i] = j;
                oldOf[j] = i;
                i++;
                j++;
            } else if (dp[i + 1][j] >= dp[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
    }
}
