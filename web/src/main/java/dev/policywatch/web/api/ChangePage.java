package dev.policywatch.web.api;

import dev.policywatch.events.DocumentChange;
import java.util.List;

/** One page of {@code GET /api/changes}: newest first, and the cursor of the next page (null on the last). */
public record ChangePage(List<DocumentChange> items, String nextCursor) {

    public ChangePage {
        items = items == null ? List.of() : List.copyOf(items);
        nextCursor = nextCursor == null || nextCursor.isBlank() ? null : nextCursor;
    }
}
