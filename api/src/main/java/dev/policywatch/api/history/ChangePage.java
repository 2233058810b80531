package dev.policywatch.api.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.SearchMatch;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A page of {@code GET /api/changes}: changes newest first, and the cursor of the next page.
 *
 * @param items      the changes, newest first
 * @param nextCursor pass as {@code cursor} for the next page; null on the last page
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ChangePage(List<Item> items, @Nullable String nextCursor) {

    public ChangePage {
        items = items == null ? List.of() : List.copyOf(items);
        nextCursor = nextCursor == null || nextCursor.isBlank() ? null : nextCursor;
    }

    /** The changes of the page, without their search matches. */
    public List<DocumentChange> changes() {
        return items.stream().map(Item::change).toList();
    }

    /**
     * One change of a page: the DocumentChange as it was published, and with {@code q} where the words
     * were found.
     *
     * @param change the change (written inline, as on {@code policywatch.changes})
     * @param match  only when the page was asked with {@code q}: the first changed provision containing the
     *               words with a snippet, or null when they are not in a changed provision's text
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Item(@JsonUnwrapped DocumentChange change,
            @Nullable @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(implementation = SearchMatch.class, nullable = true, requiredMode = Schema.RequiredMode.NOT_REQUIRED)
            Optional<SearchMatch> match) {

        public Item {
            Objects.requireNonNull(change, "change");
        }

        /** A change of a page asked without {@code q}: no {@code match} field. */
        public static Item of(DocumentChange change) {
            return new Item(change, null);
        }

        /** A change of a page asked with {@code q}: {@code match} is the match, or null. */
        public static Item searched(DocumentChange change, SearchMatch match) {
            return new Item(change, Optional.ofNullable(match));
        }
    }
}
