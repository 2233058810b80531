package dev.policywatch.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.Nullable;
import java.util.Collection;

/**
 * Counts of provision changes by type, plus the provisions that did not change; and what the change
 * means (CONTRACT §2): how many provision changes are {@code substantive} and {@code editorial}, and a
 * one-line {@code headline}, substantive provisions first (null when the meaning was not computed).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ChangeSummary(int added, int removed, int modified, int renumbered, int unchanged,
        Integer substantive, Integer editorial, @Nullable String headline) {

    public static final ChangeSummary EMPTY = new ChangeSummary(0, 0, 0, 0, 0);

    /** Counts by type only (meaning not computed). */
    public ChangeSummary(int added, int removed, int modified, int renumbered, int unchanged) {
        this(added, removed, modified, renumbered, unchanged, 0, 0, null);
    }

    public ChangeSummary {
        // boxed so that a summary written before these counts existed reads as 0, not as an error
        substantive = substantive == null ? 0 : substantive;
        editorial = editorial == null ? 0 : editorial;
        if (added < 0 || removed < 0 || modified < 0 || renumbered < 0 || unchanged < 0
                || substantive < 0 || editorial < 0) {
            throw new IllegalArgumentException("summary counts must not be negative");
        }
    }

    /** These counts with the meaning of {@code changes} (the same list they count) and a headline. */
    public ChangeSummary withMeaning(Collection<ProvisionChange> changes, String headline) {
        int s = 0, e = 0;
        for (ProvisionChange c : changes) {
            if (c.significance() == Significance.EDITORIAL) {
                e++;
            } else if (c.significance() == Significance.SUBSTANTIVE) {
                s++;
            }
        }
        return new ChangeSummary(added, removed, modified, renumbered, unchanged, s, e, headline);
    }

    /** Counts the given changes by type; {@code unchanged} is passed in because it is not in the list. */
    public static ChangeSummary of(Collection<ProvisionChange> changes, int unchanged) {
        int a = 0, r = 0, m = 0, n = 0;
        for (ProvisionChange c : changes) {
            switch (c.type()) {
                case ADDED -> a++;
                case REMOVED -> r++;
                case MODIFIED -> m++;
                case RENUMBERED -> n++;
            }
        }
        return new ChangeSummary(a, r, m, n, unchanged);
    }

    /** The number of reported changes (everything but unchanged). */
    public int total() {
        return added + removed + modified + renumbered;
    }

    /** "2 modified, 1 added" — the non-zero counts, most significant first; "no provision changes" when none. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        append(sb, modified, "modified");
        append(sb, added, "added");
        append(sb, removed, "removed");
        append(sb, renumbered, "renumbered");
        return sb.length() == 0 ? "no provision changes" : sb.toString();
    }

    private static void append(StringBuilder sb, int count, String word) {
        if (count > 0) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(count).append(' ').append(word);
        }
    }
}
