package dev.policywatch.api.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The answer of {@code GET /api/documents}.
 *
 * @param items the documents of the history
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DocumentList(List<DocumentSummary> items) {

    public DocumentList {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
