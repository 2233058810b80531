package dev.policywatch.web.change;

import dev.policywatch.events.ChangeType;
import dev.policywatch.events.DiffOp;
import dev.policywatch.events.EditorialKind;
import dev.policywatch.events.FactKind;
import dev.policywatch.events.ProvisionChange;
import dev.policywatch.web.page.PageText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One provision change ready to show in the reader's language (type, editorial kinds and fact chips; the
 * provision's own text as it is): its label as printed ({@code 第十条}, or {@code 第十条 → 第十一条}
 * when renumbered), where it sits, and its diff three ways: {@code inline} (deletions and insertions
 * interleaved), {@code before} (the old text, deletions marked) and {@code after} (the new text,
 * insertions marked). Built from the change's word/character diff; when the change has none (an added
 * or removed provision), the whole text is the insertion or deletion.
 *
 * <p>What the change means (CONTRACT §2): {@code editorial} (with {@code editorialKinds} in words),
 * the {@code note} and the fact {@code chips} ({@code 罚款 5千–3万 → 1万–10万元}); all null or empty
 * for a change written before meanings existed. A renumbered provision whose diff is empty although
 * its text changed (an event from before the engine diffed them) shows the changed middle of the text
 * rather than the whole text struck out and re-inserted.
 *
 * @param similarity percent, or -1 when not worth showing (not a modification)
 * @param numbered   whether {@code label} is the provision's own (else it is "(unnumbered)" in the reader's language)
 */
public record ProvisionDiff(String type, String typeLabel, String label, boolean numbered, String oldLabel, String newLabel,
        boolean relabelled, String location, int similarity, List<Segment> inline, List<Segment> before,
        List<Segment> after, boolean hasBefore, boolean hasAfter, boolean textChanged, boolean editorial,
        String editorialKinds, String note, List<String> chips) {

    public ProvisionDiff {
        inline = List.copyOf(inline);
        before = List.copyOf(before);
        after = List.copyOf(after);
        chips = chips == null ? List.of() : List.copyOf(chips);
    }

    /** Builds the display form of a change for a reader of {@code t}'s language. */
    public static ProvisionDiff of(ProvisionChange c, PageText t) {
        List<Segment> inline = new ArrayList<>();
        List<Segment> before = new ArrayList<>();
        List<Segment> after = new ArrayList<>();
        if (!c.diff().isEmpty()) {
            for (DiffOp op : c.diff()) {
                switch (op.op()) {
                    case EQUAL -> {
                        add(inline, Segment.SAME, op.text());
                        add(before, Segment.SAME, op.text());
                        add(after, Segment.SAME, op.text());
                    }
                    case DELETE -> {
                        add(inline, Segment.DEL, op.text());
                        add(before, Segment.DEL, op.text());
                    }
                    case INSERT -> {
                        add(inline, Segment.INS, op.text());
                        add(after, Segment.INS, op.text());
                    }
                }
            }
        } else {
            String oldText = c.oldText() == null ? "" : c.oldText();
            String newText = c.newText() == null ? "" : c.newText();
            if (oldText.equals(newText)) {
                add(inline, Segment.SAME, oldText);
                add(before, Segment.SAME, oldText);
                add(after, Segment.SAME, newText);
            } else if (c.type() == ChangeType.RENUMBERED) {
                // the same text but for a reference or a mark: show what differs between the common ends
                int prefix = 0;
                int max = Math.min(oldText.length(), newText.length());
                while (prefix < max && oldText.charAt(prefix) == newText.charAt(prefix)) {
                    prefix++;
                }
                int suffix = 0;
                while (suffix < max - prefix
                        && oldText.charAt(oldText.length() - 1 - suffix) == newText.charAt(newText.length() - 1 - suffix)) {
                    suffix++;
                }
                String head = oldText.substring(0, prefix);
                String tail = oldText.substring(oldText.length() - suffix);
                String del = oldText.substring(prefix, oldText.length() - suffix);
                String ins = newText.substring(prefix, newText.length() - suffix);
                add(inline, Segment.SAME, head);
                add(inline, Segment.DEL, del);
                add(inline, Segment.INS, ins);
                add(inline, Segment.SAME, tail);
                add(before, Segment.SAME, head);
                add(before, Segment.DEL, del);
                add(before, Segment.SAME, tail);
                add(after, Segment.SAME, head);
                add(after, Segment.INS, ins);
                add(after, Segment.SAME, tail);
            } else {
                add(inline, Segment.DEL, oldText);
                add(inline, Segment.INS, newText);
                add(before, Segment.DEL, oldText);
                add(after, Segment.INS, newText);
            }
        }
        boolean changed = inline.stream().anyMatch(s -> !s.kind().equals(Segment.SAME));
        boolean relabelled = c.oldLabel() != null && c.newLabel() != null && !c.oldLabel().equals(c.newLabel());
        String label = label(c);
        return new ProvisionDiff(c.type().name().toLowerCase(Locale.ROOT), t.text("type." + c.type().name()),
                label == null ? t.text("diff.unnumbered") : label, label != null, c.oldLabel(), c.newLabel(), relabelled, location(c), c.type() == ChangeType.MODIFIED
                        ? (int) Math.round(c.similarity() * 100) : -1,
                inline, before, after, c.type() != ChangeType.ADDED, c.type() != ChangeType.REMOVED, changed,
                c.editorial(), kinds(c.editorialKinds(), t), c.note() == null || c.note().isBlank() ? null : c.note(),
                c.facts().stream().filter(f -> f.kind() != FactKind.OBLIGATION || f.changed())
                        .map(t::chip).toList());
    }

    /** "punctuation, variant characters" — the kinds an editorial change consists of, in words; null when none. */
    private static String kinds(List<EditorialKind> kinds, PageText t) {
        return kinds.isEmpty() ? null : t.join(kinds.stream().map(k -> t.text("editorial." + k.name())).toList());
    }

    /** The label as printed, or null when the provision has none. */
    private static String label(ProvisionChange c) {
        String label = c.displayLabel();
        return label != null && !label.isBlank() ? label : null;
    }

    /** The enclosing units ({@code 第二章 › 第一节}), from the new path, else the old; empty when top-level. */
    private static String location(ProvisionChange c) {
        List<String> path = !c.newPath().isEmpty() ? c.newPath() : c.oldPath();
        String label = c.newPath().isEmpty() ? c.oldLabel() : c.newLabel();
        List<String> outer = new ArrayList<>(path);
        if (!outer.isEmpty() && label != null && outer.get(outer.size() - 1).equals(label)) {
            outer.remove(outer.size() - 1);
        }
        return String.join(" › ", outer);
    }

    /** Appends, merging with the previous run of the same kind (fewer elements, cleaner markup). */
    private static void add(List<Segment> segments, String kind, String text) {
        if (text.isEmpty()) {
            return;
        }
        if (!segments.isEmpty() && segments.get(segments.size() - 1).kind().equals(kind)) {
            Segment last = segments.remove(segments.size() - 1);
            segments.add(new Segment(kind, last.text() + text));
        } else {
            segments.add(new Segment(kind, text));
        }
    }
}
