package dev.policywatch.notifier.delivery;

import dev.policywatch.events.ChangeKind;
import dev.policywatch.events.DiffOp;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.ProvisionChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The wording every channel shares: a publisher's short name, the headline and counts of a change,
 * and a compact diff of a provision (long unchanged stretches elided). Returns plain strings and
 * {@link DiffOp} lists; each channel escapes and marks them up its own way. Strings from pages have
 * control characters (CR/LF included) folded to spaces. Pure.
 */
public final class AlertFormat {

    private static final Set<String> MINOR = Set.of("of", "the", "and", "for", "on", "in", "de", "la", "du", "des", "et");
    private static final int KEEP = 40;

    private AlertFormat() {
    }

    /**
     * Unicode bidirectional controls (embeddings, overrides, isolates, marks): in a crawled title or text
     * they reorder what a reader sees ("‮gnp.exe" shows as "exe.png"), so alerts drop them.
     */
    private static final Pattern BIDI = Pattern.compile("[\\u202A-\\u202E\\u2066-\\u2069\\u200E\\u200F\\u061C]");

    /** {@code s} without bidirectional controls (null stays null). */
    public static String stripBidi(String s) {
        return s == null ? null : BIDI.matcher(s).replaceAll("");
    }

    /** One line: bidirectional controls dropped, control characters (CR, LF, tabs…) become spaces, runs of spaces one, clipped to {@code max}. */
    public static String oneLine(String s, int max) {
        if (s == null) {
            return "";
        }
        String flat = stripBidi(s).replaceAll("[\\p{Cntrl}\\u2028\\u2029\\u0085]", " ").replaceAll("\\s+", " ")
                .strip();
        return flat.length() > max ? flat.substring(0, Math.max(0, max - 1)) + "…" : flat;
    }

    /** "CAC" for "Cyberspace Administration of China"; names of one or two words, or with CJK, unchanged. */
    public static String publisherShort(String publisher) {
        String p = oneLine(publisher, 80);
        if (p.isEmpty()) {
            return "policywatch";
        }
        String[] words = p.split(" ");
        if (words.length < 3 || p.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
            return p;
        }
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            if (!w.isEmpty() && !MINOR.contains(w.toLowerCase(Locale.ROOT)) && Character.isLetter(w.charAt(0))) {
                sb.append(Character.toUpperCase(w.charAt(0)));
            }
        }
        return sb.length() >= 2 ? sb.toString() : p;
    }

    /** "CAC: 生成式人工智能服务管理暂行办法" — one line. */
    public static String headline(DocumentChange c) {
        String title = oneLine(c.title() == null || c.title().isBlank() ? c.documentId() : c.title(), 200);
        return publisherShort(c.publisher()) + ": " + title;
    }

    /** "2 modified, 1 added", "new document", "removed". */
    public static String counts(DocumentChange c) {
        return switch (c.kind()) {
            case NEW_DOCUMENT -> "new document";
            case REMOVED -> "removed";
            default -> c.summary().describe();
        };
    }

    /**
     * How many provisions changed: those listed, or for a change truncated by diff-service (a huge edit)
     * the count of its summary, which includes those not listed.
     */
    public static int provisionCount(DocumentChange c) {
        return Boolean.TRUE.equals(c.truncated()) ? Math.max(c.summary().total(), c.changes().size())
                : c.changes().size();
    }

    /** "new document", "updated", "removed". */
    public static String kind(DocumentChange c) {
        return c.kind() == ChangeKind.NEW_DOCUMENT ? "new document" : c.kind().name().toLowerCase(Locale.ROOT);
    }

    /** "第十条 (modified)", "Article 3 → Article 4 (renumbered)". */
    public static String provisionLabel(ProvisionChange p) {
        String label = p.displayLabel();
        if (label == null || label.isBlank()) {
            label = p.newPath().isEmpty() ? String.join(" › ", p.oldPath()) : String.join(" › ", p.newPath());
        }
        return oneLine(label.isBlank() ? "(unnumbered)" : label, 150) + " (" + p.type().name().toLowerCase(Locale.ROOT) + ")";
    }

    /**
     * The provision's diff with unchanged stretches over 2×40 characters elided to their ends, and at most
     * {@code maxChars} characters in all (then clipped with "…"). A change without a diff shows its text
     * as inserted (ADDED) or deleted (REMOVED).
     */
    public static List<DiffOp> compactDiff(ProvisionChange p, int maxChars) {
        List<DiffOp> source = p.diff();
        if (source.isEmpty()) {
            if (p.newText() != null && p.oldText() == null) {
                source = List.of(DiffOp.insert(p.newText()));
            } else if (p.oldText() != null && p.newText() == null) {
                source = List.of(DiffOp.delete(p.oldText()));
            } else {
                source = List.of(DiffOp.equal(p.newText() == null ? "" : p.newText()));
            }
        }
        List<DiffOp> out = new ArrayList<>();
        int used = 0;
        for (int i = 0; i < source.size() && used < maxChars; i++) {
            DiffOp op = source.get(i);
            String text = stripBidi(op.text()).replaceAll("[\\p{Cntrl}]", " ");
            if (op.op() == DiffOp.Op.EQUAL && text.length() > 2 * KEEP + 1) {
                boolean first = i == 0;
                boolean last = i == source.size() - 1;
                if (first) {
                    text = "…" + text.substring(text.length() - KEEP);
                } else if (last) {
                    text = text.substring(0, KEEP) + "…";
                } else {
                    text = text.substring(0, KEEP) + " … " + text.substring(text.length() - KEEP);
                }
            }
            if (used + text.length() > maxChars) {
                text = text.substring(0, Math.max(0, maxChars - used)) + "…";
            }
            used += text.length();
            out.add(new DiffOp(op.op(), text));
        }
        return out;
    }

    /** The plain-text rendering of a compact diff: {@code [-deleted-]} and {@code {+inserted+}}. */
    public static String plainDiff(List<DiffOp> ops) {
        StringBuilder sb = new StringBuilder();
        for (DiffOp op : ops) {
            switch (op.op()) {
                case EQUAL -> sb.append(op.text());
                case INSERT -> sb.append("{+").append(op.text()).append("+}");
                case DELETE -> sb.append("[-").append(op.text()).append("-]");
            }
        }
        return sb.toString();
    }
}
