package dev.policywatch.notifier.delivery;

import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.ProvisionChange;
import dev.policywatch.events.Language;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What one alert says, once, for every channel: a title (the subject of a single change, or the
 * digest's "N changes"), then per change its headline, what it means, the lineage and predecessor lines,
 * publisher and status, the substantive provisions to list (with their notes), the editorial and
 * renumbered provisions collapsed into one line, and the link to the change page — all worded in the
 * subscription's language ({@link AlertFormat}). Each channel is a thin renderer of this model: it
 * chooses how many provisions fit, escapes page text for its markup and marks it up. Strings are
 * plain, unescaped text from pages: never markup. Immutable.
 *
 * @param format the wording (language and date zone), also for the few words a renderer adds ("see all")
 * @param title  one line: the subject of a single change, or the digest's title
 * @param digest whether this is a daily digest (several changes)
 * @param items  the changes, in order
 */
public record AlertContent(AlertFormat format, String title, boolean digest, List<Item> items) {

    public AlertContent {
        Objects.requireNonNull(format, "format");
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("an alert needs at least one change");
        }
    }

    /**
     * One change as an alert tells it.
     *
     * @param change      the change (renderers that carry data, like the generic webhook, use it whole)
     * @param headline    "publisher: title", or the lineage line for a final text replacing its draft
     * @param lead        the first line: the headline and what the change means
     * @param subject     one line for a subject or a notification preview: the lead and the counts
     * @param meaning     what the change means ("第四条：罚款 … → …"), or null
     * @param lineage     the lineage line (draft → final), or null
     * @param predecessor the line naming the text it was compared with, or null
     * @param publisher   the publisher's name
     * @param status      "updated · 2 modified", "new document"…
     * @param detected    when it was detected, in the reader's convention
     * @param link        the change page
     * @param provisions  the provisions to show one by one (substantive or of unknown meaning), in order
     * @param notListed   provisions a truncated change counts but does not list (shown as "and N more")
     * @param editorial   the editorial and renumbered provisions in one line, or ""
     */
    public record Item(DocumentChange change, String headline, String lead, String subject, String meaning,
            String lineage, String predecessor, String publisher, String status, String detected, String link,
            List<ProvisionChange> provisions, int notListed, String editorial) {

        public Item {
            provisions = List.copyOf(provisions);
        }

        /** How many provisions are not shown when the first {@code shown} of {@link #provisions} are. */
        public int moreThan(int shown) {
            return Math.max(0, provisions.size() - shown) + notListed;
        }
    }

    /** The model of an alert of {@code changes} in {@code locale}, dates in {@code zone}. */
    public static AlertContent of(List<DocumentChange> changes, boolean digest, UnaryOperator<String> changeLink,
            Language locale, ZoneId zone) {
        return of(changes, digest, changeLink, AlertFormat.of(locale, zone));
    }

    /** The model of an alert of {@code changes} in the wording {@code f}. */
    public static AlertContent of(List<DocumentChange> changes, boolean digest, UnaryOperator<String> changeLink,
            AlertFormat f) {
        List<Item> items = new ArrayList<>();
        for (DocumentChange c : changes) {
            items.add(new Item(c, f.headline(c), f.leadLine(c), f.subjectLine(c), AlertFormat.meaning(c),
                    f.lineage(c).orElse(null), f.predecessorLine(c).orElse(null),
                    AlertFormat.oneLine(c.publisher(), 200), f.status(c), f.detected(c), changeLink.apply(c.changeId()),
                    AlertFormat.shownProvisions(c), AlertFormat.provisionCount(c) - c.changes().size(),
                    f.editorialOrRenumbered(c)));
        }
        boolean many = digest || changes.size() > 1;
        String title = many ? f.text().count("digest.title", changes.size()) : items.get(0).subject();
        return new AlertContent(f, AlertFormat.oneLine(title, 300), many, items);
    }

    /** The words of this alert's language. */
    public AlertText text() {
        return format.text();
    }
}
