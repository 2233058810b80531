package dev.policywatch.engine.diff;

import dev.policywatch.events.ChangeSummary;
import dev.policywatch.events.ProvisionChange;
import java.util.List;
import java.util.Objects;

/**
 * The differences between two versions of a document: provision changes in new-document order
 * (removed ones at the place they left), structure changes (title, preamble, chapter and group
 * headings), and the counts. Serialises as the JSON object of the {@code diff} command
 * (CONTRACT §3).
 */
public record DiffResult(List<ProvisionChange> changes, List<ProvisionChange> structureChanges, ChangeSummary summary) {

    public DiffResult {
        changes = List.copyOf(changes);
        structureChanges = List.copyOf(structureChanges);
        Objects.requireNonNull(summary, "summary");
    }
}
