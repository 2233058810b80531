package dev.policywatch.engine.significance;

import dev.policywatch.events.ChangeType;
import dev.policywatch.events.DiffOp;
import dev.policywatch.events.EditorialKind;
import dev.policywatch.events.Fact;
import dev.policywatch.events.FactKind;
import dev.policywatch.events.FactText;
import dev.policywatch.events.FactValue;
import dev.policywatch.events.ProvisionChange;
import dev.policywatch.events.Significance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The one-line notes of provision changes and the headline of a document change, in Chinese or
 * English (CONTRACT §2). Facts first ({@code 罚款 5千–3万元 → 1万–10万元}), then the gist of the inline
 * diff ({@code 新增：情节严重的，责令暂停相关业务}); for an editorial change, its kinds ({@code 仅标点修改}).
 * Deterministic: the same change always gives the same line.
 */
public final class Notes {

    private static final int GIST_ZH = 40;
    private static final int GIST_EN = 70;
    private static final int HEADLINE_MAX = 160;

    private Notes() {
    }

    /** The note of one classified change. */
    static String note(ProvisionChange c, boolean zh) {
        if (c.significance() == Significance.EDITORIAL) {
            return editorialNote(c, zh);
        }
        List<String> parts = new ArrayList<>(factPhrases(c, zh));
        String gist = gist(c, zh);
        if (gist != null) {
            parts.add(gist);
        }
        if (parts.isEmpty()) {
            parts.add(zh ? "文字修改" : "wording changed");
        }
        return String.join(zh ? "；" : "; ", parts);
    }

    private static String editorialNote(ProvisionChange c, boolean zh) {
        List<String> parts = new ArrayList<>();
        if (c.type() == ChangeType.RENUMBERED || (c.oldLabel() != null && !c.oldLabel().equals(c.newLabel()))) {
            parts.add((zh ? "条号变更：" : "renumbered: ") + c.oldLabel() + " → " + c.newLabel());
        }
        List<String> words = new ArrayList<>();
        for (EditorialKind k : c.editorialKinds()) {
            if (k != EditorialKind.CROSS_REFERENCE) {
                words.add(kindWord(k, zh));
            }
        }
        if (!words.isEmpty()) {
            parts.add(zh ? "仅" + String.join("、", words) + "修改" : String.join(" and ", words) + " only");
        }
        if (c.editorialKinds().contains(EditorialKind.CROSS_REFERENCE)) {
            parts.add(zh ? "引用条号随重新编号更新" : "cross-references renumbered");
        }
        if (parts.isEmpty()) {
            parts.add(zh ? "仅编辑性修改" : "editorial only");
        }
        return String.join(zh ? "；" : "; ", parts);
    }

    static String kindWord(EditorialKind k, boolean zh) {
        return switch (k) {
            case PUNCTUATION -> zh ? "标点" : "punctuation";
            case WHITESPACE -> zh ? "空白" : "whitespace";
            case WIDTH -> zh ? "全半角" : "full/half-width";
            case VARIANT -> zh ? "用字" : "spelling variants";
            case CROSS_REFERENCE -> zh ? "引用条号" : "cross-references";
        };
    }

    /** The phrases of the facts that changed, most telling first (fines, deadlines, dates, modal verbs). */
    static List<String> factPhrases(ProvisionChange c, boolean zh) {
        List<String> out = new ArrayList<>();
        boolean wholeProvision = c.type() == ChangeType.ADDED || c.type() == ChangeType.REMOVED;
        List<Fact> fines = c.facts().stream().filter(f -> f.kind() == FactKind.FINE && f.changed()).toList();
        int shown = 0;
        for (Fact f : fines) {
            if (shown == 3) {
                out.add(zh ? "另有" + (fines.size() - 3) + "项罚款变化" : "+" + (fines.size() - 3) + " more fines changed");
                break;
            }
            out.add(change(zh ? "罚款" : "fine", f, wholeProvision, zh));
            shown++;
        }
        for (Fact f : c.facts()) {
            if (f.kind() == FactKind.DEADLINE && f.changed()) {
                out.add(change(zh ? "期限" : "deadline", f, wholeProvision, zh));
            }
        }
        for (Fact f : c.facts()) {
            if (f.kind() == FactKind.EFFECTIVE_DATE && f.changed()) {
                out.add(change(zh ? "施行日期" : "effective date", f, wholeProvision, zh));
            }
        }
        if (!wholeProvision) {
            for (Fact f : c.facts()) {
                if (f.kind() == FactKind.OBLIGATION && f.changed()) {
                    List<String> before = f.before() == null ? List.of() : f.before().modals();
                    List<String> after = f.after() == null ? List.of() : f.after().modals();
                    for (String m : after) {
                        if (!before.contains(m)) {
                            out.add(zh ? "新增“" + m + "”" : "adds “" + m + "”");
                        }
                    }
                    for (String m : before) {
                        if (!after.contains(m)) {
                            out.add(zh ? "删去“" + m + "”" : "drops “" + m + "”");
                        }
                    }
                }
            }
        }
        return out;
    }

    private static String change(String what, Fact f, boolean wholeProvision, boolean zh) {
        if (f.before() != null && f.after() != null) {
            return what + " " + value(f.kind(), f.before(), zh) + " → " + value(f.kind(), f.after(), zh);
        }
        if (wholeProvision) {
            return what + " " + value(f.kind(), f.after() != null ? f.after() : f.before(), zh);
        }
        if (f.after() != null) {
            return (zh ? "新增" + what + " " : "new " + what + " ") + value(f.kind(), f.after(), zh);
        }
        return (zh ? "删除" + what + " " : what + " removed: ") + value(f.kind(), f.before(), zh);
    }

    /** A fact value as people read it (see {@link FactText#value}). */
    public static String value(FactKind kind, FactValue v, boolean zh) {
        return FactText.value(kind, v, zh);
    }

    /** The gist of the edit: the largest run of inserted or deleted text, clipped. */
    static String gist(ProvisionChange c, boolean zh) {
        int max = zh ? GIST_ZH : GIST_EN;
        if (c.type() == ChangeType.ADDED) {
            return (zh ? "新增条文：" : "new provision: ") + clip(trimMarks(c.newText()), max);
        }
        if (c.type() == ChangeType.REMOVED) {
            return (zh ? "删除条文：" : "provision removed: ") + clip(trimMarks(c.oldText()), max);
        }
        List<String[]> edits = new ArrayList<>(); // {deleted, inserted}
        String del = "";
        String ins = "";
        for (DiffOp op : c.diff()) {
            if (op.op() == DiffOp.Op.EQUAL) {
                if (!del.isEmpty() || !ins.isEmpty()) {
                    edits.add(new String[] {del, ins});
                    del = "";
                    ins = "";
                }
            } else if (op.op() == DiffOp.Op.DELETE) {
                del += op.text();
            } else {
                ins += op.text();
            }
        }
        if (!del.isEmpty() || !ins.isEmpty()) {
            edits.add(new String[] {del, ins});
        }
        if (edits.isEmpty()) {
            return null;
        }
        String[] best = edits.stream()
                .max(Comparator.<String[]>comparingInt(e -> weight(e[0]) + weight(e[1])))
                .orElseThrow();
        String d = trimMarks(best[0]);
        String i = trimMarks(best[1]);
        String line;
        if (d.isEmpty()) {
            line = (zh ? "新增：" : "added: ") + clip(i, max);
        } else if (i.isEmpty()) {
            line = (zh ? "删除：" : "removed: ") + clip(d, max);
        } else {
            line = (zh ? "修改：" : "changed: ") + clip(d, max / 2) + " → " + clip(i, max / 2);
        }
        if (edits.size() > 1) {
            line += zh ? "（共" + edits.size() + "处修改）" : " (" + edits.size() + " edits)";
        }
        return line;
    }

    /** The text without the marks and spaces at its ends (an edit ",并履行…。" reads "并履行…"). */
    private static String trimMarks(String s) {
        if (s == null) {
            return "";
        }
        int a = 0;
        int b = s.length();
        while (a < b && !Character.isLetterOrDigit(s.charAt(a))) {
            a++;
        }
        while (b > a && !Character.isLetterOrDigit(s.charAt(b - 1))) {
            b--;
        }
        return s.substring(a, b);
    }

    /** Letters and CJK characters count; marks and spaces do not. */
    private static int weight(String s) {
        int w = 0;
        for (int k = 0; k < s.length(); k++) {
            if (Character.isLetterOrDigit(s.charAt(k))) {
                w++;
            }
        }
        return w;
    }

    /** The text on one line, clipped to {@code max} characters with an ellipsis. */
    static String clip(String s, int max) {
        if (s == null) {
            return "";
        }
        String one = s.replaceAll("\\s+", " ").strip();
        if (one.codePointCount(0, one.length()) <= max) {
            return one;
        }
        int end = one.offsetByCodePoints(0, max);
        return one.substring(0, end).stripTrailing() + "…";
    }

    /**
     * The headline of a document change: the most telling substantive provision with its note, how many
     * other substantive changes there are, then the editorial ones in one clause. Null when nothing changed.
     */
    static String headline(List<ProvisionChange> changes, boolean zh) {
        if (changes.isEmpty()) {
            return null;
        }
        List<ProvisionChange> substantive = changes.stream()
                .filter(c -> c.significance() == Significance.SUBSTANTIVE).toList();
        List<String> parts = new ArrayList<>();
        if (!substantive.isEmpty()) {
            ProvisionChange lead = substantive.stream()
                    .max(Comparator.comparingInt(Notes::weightOf))
                    .orElseThrow();
            parts.add(lead.displayLabel() + (zh ? "：" : ": ") + lead.note());
            int more = substantive.size() - 1;
            if (more > 0) {
                parts.add(zh ? "另有" + more + "处实质修改" : more + (more == 1 ? " more substantive change" : " more substantive changes"));
            }
        }
        String editorial = editorialClause(changes, zh);
        if (editorial != null) {
            parts.add(substantive.isEmpty() ? (zh ? "仅编辑性修改：" : "editorial only: ") + editorial : editorial);
        }
        String line = String.join(zh ? "；" : "; ", parts);
        return clip(line, HEADLINE_MAX);
    }

    /** The editorial and renumbered-only changes in one clause: "64 renumbered, 4 cross-references updated". */
    static String editorialClause(List<ProvisionChange> changes, boolean zh) {
        int renumbered = 0;
        int references = 0;
        int other = 0;
        for (ProvisionChange c : changes) {
            if (c.significance() != Significance.EDITORIAL) {
                continue;
            }
            if (c.editorialKinds().contains(EditorialKind.CROSS_REFERENCE)) {
                references++;
            } else if (c.type() == ChangeType.RENUMBERED) {
                renumbered++;
            } else {
                other++;
            }
        }
        List<String> parts = new ArrayList<>();
        if (renumbered > 0) {
            parts.add(zh ? renumbered + "条重新编号" : renumbered + " renumbered");
        }
        if (references > 0) {
            parts.add(zh ? references + "处引用条号更新" : references + (references == 1 ? " cross-reference updated" : " cross-references updated"));
        }
        if (other > 0) {
            parts.add(zh ? other + "处文字规范" : other + (other == 1 ? " editorial correction" : " editorial corrections"));
        }
        return parts.isEmpty() ? null : String.join(zh ? "，" : ", ", parts);
    }

    /** How telling a substantive change is for a headline: changed fines first, then other facts, then size. */
    private static int weightOf(ProvisionChange c) {
        int w = 0;
        for (Fact f : c.facts()) {
            if (f.changed()) {
                w += switch (f.kind()) {
                    case FINE -> 1000;
                    case DEADLINE, EFFECTIVE_DATE -> 500;
                    case OBLIGATION -> 100;
                };
            }
        }
        if (c.type() == ChangeType.MODIFIED) {
            w += 10;
        }
        return w;
    }
}
