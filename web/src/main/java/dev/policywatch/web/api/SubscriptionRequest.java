package dev.policywatch.web.api;

import java.util.List;
import java.util.Objects;

/**
 * The body of {@code POST /api/subscriptions} (CONTRACT §4). The notifier validates it; this record
 * only makes sure it is complete.
 */
public record SubscriptionRequest(String channel, String target, Filters filters, String mode) {

    public SubscriptionRequest {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(filters, "filters");
        Objects.requireNonNull(mode, "mode");
    }

    /** What to be told about; an empty list means everything. */
    public record Filters(List<String> sources, List<String> jurisdictions, List<String> keywords,
            List<String> changeTypes) {

        public Filters {
            sources = sources == null ? List.of() : List.copyOf(sources);
            jurisdictions = jurisdictions == null ? List.of() : List.copyOf(jurisdictions);
            keywords = keywords == null ? List.of() : List.copyOf(keywords);
            changeTypes = changeTypes == null ? List.of() : List.copyOf(changeTypes);
        }
    }
}
