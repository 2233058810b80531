package dev.policywatch.notifier.delivery;

import dev.policywatch.events.ChangeKind;
import dev.policywatch.events.ChangeType;
import dev.policywatch.events.DiffOp;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.Predecessor;
import dev.policywatch.events.ProvisionChange;
import dev.policywatch.events.ChangeSummary;
import dev.policywatch.events.EditorialKind;
import dev.policywatch.events.Language;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The wording every channel shares, in the subscription's language ({@link AlertText}): a publisher's
 * short name, the headline and counts of a change, and a compact diff of a provision (long unchanged
 * stretches elided). Returns plain strings and {@link DiffOp} lists; each channel escapes and marks them
 * up its own way ({@link AlertContent} gathers them for one alert). Strings from pages have control
 * characters (CR/LF included) folded to spaces. Pure; instances are immutable.
 */
public final class AlertFormat {

    private static final Pattern STATED_ABBREVIATION = Pattern.compile("\\(([A-Z][A-Za-z0-9&.-]{1,11})\\)$");
    private static final int KEEP = 40;

    /** English, dates in UTC. */
    public static final AlertFormat EN = new AlertFormat(AlertText.of(Language.EN), ZoneOffset.UTC);

    private final AlertText text;
    private final ZoneId zone;

    private AlertFormat(AlertText text, ZoneId zone) {
        this.text = text;
        this.zone = zone;
    }

    /** The wording in {@code locale}, dates in {@code zone}. */
    public static AlertFormat of(Language locale, ZoneId zone) {
        return new AlertFormat(AlertText.of(locale), zone == null ? ZoneOffset.UTC : zone);
    }

    /** The words of this wording's language. */
    public AlertText text() {
        return text;
    }

    /** The zone dates are shown in. */
    public ZoneId zone() {
        return zone;
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

    /**
     * The publisher's name as the source gives it, or the abbreviation the name itself states in
     * brackets at its end ("Cyberspace Administration of China (CAC)" → "CAC"). Initials are never made
     * up: "Example Agency" stays "Example Agency", not "EA".
     */
    public static String publisherShort(String publisher) {
        String p = oneLine(publisher, 80);
        if (p.isEmpty()) {
            return "policywatch";
        }
        java.util.regex.Matcher m = STATED_ABBREVIATION.matcher(p);
        return m.find() ? m.group(1) : p;
    }

    /**
     * "Cyberspace Administration of China: 生成式人工智能服务管理暂行办法"; the title alone when it names the
     * publisher; for a draft that became final, the lineage line ({@link #lineage}), which takes
     * precedence over any other headline.
     */
    public String headline(DocumentChange c) {
        Optional<String> lineage = lineage(c);
        if (lineage.isPresent()) {
            return lineage.get();
        }
        String title = title(c);
        String publisher = publisherShort(c.publisher());
        String bare = publisher.replaceAll("\\s*\\([^)]*\\)$", "");
        return !bare.isEmpty() && title.contains(bare) ? title : text.get("headline", publisher, title);
    }

    /** The first line of an alert: the headline and the counts ("CAC: … — 2 modified"), or the lineage line alone. */
    public String firstLine(DocumentChange c) {
        return subjectLine(c);
    }

    /**
     * For a final text replacing its draft, what an alert says first: "Final text published: 《…》 —
     * compared with the draft of 2023-04-11: 7 modified, 2 added, 3 removed" (a NEW_DOCUMENT with a
     * predecessor), or "Final text published: 《…》 — the draft (征求意见稿) became final: no provision
     * changes" (a title that lost its draft marker). An administrator's correction of the link says so:
     * "… (link corrected by an administrator)", or "Link removed by an administrator: “…” replaces no
     * earlier document (was linked to …)". Empty for any other change.
     */
    public Optional<String> lineage(DocumentChange c) {
        Predecessor p = c.predecessor();
        if (c.kind() == ChangeKind.NEW_DOCUMENT && p != null) {
            String key = c.statusChange() != null ? "lineage.final" : "lineage.replaces";
            String of = c.statusChange() != null ? text.get("lineage.draft") : "《" + oneLine(p.title(), 120) + "》";
            String date = p.fetchedAt() == null ? "" : text.get("lineage.of", text.day(p.fetchedAt(), zone));
            return Optional.of(oneLine(text.get(key, quoted(c), of, date, describe(c.summary()))
                    + (c.correction() == null ? "" : text.get("lineage.corrected")), 400));
        }
        if (c.kind() == ChangeKind.NEW_DOCUMENT && c.correction() != null) {
            String was = c.correction().previousPredecessor();
            return Optional.of(oneLine(text.get("lineage.removed", quoted(c))
                    + (was == null ? "" : text.get("lineage.wasLinked", was)), 400));
        }
        if (c.kind() == ChangeKind.UPDATED && c.statusChange() != null) {
            String marker = c.statusChange().marker() == null ? ""
                    : text.get("lineage.marker", oneLine(c.statusChange().marker(), 40));
            return Optional.of(oneLine(text.get("lineage.became", quoted(c), marker, describe(c.summary())), 400));
        }
        return Optional.empty();
    }

    /** "2 modified, 1 added" ("修改 2 条，新增 1 条"): the non-zero counts, most significant first. */
    public String describe(ChangeSummary s) {
        List<String> parts = new ArrayList<>();
        int[] counts = {s.modified(), s.added(), s.removed(), s.renumbered()};
        String[] keys = {"count.modified", "count.added", "count.removed", "count.renumbered"};
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                parts.add(text.get(keys[i], String.valueOf(counts[i])));
            }
        }
        return parts.isEmpty() ? text.get("counts.none") : String.join(text.get("list.separator"), parts);
    }

    /** For a change with a predecessor, the line naming it: "Compared with: 《…（征求意见稿）》 https://…". */
    public Optional<String> predecessorLine(DocumentChange c) {
        Predecessor p = c.predecessor();
        if (p == null || c.kind() != ChangeKind.NEW_DOCUMENT) {
            return Optional.empty();
        }
        String title = oneLine(p.title() == null || p.title().isBlank() ? p.documentId() : p.title(), 200);
        return Optional.of(text.get("predecessor", title, p.url() == null ? "" : " " + oneLine(p.url(), 500)));
    }

    /** "2 modified, 1 added", "new document", "removed"; for a final text, its counts from the draft. */
    public String counts(DocumentChange c) {
        return switch (c.kind()) {
            case NEW_DOCUMENT -> c.predecessor() == null ? text.get("counts.new")
                    : text.get("counts.compared", describe(c.summary()));
            case REMOVED -> text.get("kind.removed");
            default -> describe(c.summary());
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

    private static String title(DocumentChange c) {
        return oneLine(c.title() == null || c.title().isBlank() ? c.documentId() : c.title(), 200);
    }

    /** 《标题》 for a Chinese title, “Title” otherwise. */
    private static String quoted(DocumentChange c) {
        String t = title(c);
        boolean han = t.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
        return han ? "《" + t + "》" : "“" + t + "”";
    }

    /** "new document", "updated", "removed". */
    public String kind(DocumentChange c) {
        return text.get("kind." + c.kind().name().toLowerCase(Locale.ROOT));
    }

    /** What happened, each word once: "updated · 2 modified, 1 added", "new document", "removed". */
    public String status(DocumentChange c) {
        return c.kind() == ChangeKind.UPDATED || c.kind() == ChangeKind.BASELINE
                ? text.get("status", kind(c), counts(c)) : kind(c);
    }

    /** When the change was detected, in this wording's zone: "Detected 14 May 2024 11:45 (UTC)". */
    public String detected(DocumentChange c) {
        return c.detectedAt() == null ? "" : text.get("detected", text.time(c.detectedAt(), zone), zone.getId());
    }

    /**
     * The renumbered provisions (text unchanged) of a change, told in one line: "4 renumbered (text
     * unchanged): 第三条 → 第四条, 第四条 → 第五条, … 第六条 → 第七条"; empty when there are none.
     */
    public String renumberedLine(List<ProvisionChange> changes) {
        List<String> pairs = new ArrayList<>();
        for (ProvisionChange p : changes) {
            if (p.type() == ChangeType.RENUMBERED) {
                pairs.add(oneLine(p.oldLabel(), 40) + " → " + oneLine(p.newLabel(), 40));
            }
        }
        if (pairs.isEmpty()) {
            return "";
        }
        String sep = text.get("list.separator");
        String list = pairs.size() <= 4 ? String.join(sep, pairs)
                : String.join(sep, pairs.subList(0, 3)) + sep + "… " + pairs.get(pairs.size() - 1);
        return text.get("renumbered.line", String.valueOf(pairs.size()), list);
    }

    /** "第十条 (modified)", "Article 3 → Article 4 (renumbered)". */
    public String provisionLabel(ProvisionChange p) {
        String label = p.displayLabel();
        if (label == null || label.isBlank()) {
            label = p.newPath().isEmpty() ? String.join(" › ", p.oldPath()) : String.join(" › ", p.newPath());
        }
        return text.get("provision.label", oneLine(label.isBlank() ? text.get("provision.unnumbered") : label, 150),
                text.get("type." + p.type().name().toLowerCase(Locale.ROOT)));
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

    /** A terminal's rendering of a compact diff: deletions struck through in red, insertions green, no markers. */
    public static String ansiDiff(List<DiffOp> ops) {
        StringBuilder sb = new StringBuilder();
        for (DiffOp op : ops) {
            switch (op.op()) {
                case EQUAL -> sb.append(op.text());
                case INSERT -> sb.append("\u001B[32m").append(op.text()).append("\u001B[0m");
                case DELETE -> sb.append("\u001B[31;9m").append(op.text()).append("\u001B[0m");
            }
        }
        return sb.toString();
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

    // ---- what a change means (CONTRACT §2): alerts lead with it ----

    /**
     * The first line of an alert: "publisher: title — headline", the headline being what the change
     * means (substantive provisions first, "罚款 5千–3万元 → 1万–10万元"); just "publisher: title" for a
     * change written before meanings existed.
     */
    public String leadLine(DocumentChange c) {
        if (lineage(c).isPresent()) {
            return lineage(c).get(); // draft → final takes precedence (it carries the counts)
        }
        String meaning = meaning(c);
        return meaning == null ? headline(c) : text.get("lead", headline(c), meaning);
    }

    /** A one-line subject: the lead line, then the counts ("… — 第四条：罚款 5千–3万元 → 1万–10万元 (1 modified)"). */
    public String subjectLine(DocumentChange c) {
        if (lineage(c).isPresent()) {
            return lineage(c).get();
        }
        return meaning(c) == null ? text.get("subject.counts", headline(c), counts(c))
                : text.get("subject.meaning", leadLine(c), counts(c));
    }

    /** What the change means (its summary's headline, one line), or null for a change without one. */
    public static String meaning(DocumentChange c) {
        String m = c.kind() == ChangeKind.UPDATED ? c.summary().headline() : null;
        return m == null || m.isBlank() ? null : oneLine(m, 300);
    }

    /**
     * The provisions an alert shows one by one: every one that is not editorial (substantive, or of
     * unknown meaning) and not renumbered, in document order. Editorial and renumbered-only ones go into
     * {@link #editorialLine} (or {@link #renumberedLine} for a change written before meanings existed).
     */
    public static List<ProvisionChange> shownProvisions(DocumentChange c) {
        return c.changes().stream().filter(p -> !p.editorial() && p.type() != ChangeType.RENUMBERED).toList();
    }

    /**
     * The editorial provisions of a change in one line: "64 articles renumbered; 4 cross-references
     * updated; 2 editorial corrections (punctuation, spelling variants)"; empty when there are none.
     */
    public String editorialLine(DocumentChange c) {
        int renumbered = 0;
        int references = 0;
        int other = 0;
        Set<EditorialKind> kinds = new TreeSet<>();
        String unit = "provisions";
        for (ProvisionChange p : c.changes()) {
            if (!p.editorial()) {
                continue;
            }
            String label = p.newLabel() == null ? "" : p.newLabel();
            unit = label.startsWith("第") && label.endsWith("条") || label.startsWith("Article") ? "articles"
                    : label.startsWith("Section") || label.startsWith("§") ? "sections" : unit;
            if (p.editorialKinds().contains(EditorialKind.CROSS_REFERENCE)) {
                references++;
            } else if (p.type() == ChangeType.RENUMBERED) {
                renumbered++;
            } else {
                other++;
                kinds.addAll(p.editorialKinds());
            }
        }
        List<String> parts = new ArrayList<>();
        if (renumbered > 0) {
            parts.add(text.count("editorial.renumbered." + unit, renumbered));
        }
        if (references > 0) {
            parts.add(text.count("editorial.references", references));
        }
        if (other > 0) {
            String named = kinds.isEmpty() ? "" : text.get("editorial.kinds", String.join(text.get("list.separator"),
                    kinds.stream().map(k -> text.get("editorialKind." + k.name())).toList()));
            parts.add(text.count("editorial.corrections", other, named));
        }
        return String.join(text.get("editorial.separator"), parts);
    }

    /** The editorial line, or for a change from before meanings existed its renumbering line. */
    public String editorialOrRenumbered(DocumentChange c) {
        String editorial = editorialLine(c);
        return editorial.isEmpty() ? renumberedLine(c.changes()) : editorial;
    }

    /** A provision's note, one line, or empty when it has none. */
    public static String note(ProvisionChange p) {
        return p.note() == null ? "" : oneLine(p.note(), 300);
    }
}
