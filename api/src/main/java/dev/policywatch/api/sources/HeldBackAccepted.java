package dev.policywatch.api.sources;

/**
 * The answer of {@code POST /api/sources/{sourceId}/accept}: what the drift guard held back is published.
 *
 * @param sourceId  the source
 * @param published how many snapshots were published
 */
public record HeldBackAccepted(String sourceId, int published) {
}
