package dev.policywatch.diff.stream;

import dev.policywatch.events.VersionRef;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link LineageProcessor} keeps of each document as a candidate predecessor, in the
 * {@value ChangeTopology#LINEAGE_INDEX_STORE} store keyed by {@code jurisdiction + US + documentId}:
 * its latest version, title, URL, strong identifiers, and whether it is gone. The version's text is
 * in the {@value ChangeTopology#LINEAGE_BLOCKS_STORE} store, read only for plausible candidates.
 */
public record LineageEntry(String documentId, VersionRef version, String title, String url, Set<String> identifiers,
        boolean gone) {

    public LineageEntry {
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(version, "version");
        identifiers = identifiers == null ? Set.of() : Set.copyOf(identifiers);
    }
}
