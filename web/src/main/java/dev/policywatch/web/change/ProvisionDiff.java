package dev.policywatch.web.change;

import dev.policywatch.events.ChangeType;
import dev.policywatch.events.DiffOp;
import dev.policywatch.events.ProvisionChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One provision change ready to show: its label as printed ({@code 第十条}, or {@code 第十条 → 第十一条}
 * when renumbered), where it sits, and its diff three ways: {@code inline} (deletions and insertions
 * interleaved), {@code before} (the old text, deletions marked) and {@code after} (the new text,
 * insertions marked). Built from the change's word/character diff; when the change has none (an added
 * or removed provision), the whole text is the insertion or deletion.
 *
 * @param similarity percent, or -1 when not worth showing (not a modification)
 */
public record ProvisionDiff(String type, String typeLabel, String label, String oldLabel, String newLabel,
        boolean relabelled, String location, int similarity, List<Segment> inline, List<Segment> before,
        List<Segment> after, boolean hasBefore, boolean hasAfter, boolean textChanged) {

    public ProvisionDiff {
        inline = List.copyOf(inline);
        before = List.copyOf(before);
        after = List.copyOf(after);
    }

    /** Builds the display form of a change. */
    public static ProvisionDiff of(ProvisionChange c) {
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
            } else {
                add(inline, Segment.DEL, oldText);
                add(inline, Segment.INS, newText);
                add(before, Segment.DEL, oldText);
                add(after, Segment.INS, newText);
            }
        }
        boolean changed = inline.stream().anyMatch(s -> !s.kind().equals(Segment.SAME));
        boolean relabelled = c.oldLabel() != null && c.newLabel() != null && !c.oldLabel().equals(c.newLabel());
        return new ProvisionDiff(c.type().name().toLowerCase(Locale.ROOT), typeLabel(c.type()), label(c),
                c.oldLabel(), c.newLabel(), relabelled, location(c), c.type() == ChangeType.MODIFIED
                        ? (int) Math.round(c.similarity() * 100) : -1,
                inline, before, after, c.type() != ChangeType.ADDED, c.type() != ChangeType.REMOVED, changed);
    }

    static String typeLabel(ChangeType type) {
        return switch (type) {
            case ADDED -> "Added";
            case REMOVED -> "Removed";
            case MODIFIED -> "Modified";
            case RENUMBERED -> "Renumbered";
        };
    }

    private static String label(ProvisionChange c) {
        String label = c.displayLabel();
        if (label != null && !label.isBlank()) {
            return label;
        }
        return "(unnumbered)";
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
