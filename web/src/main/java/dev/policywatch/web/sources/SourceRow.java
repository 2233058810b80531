package dev.policywatch.web.sources;

import dev.policywatch.api.sources.SourceStatus;
import dev.policywatch.web.page.Formats;
import dev.policywatch.web.page.PageText;

/**
 * One source as the sources page shows it, in the reader's language (the crawler's own error text as it is).
 *
 * @param every       the interval for people ("30 s", "6 h")
 * @param outcome     what the last crawl came to, for people ("not modified since the last fetch")
 * @param health      {@code ok}, {@code failing}, {@code broken} or {@code new} (never fetched)
 * @param healthLabel the same for people
 * @param errorKind   what kind of failure {@code lastError} is, in the reader's words ("HTTP 错误"); null when
 *                    the crawler did not say or this page does not know the word ({@code lastError} is then
 *                    all there is, as the crawler said it)
 * @param brokenKind  what {@code brokenReason} is about, in the reader's words ("内容选择器未匹配到任何内容");
 *                    null when the crawler gave no code this page knows
 */
public record SourceRow(String id, String name, String href, String url, String publisher, String jurisdiction,
        String kind, String every, String lastFetch, String lastFetchIso, String httpStatus, String outcome,
        String lastChange, String nextFetch, String nextFetchIso, String lastError, String lastErrorAt,
        String brokenReason, String health, String healthLabel, boolean running, String changesHref,
        String errorKind, String brokenKind) {

    /**
     * The last outcome for people: the reader's words for the crawler's outcome ({@code outcome.HELD_BACK});
     * for a word this page does not know, the crawler's own description, else the word in lower case.
     */
    static String outcome(SourceStatus s, PageText t) {
        if (s.lastOutcome() != null && t.has("outcome." + s.lastOutcome())) {
            return t.text("outcome." + s.lastOutcome());
        }
        if (s.lastOutcomeDescription() != null && !s.lastOutcomeDescription().isBlank()) {
            return s.lastOutcomeDescription();
        }
        return s.lastOutcome() == null ? null
                : s.lastOutcome().toLowerCase(java.util.Locale.ROOT).replace('_', ' ').replace('-', ' ');
    }

    /** The kind of the last error in the reader's words, from the crawler's code ({@code outcome.TIMEOUT}). */
    static String errorKind(SourceStatus s, PageText t) {
        return s.lastError() != null && s.lastErrorKind() != null && t.has("outcome." + s.lastErrorKind())
                ? t.text("outcome." + s.lastErrorKind()) : null;
    }

    /**
     * What the held-back reason is about in the reader's words, from the crawler's code: a suspicion of the
     * drift guard ({@code sources.broken.TEXT_SHRANK}) or an outcome ({@code outcome.UNSUPPORTED_FORMAT}).
     */
    static String brokenKind(SourceStatus s, PageText t) {
        String code = s.brokenReason() == null ? null : s.brokenReasonKind();
        if (code == null) {
            return null;
        }
        return t.has("sources.broken." + code) ? t.text("sources.broken." + code)
                : t.has("outcome." + code) ? t.text("outcome." + code) : null;
    }

    /** The kind of source in the reader's words ({@code page} → "web page" / "网页"); an unknown kind as it is. */
    static String kind(String kind, PageText t) {
        return kind != null && t.has("sources.kind." + kind) ? t.text("sources.kind." + kind) : kind;
    }

    static SourceRow of(SourceStatus s, PageText t) {
        String health;
        if (s.broken()) {
            health = "broken";
        } else if (s.lastFetchAt() == null) {
            health = "new";
        } else if (s.lastError() != null && !s.lastError().isBlank()) {
            health = "failing";
        } else {
            health = "ok";
        }
        String status = s.lastStatus() == null ? null
                : s.lastStatus() == 0 ? t.text("sources.noAnswer") : "HTTP " + s.lastStatus();
        return new SourceRow(s.id(), s.displayName(), Formats.safeHref(s.url()), s.url(), s.publisher(),
                s.jurisdiction(), kind(s.kind(), t), t.duration(s.every()), t.time(s.lastFetchAt()),
                Formats.iso(s.lastFetchAt()), status, outcome(s, t), t.time(s.lastChangeAt()), t.time(s.nextFetchAt()),
                Formats.iso(s.nextFetchAt()), s.lastError(), t.time(s.lastErrorAt()), s.brokenReason(), health,
                t.text("health." + health), s.running(),
                "/?source=" + java.net.URLEncoder.encode(s.id(), java.nio.charset.StandardCharsets.UTF_8),
                errorKind(s, t), brokenKind(s, t));
    }
}
