package dev.policywatch.notifier.match;

import dev.policywatch.events.ChangeType;
import dev.policywatch.events.FactKind;
import dev.policywatch.events.Significance;
import java.util.List;
import java.util.Objects;

/**
 * What a subscription wants to hear about. Each list is an OR of its values; the lists are ANDed; an
 * empty list means "everything". Keywords are matched case-insensitively as substrings (so they work
 * for Chinese, which has no spaces between words). {@code significance} {@code SUBSTANTIVE} drops
 * changes that are editorial only (null: any); {@code facts} keeps changes with at least one provision
 * carrying one of those facts (CONTRACT §4).
 */
public record Filters(List<String> sources, List<String> jurisdictions, List<String> keywords,
        List<ChangeType> changeTypes, Significance significance, List<FactKind> facts) {

    /** No filter: every alertable change. */
    public static final Filters ALL = new Filters(List.of(), List.of(), List.of(), List.of());

    /** Filters without significance or facts (stored subscriptions from before they existed read this way). */
    public Filters(List<String> sources, List<String> jurisdictions, List<String> keywords, List<ChangeType> changeTypes) {
        this(sources, jurisdictions, keywords, changeTypes, null, List.of());
    }

    public Filters {
        if (significance == Significance.EDITORIAL) {
            throw new IllegalArgumentException("significance filter is SUBSTANTIVE or none");
        }
        facts = facts == null ? List.of() : facts.stream().distinct().toList();
        sources = copy(sources);
        jurisdictions = copy(jurisdictions);
        keywords = copy(keywords);
        changeTypes = changeTypes == null ? List.of() : List.copyOf(changeTypes);
    }

    private static List<String> copy(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream().map(v -> Objects.requireNonNull(v, "filter value").strip())
                .filter(v -> !v.isEmpty()).distinct().toList();
    }
}
