package dev.policywatch.api.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.policywatch.events.ChangeSummary;
import dev.policywatch.events.ProvisionChange;
import dev.policywatch.events.VersionRef;
import java.util.List;

/**
 * The answer of {@code GET /api/documents/{documentId}/diff}.
 *
 * @param documentId       the document (of the {@code to} version)
 * @param fromDocumentId   the document of the {@code from} version: the same one, or another one of its
 *                         lineage when asked with {@code fromDocument} (docs/lineage.md)
 * @param from             the older version
 * @param to               the newer version
 * @param changes          the provision changes from {@code from} to {@code to}
 * @param structureChanges changes of headings (title, preamble, chapters) only
 * @param summary          counts per change type
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DocumentDiff(String documentId, String fromDocumentId, VersionRef from, VersionRef to, List<ProvisionChange> changes,
        List<ProvisionChange> structureChanges, ChangeSummary summary) {
}
