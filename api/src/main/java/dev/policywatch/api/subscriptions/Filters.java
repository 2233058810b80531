package dev.policywatch.api.subscriptions;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.policywatch.events.ChangeType;
import dev.policywatch.events.FactKind;
import dev.policywatch.events.Significance;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Objects;

/**
 * What a subscription wants to hear about. Each list is an OR of its values; the lists are ANDed; an
 * empty list means "everything". Keywords are matched case-insensitively as substrings (so they work
 * for Chinese, which has no spaces between words). {@code significance} {@code SUBSTANTIVE} drops
 * changes that are editorial only (null: any); {@code facts} keeps changes with at least one provision
 * carrying one of those facts (CONTRACT §4). Values are stripped; blank and repeated ones dropped. Empty
 * lists are left out of the JSON written.
 *
 * @param sources       source ids
 * @param jurisdictions jurisdictions
 * @param keywords      words of the changed provisions
 * @param changeTypes   provision change types
 * @param significance  {@code SUBSTANTIVE}, or null for any
 * @param facts         fact kinds
 */
@Introspected
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Filters(
        @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED)
        @Size(max = Filters.MAX_VALUES, message = Filters.AT_MOST) List<@Size(max = Filters.MAX_LENGTH, message = Filters.VALUES)
                @Pattern(regexp = Filters.NO_CONTROLS, message = Filters.VALUES) String> sources,
        @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED)
        @Size(max = Filters.MAX_VALUES, message = Filters.AT_MOST) List<@Size(max = Filters.MAX_LENGTH, message = Filters.VALUES)
                @Pattern(regexp = Filters.NO_CONTROLS, message = Filters.VALUES) String> jurisdictions,
        @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED)
        @Size(max = Filters.MAX_VALUES, message = Filters.AT_MOST) List<@Size(max = Filters.MAX_LENGTH, message = Filters.VALUES)
                @Pattern(regexp = Filters.NO_CONTROLS, message = Filters.VALUES) String> keywords,
        @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED)
        @Size(max = Filters.MAX_VALUES, message = Filters.AT_MOST) List<ChangeType> changeTypes,
        @Nullable Significance significance,
        @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED)
        @Size(max = Filters.MAX_VALUES, message = Filters.AT_MOST) List<FactKind> facts) {

    /** At most this many values per list. */
    public static final int MAX_VALUES = 50;
    /** At most this many characters per value. */
    public static final int MAX_LENGTH = 200;
    static final String AT_MOST = "takes at most {max} values";
    static final String VALUES = "values must be at most 200 characters without control characters";
    static final String NO_CONTROLS = "[^\\x00-\\x1F\\x7F]*";

    /** No filter: every alertable change. */
    public static final Filters ALL = new Filters(List.of(), List.of(), List.of(), List.of());

    /** Filters without significance or facts (stored subscriptions from before they existed read this way). */
    public Filters(List<String> sources, List<String> jurisdictions, List<String> keywords, List<ChangeType> changeTypes) {
        this(sources, jurisdictions, keywords, changeTypes, null, List.of());
    }

    public Filters {
        if (significance == Significance.EDITORIAL) {
            throw new IllegalArgumentException("filters.significance must be \"SUBSTANTIVE\" or null (editorial-only"
                    + " changes are then not sent), was \"EDITORIAL\"");
        }
        facts = facts == null ? List.of() : facts.stream().filter(Objects::nonNull).distinct().toList();
        sources = copy(sources);
        jurisdictions = copy(jurisdictions);
        keywords = copy(keywords);
        changeTypes = changeTypes == null ? List.of() : changeTypes.stream().filter(Objects::nonNull).toList();
    }

    private static List<String> copy(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream().filter(Objects::nonNull).map(String::strip).filter(v -> !v.isEmpty()).distinct()
                .toList();
    }
}
