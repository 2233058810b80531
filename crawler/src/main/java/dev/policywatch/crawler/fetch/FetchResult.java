package dev.policywatch.crawler.fetch;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * What one fetch came to. The web is hostile and broken, so every outcome is a value: a page
 * ({@link Fetched}), an unchanged page ({@link NotModified}) or a {@link Failed} fetch with the HTTP
 * status (0 when there was none) and a reason an operator can act on. A failure never means "the
 * document was removed"; only repeated 404/410 do, and that is the caller's decision.
 */
public sealed interface FetchResult permits FetchResult.Fetched, FetchResult.NotModified, FetchResult.Failed {

    /** The URL finally answered, after redirects. */
    URI finalUrl();

    /** A short label for metrics and logs: {@code fetched}, {@code not-modified} or the failure kind. */
    String outcome();

    /**
     * A complete body (never a truncated one: over the cap is a {@link Failed}).
     *
     * @param status       the HTTP status (2xx)
     * @param contentType  the Content-Type header, possibly with a charset; may be null
     * @param body         the decoded body (gzip/deflate removed), charged to the request's memory-budget lease
     * @param validators   ETag / Last-Modified for the next conditional GET
     * @param wireBytes    bytes received on the wire (before decoding)
     */
    record Fetched(URI finalUrl, int status, String contentType, byte[] body, Validators validators, long wireBytes)
            implements FetchResult {
        public Fetched {
            Objects.requireNonNull(finalUrl, "finalUrl");
            Objects.requireNonNull(body, "body");
            validators = validators == null ? Validators.NONE : validators;
        }

        @Override
        public String outcome() {
            return "fetched";
        }
    }

    /** A 304: the server says the document is unchanged since the validators we sent. */
    record NotModified(URI finalUrl, Validators validators) implements FetchResult {
        public NotModified {
            Objects.requireNonNull(finalUrl, "finalUrl");
            validators = validators == null ? Validators.NONE : validators;
        }

        @Override
        public String outcome() {
            return "not-modified";
        }
    }

    /**
     * A fetch that gave no usable document.
     *
     * @param status     the last HTTP status, or 0 when no response was received
     * @param kind       what went wrong
     * @param reason     why, in words an operator can act on
     * @param retryAfter the server's Retry-After, when it sent one
     */
    record Failed(URI finalUrl, int status, Kind kind, String reason, Duration retryAfter) implements FetchResult {
        public Failed {
            Objects.requireNonNull(finalUrl, "finalUrl");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(reason, "reason");
        }

        /** A failure without Retry-After. */
        public static Failed of(URI url, int status, Kind kind, String reason) {
            return new Failed(url, status, kind, reason, null);
        }

        @Override
        public String outcome() {
            return kind.label;
        }

        /** Whether the server said the document is not there (404 or 410). */
        public boolean saysGone() {
            return status == 404 || status == 410;
        }

        /** Whether trying again soon may help: 5xx, 429, network errors, timeouts, a busy memory budget. */
        public boolean retryable() {
            return kind == Kind.NETWORK || kind == Kind.TIMEOUT || kind == Kind.MEMORY_BUSY || status == 429
                    || status >= 500 && status <= 599;
        }
    }

    /** What kind of failure. */
    enum Kind {
        HTTP_STATUS("http-error"),
        NETWORK("network-error"),
        TIMEOUT("timeout"),
        /** The body came too slowly (total timeout, or a stall): trying again at once would only repeat it. */
        TOO_SLOW("timeout"),
        /** Over a size cap (wire, decoded, the memory budget, or the snapshot a topic accepts): not published. */
        TOO_LARGE("too-large"),
        /** The crawler's memory budget stayed taken by other fetches for longer than the read timeout. */
        MEMORY_BUSY("memory-busy"),
        REDIRECT("redirect-error"),
        REFUSED_URL("refused-url"),
        ROBOTS("robots-disallowed"),
        BAD_CONTENT("bad-content"),
        /** {@code render: browser} without a browser (Chromium missing or not starting). */
        RENDER_UNAVAILABLE("render-unavailable"),
        /** The browser could not render the page (it crashed, hung or failed to load it). */
        RENDER("render-error");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
