package dev.policywatch.notifier.match;

import dev.policywatch.events.ChangeType;
import java.util.List;
import java.util.Objects;

/**
 * What a subscription wants to hear about. Each list is an OR of its values; the lists are ANDed; an
 * empty list means "everything". Keywords are matched case-insensitively as substrings (so they work
 * for Chinese, which has no spaces between words).
 */
public record Filters(List<String> sources, List<String> jurisdictions, List<String> keywords,
        List<ChangeType> changeTypes) {

    /** No filter: every alertable change. */
    public static final Filters ALL = new Filters(List.of(), List.of(), List.of(), List.of());

    public Filters {
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
