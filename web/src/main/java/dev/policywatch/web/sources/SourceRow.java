package dev.policywatch.web.sources;

import dev.policywatch.web.api.SourceStatus;
import dev.policywatch.web.page.Formats;

/**
 * One source as the sources page shows it.
 *
 * @param every       the interval for people ("30 s", "6 h")
 * @param outcome     what the last crawl came to, for people ("not modified since the last fetch")
 * @param health      {@code ok}, {@code failing}, {@code broken} or {@code new} (never fetched)
 * @param healthLabel the same for people
 */
public record SourceRow(String id, String name, String href, String url, String publisher, String jurisdiction,
        String kind, String every, String lastFetch, String lastFetchIso, String httpStatus, String outcome,
        String lastChange, String nextFetch, String nextFetchIso, String lastError, String lastErrorAt,
        String brokenReason, String health, String healthLabel, boolean running, String changesHref) {

    /** The last outcome for people: the crawler's description, else its word in lower case ("held back"). */
    static String outcome(SourceStatus s) {
        if (s.lastOutcomeDescription() != null && !s.lastOutcomeDescription().isBlank()) {
            return s.lastOutcomeDescription();
        }
        return s.lastOutcome() == null ? null
                : s.lastOutcome().toLowerCase(java.util.Locale.ROOT).replace('_', ' ').replace('-', ' ');
    }

    static SourceRow of(SourceStatus s) {
        String health;
        String label;
        if (s.broken()) {
            health = "broken";
            label = "Broken";
        } else if (s.lastFetchAt() == null) {
            health = "new";
            label = "Not fetched yet";
        } else if (s.lastError() != null && !s.lastError().isBlank()) {
            health = "failing";
            label = "Failing";
        } else {
            health = "ok";
            label = "OK";
        }
        String status = s.lastStatus() == null ? null : s.lastStatus() == 0 ? "no answer" : "HTTP " + s.lastStatus();
        return new SourceRow(s.id(), s.displayName(), Formats.safeHref(s.url()), s.url(), s.publisher(),
                s.jurisdiction(), s.kind(), Formats.duration(s.every()), Formats.time(s.lastFetchAt()),
                Formats.iso(s.lastFetchAt()), status, outcome(s), Formats.time(s.lastChangeAt()), Formats.time(s.nextFetchAt()),
                Formats.iso(s.nextFetchAt()), s.lastError(), Formats.time(s.lastErrorAt()), s.brokenReason(), health,
                label, s.running(), "/?source=" + java.net.URLEncoder.encode(s.id(), java.nio.charset.StandardCharsets.UTF_8));
    }
}
