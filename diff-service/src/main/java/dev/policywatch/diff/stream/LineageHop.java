package dev.policywatch.diff.stream;

import dev.policywatch.events.Block;
import dev.policywatch.events.DocumentChange;
import java.util.List;
import java.util.Objects;

/**
 * A change on its way through the {@value ChangeTopology#LINEAGE_REPARTITION} repartition topic
 * (keyed by jurisdiction) to {@link LineageProcessor}, with the blocks of its new version (empty when
 * gone, or when they would not fit on the topic: then the document is no candidate predecessor).
 */
public record LineageHop(DocumentChange change, List<Block> blocks) {

    public LineageHop {
        Objects.requireNonNull(change, "change");
        blocks = blocks == null ? List.of() : List.copyOf(blocks);
    }

    /** The repartition key: the jurisdiction, upper-cased ("" when unknown). */
    static String key(DocumentChange change) {
        String j = change.jurisdiction();
        return j == null || j.isBlank() ? "" : j.strip().toUpperCase(java.util.Locale.ROOT);
    }
}
