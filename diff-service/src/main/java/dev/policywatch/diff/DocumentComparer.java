package dev.policywatch.diff;

import dev.policywatch.events.Block;
import dev.policywatch.events.ChangeSummary;
import dev.policywatch.events.ProvisionChange;
import java.util.List;
import java.util.Objects;

/**
 * Compares two versions of a document, given as their blocks, provision by provision. The Streams
 * topology and the history's diff endpoint both go through it, so a stored pair of versions diffs
 * exactly as it did when the change was detected. Implementations are pure and thread-safe.
 */
@FunctionalInterface
public interface DocumentComparer {

    /** What changed from {@code oldBlocks} to {@code newBlocks}. */
    Comparison compare(List<Block> oldBlocks, List<Block> newBlocks);

    /**
     * The result of a comparison: provision changes, structure changes (title, preamble, chapter
     * headings) and the counts.
     */
    record Comparison(List<ProvisionChange> changes, List<ProvisionChange> structureChanges, ChangeSummary summary) {

        public Comparison {
            changes = List.copyOf(Objects.requireNonNull(changes, "changes"));
            structureChanges = List.copyOf(Objects.requireNonNull(structureChanges, "structureChanges"));
            summary = summary == null ? ChangeSummary.of(changes, 0) : summary;
        }
    }
}
