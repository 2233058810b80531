package dev.policywatch.web.api;

import dev.policywatch.events.ChangeKind;
import dev.policywatch.events.ChangeSummary;
import java.time.Instant;
import java.util.Objects;

/**
 * One version of a document as the versions API lists it. {@code changeId} is the change that
 * introduced it (from the API, else computed from the version ids, which are deterministic);
 * {@code kind} and {@code summary} are null when the API does not say.
 */
public record DocumentVersion(String versionId, Instant fetchedAt, String contentHash, String changeId,
        ChangeKind kind, ChangeSummary summary) {

    public DocumentVersion {
        Objects.requireNonNull(versionId, "versionId");
    }
}
