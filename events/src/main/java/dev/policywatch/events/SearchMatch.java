package dev.policywatch.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Locale;

/**
 * Where a text search ({@code q} of {@code GET /api/changes}, CONTRACT §4) meets a change: the first
 * changed provision whose label or text contains the words, and a snippet of that text around them.
 * Only what changed is searched: the text of ADDED, REMOVED and MODIFIED provisions and of structure
 * changes, and the labels of every change; the unchanged text of a RENUMBERED provision is not. Matching
 * ignores case (also of non-ASCII letters). Pure.
 *
 * @param label      the provision's label as shown ({@code 第十条 → 第十一条}), or its path when unnumbered
 * @param type       the provision change's type
 * @param snippet    about {@value #CONTEXT} characters either side of the match, "…" where cut, on one line
 * @param matchStart where the match starts in {@code snippet}
 * @param matchEnd   where it ends (exclusive)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SearchMatch(String label, ChangeType type, String snippet, int matchStart, int matchEnd) {

    /** Characters of context shown either side of the match. */
    public static final int CONTEXT = 40;

    /** The first match of {@code q} in what {@code change} changed, or null when there is none. */
    public static SearchMatch find(DocumentChange change, String q) {
        if (q == null || q.isBlank() || change == null) {
            return null;
        }
        String needle = q.strip().toLowerCase(Locale.ROOT);
        for (List<ProvisionChange> list : List.of(change.changes(), change.structureChanges())) {
            for (ProvisionChange p : list) {
                SearchMatch m = in(p, needle);
                if (m != null) {
                    return m;
                }
            }
        }
        return null;
    }

    /** Whether {@code q} is in what {@code p} changed (its text unless RENUMBERED, its labels always). */
    private static SearchMatch in(ProvisionChange p, String needle) {
        String label = p.displayLabel();
        if (label == null || label.isBlank()) {
            label = String.join(" › ", p.newPath().isEmpty() ? p.oldPath() : p.newPath());
        }
        if (p.type() != ChangeType.RENUMBERED) {
            for (String text : new String[] {p.newText(), p.oldText()}) {
                SearchMatch m = snippet(label, p.type(), text, needle);
                if (m != null) {
                    return m;
                }
            }
        }
        return snippet(label, p.type(), label, needle);
    }

    private static SearchMatch snippet(String label, ChangeType type, String text, String needle) {
        if (text == null) {
            return null;
        }
        String flat = text.replaceAll("[\\p{Cntrl}\\s]+", " ");
        // lower-casing can change lengths (İ): search a lower-cased copy only when lengths agree
        String lower = flat.toLowerCase(Locale.ROOT);
        int at = lower.length() == flat.length() ? lower.indexOf(needle) : flat.indexOf(needle);
        if (at < 0) {
            return null;
        }
        int from = Math.max(0, at - CONTEXT);
        int to = Math.min(flat.length(), at + needle.length() + CONTEXT);
        String head = from > 0 ? "…" : "";
        String snippet = head + flat.substring(from, to) + (to < flat.length() ? "…" : "");
        int start = head.length() + at - from;
        return new SearchMatch(label, type, snippet, start, start + needle.length());
    }
}
