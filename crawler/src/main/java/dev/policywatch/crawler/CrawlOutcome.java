package dev.policywatch.crawler;

import dev.policywatch.crawler.fetch.FetchResult;

/**
 * What one crawl of a source (or of one of its documents) came to: the one vocabulary of the logs, the
 * status API ({@code lastOutcome}) and the sources page. The metric tag keeps the fetcher's own
 * lower-case words ({@link FetchResult#outcome()}).
 */
public enum CrawlOutcome {
    /** An index (listing, feed, JSON) was read and none of its documents had a new version. */
    FETCHED("fetched, nothing new", false),
    /** The server said the page has not changed since the last fetch (304). */
    NOT_MODIFIED("not modified since the last fetch", false),
    /** The page was read again and its text is the same. */
    UNCHANGED("unchanged", false),
    /** A new version (or a new document) was published. */
    PUBLISHED("new version published", false),
    /** The page looks broken (a redesign, an error page, a selector that no longer matches): its text is held back. */
    HELD_BACK("held back: the page looks broken", true),
    /** The document answered 404/410 often enough to count as removed. */
    GONE("gone (404/410)", false),
    HTTP_ERROR("HTTP error", true),
    NETWORK_ERROR("network error", true),
    TIMEOUT("timed out", true),
    TOO_LARGE("too large", true),
    /** The crawler's memory budget stayed taken by other fetches: tried again later. */
    MEMORY_BUSY("waited too long for memory", true),
    REDIRECT_ERROR("bad redirect", true),
    REFUSED_URL("refused address", true),
    ROBOTS_DISALLOWED("disallowed by robots.txt", true),
    BAD_CONTENT("unreadable content", true),
    EXTRACTION_ERROR("no text could be extracted", true),
    /** An attachment in a format the engine does not read (a spreadsheet, an image): skipped, asked again next crawl. */
    UNSUPPORTED_FORMAT("attachment skipped: unsupported format", false),
    PUBLISH_FAILED("could not be published", true),
    /** A {@code render: browser} source without a browser (Chromium not installed or not starting): not fetched. */
    RENDER_UNAVAILABLE("render: browser needs chromium", true),
    /** The browser could not render the page (it crashed, hung, or the page failed to load in it). */
    RENDER_ERROR("could not be rendered in the browser", true),
    /** A bug in policywatch, not a problem of the site: logged with its stack trace. */
    INTERNAL_ERROR("internal error", true);

    private final String description;
    private final boolean problem;

    CrawlOutcome(String description, boolean problem) {
        this.description = description;
        this.problem = problem;
    }

    /** For people: "not modified since the last fetch", "held back: the page looks broken". */
    public String description() {
        return description;
    }

    /** Whether an operator should look at it. */
    public boolean problem() {
        return problem;
    }

    /** The outcome of a fetch that ended there. */
    public static CrawlOutcome of(FetchResult result) {
        if (result instanceof FetchResult.Failed failed) {
            return switch (failed.kind()) {
                case HTTP_STATUS -> HTTP_ERROR;
                case NETWORK -> NETWORK_ERROR;
                case TIMEOUT, TOO_SLOW -> TIMEOUT;
                case TOO_LARGE -> TOO_LARGE;
                case MEMORY_BUSY -> MEMORY_BUSY;
                case REDIRECT -> REDIRECT_ERROR;
                case REFUSED_URL -> REFUSED_URL;
                case ROBOTS -> ROBOTS_DISALLOWED;
                case BAD_CONTENT -> BAD_CONTENT;
                case RENDER_UNAVAILABLE -> RENDER_UNAVAILABLE;
                case RENDER -> RENDER_ERROR;
            };
        }
        return result instanceof FetchResult.NotModified ? NOT_MODIFIED : FETCHED;
    }
}
