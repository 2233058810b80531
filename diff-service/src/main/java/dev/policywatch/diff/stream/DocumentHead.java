package dev.policywatch.diff.stream;

import dev.policywatch.events.DocumentStatus;
import dev.policywatch.events.VersionRef;
import java.util.Objects;

/**
 * What the topology remembers of a document's latest version apart from its text: the version,
 * whether the document is present or gone, and its title (compared whatever the source's content
 * selector kept; null in heads stored before titles were kept, then not compared once). Kept small in the {@value ChangeTopology#VERSIONS_STORE}
 * store, so the common cases (an identical resend, a late snapshot) are decided without reading the
 * version's blocks from the {@value ChangeTopology#BLOCKS_STORE} store.
 */
public record DocumentHead(VersionRef version, DocumentStatus status, String title) {

    /** A head without a title (as stored before titles were kept). */
    public DocumentHead(VersionRef version, DocumentStatus status) {
        this(version, status, null);
    }

    public DocumentHead {
        Objects.requireNonNull(version, "version");
        status = status == null ? DocumentStatus.PRESENT : status;
    }
}
