package dev.policywatch.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.Nullable;
import java.util.Objects;

/**
 * A document's status changed from draft to final (CONTRACT §2 "Lineage"): its title lost the draft
 * marker it carried ({@code marker}: "征求意见稿", "Proposed Rule"), or it is the final text of a
 * linked draft. {@code headline} says it in the document's language ("草案成为正式文本（原为征求意见稿）",
 * "draft became final (was: Proposed Rule)") and is what an alert's first line leads with.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record StatusChange(@Nullable String marker, String headline) {

    public StatusChange {
        Objects.requireNonNull(headline, "headline");
    }
}
