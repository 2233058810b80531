package dev.policywatch.diff.history;

import dev.policywatch.events.ChangeKind;
import dev.policywatch.events.ChangeType;
import dev.policywatch.events.FactKind;
import dev.policywatch.events.Significance;
import java.time.Instant;
import java.util.Set;

/**
 * The filters of {@code GET /api/changes} and the Atom feed, already validated. Empty sets and nulls
 * mean "any"; an empty {@code kinds} means every kind but BASELINE (a baseline is listed only when
 * asked for).
 *
 * @param since  detected at or after
 * @param until  detected before
 * @param cursor where the previous page stopped, or null for the newest
 * @param significance SUBSTANTIVE: changes that are not editorial only; EDITORIAL: editorial-only
 *                     updates; null: any
 * @param facts  changes with a provision carrying one of these facts (empty: any)
 */
public record ChangeQuery(Instant since, Instant until, String source, String jurisdiction, Set<ChangeKind> kinds,
        Set<ChangeType> types, String q, int limit, Cursor cursor, Significance significance, Set<FactKind> facts) {

    /** A query without significance or fact filters. */
    public ChangeQuery(Instant since, Instant until, String source, String jurisdiction, Set<ChangeKind> kinds,
            Set<ChangeType> types, String q, int limit, Cursor cursor) {
        this(since, until, source, jurisdiction, kinds, types, q, limit, cursor, null, Set.of());
    }

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public ChangeQuery {
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
        types = types == null ? Set.of() : Set.copyOf(types);
        facts = facts == null ? Set.of() : Set.copyOf(facts);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", was " + limit);
        }
    }

    /** Everything but baselines, newest first. */
    public static ChangeQuery latest(int limit) {
        return new ChangeQuery(null, null, null, null, Set.of(), Set.of(), null, limit, null);
    }

    /** A position in the newest-first order: the last item of a page. */
    public record Cursor(Instant detectedAt, String changeId) {
    }
}
