package dev.policywatch.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.Nullable;
import java.util.Objects;

/**
 * One thing a provision says, read exactly, before and after a change (CONTRACT §2): a fine, a
 * deadline, an effective date or the binding modal verbs. A side that does not say it is null; at
 * least one side is present.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Fact(FactKind kind, @Nullable FactValue before, @Nullable FactValue after) {

    public Fact {
        Objects.requireNonNull(kind, "fact kind");
        if (before == null && after == null) {
            throw new IllegalArgumentException(kind + " fact needs a before or an after value");
        }
    }

    /** Whether the two sides differ (one missing counts as a difference). */
    public boolean changed() {
        return !Objects.equals(before, after);
    }
}
