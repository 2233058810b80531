package dev.policywatch.web.timeline;

import dev.policywatch.events.ChangeKind;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.ProvisionChange;
import dev.policywatch.events.SearchMatch;
import dev.policywatch.web.page.Formats;
import dev.policywatch.web.page.PageText;
import java.util.ArrayList;
import java.util.List;

/**
 * One change on the timeline, ready to show in the reader's language: crawled text as it is (shown
 * escaped), the kind, summary, time and fact chips in the reader's language.
 *
 * @param labels the first changed provisions' labels ({@code 第十条}, {@code 第十条 → 第十一条})
 * @param more   how many changed provisions are not in {@code labels}
 * @param match  with a text search, where the words are in what changed (before, match, after); else null
 */
public record TimelineItem(String href, String documentHref, String title, String documentId, String source,
        String publisher, String jurisdiction, String kind, String kindClass, String detectedAt, String detectedIso,
        String summary, List<String> labels, int more, String lang, Snippet match, boolean editorial,
        String headline, List<String> chips) {

    /** A search match split for display: the label, the text before the match, the match, the text after. */
    public record Snippet(String label, String before, String match, String after) {
        static Snippet of(SearchMatch m) {
            return m == null ? null : new Snippet(m.label(), m.snippet().substring(0, m.matchStart()),
                    m.snippet().substring(m.matchStart(), m.matchEnd()), m.snippet().substring(m.matchEnd()));
        }
    }

    static final int LABELS_SHOWN = 6;

    public TimelineItem {
        labels = List.copyOf(labels);
        chips = chips == null ? List.of() : List.copyOf(chips);
    }

    /** The item, with the snippet of {@code q} in what changed when {@code q} is set. */
    static TimelineItem of(DocumentChange c, String q, PageText t) {
        List<String> labels = new ArrayList<>();
        for (ProvisionChange p : c.changes()) {
            if (labels.size() == LABELS_SHOWN) {
                break;
            }
            String label = p.displayLabel();
            if (label != null && !label.isBlank()) {
                labels.add(label);
            }
        }
        int more = Math.max(0, c.changes().size() - labels.size());
        String title = c.title() == null || c.title().isBlank() ? c.documentId() : c.title();
        return new TimelineItem("/changes/" + c.changeId(), "/documents/" + c.documentId(), title, c.documentId(),
                c.sourceName() == null || c.sourceName().isBlank() ? c.sourceId() : c.sourceName(), c.publisher(),
                c.jurisdiction(), t.text(kindKey(c.kind())), c.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                t.time(c.detectedAt()), Formats.iso(c.detectedAt()), summary(c, t), labels, more,
                Formats.lang(c.language()), q == null ? null : Snippet.of(SearchMatch.find(c, q)), c.editorialOnly(),
                c.kind() == ChangeKind.UPDATED ? c.summary().headline() : null, chips(c, t));
    }

    /** The changed fines, deadlines and dates of a change, as chips in the reader's language (at most four). */
    private static List<String> chips(DocumentChange c, PageText t) {
        List<String> out = new ArrayList<>();
        for (ProvisionChange p : c.changes()) {
            for (dev.policywatch.events.Fact f : p.facts()) {
                if (f.changed() && f.kind() != dev.policywatch.events.FactKind.OBLIGATION && out.size() < 4) {
                    out.add(t.chip(f));
                }
            }
        }
        return out;
    }

    /** The message key of a kind of change ({@code kind.UPDATED}). */
    public static String kindKey(ChangeKind kind) {
        return "kind." + kind.name();
    }

    private static String summary(DocumentChange c, PageText t) {
        return switch (c.kind()) {
            case BASELINE -> t.text("timeline.summary.BASELINE");
            case NEW_DOCUMENT -> t.text("timeline.summary.NEW_DOCUMENT");
            case REMOVED -> t.text("timeline.summary.REMOVED");
            case UPDATED -> {
                String provisions = t.summary(c.summary());
                yield c.structureChanges().isEmpty() ? provisions
                        : t.text("timeline.summary.withHeadings", provisions,
                                t.count("count.headingChanges", c.structureChanges().size()));
            }
        };
    }
}
