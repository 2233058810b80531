package dev.policywatch.api.sources;

/**
 * The answer of {@code POST /api/sources/reload}.
 *
 * @param sources how many sources are configured now
 * @param origin  where they come from (the sources file)
 */
public record SourcesReloaded(int sources, String origin) {
}
