package dev.policywatch.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;

/** One version of a document: its deterministic id, when the snapshot that introduced it was fetched, its content hash. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record VersionRef(String versionId, Instant fetchedAt, String contentHash) {

    public VersionRef {
        Objects.requireNonNull(versionId, "versionId");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        Objects.requireNonNull(contentHash, "contentHash");
    }

    /** The version a snapshot introduces. */
    public static VersionRef of(PageSnapshot snapshot) {
        return new VersionRef(Ids.versionId(snapshot.documentId(), snapshot.contentHash(), snapshot.fetchedAt()),
                snapshot.fetchedAt(), snapshot.contentHash());
    }
}
