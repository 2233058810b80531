package dev.policywatch.crawler.fetch;

import dev.policywatch.net.UrlOrigin;
import java.net.CookieManager;
import java.net.URI;
import java.util.Objects;

/**
 * One document to fetch.
 *
 * @param url        what to fetch
 * @param validators of the last answer for this document (conditional GET), or {@link Validators#NONE}
 * @param trusted    the one origin (scheme, host, port) that may be at a non-public address: the configured
 *                   source URL's origin (operator input, so a loopback source is fine), for a discovered
 *                   document the origin of the listing it was found on; null trusts none. Every request,
 *                   each redirect hop and each robots.txt, to any other origin goes to public addresses only
 * @param cookies    the source's cookie jar (some sites answer a first request with a 302 to the same URL
 *                   and a cookie to replay)
 * @param lease      the memory-budget lease the body's decoded bytes are charged to, held by the caller
 *                   until it is done with the body; null charges a lease of the fetcher's own, returned
 *                   when the fetch returns
 */
public record FetchRequest(URI url, Validators validators, UrlOrigin trusted, CookieManager cookies,
        ByteBudget.Lease lease) {

    public FetchRequest {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(cookies, "cookies");
        validators = validators == null ? Validators.NONE : validators;
    }

    /** A request without a lease of its own. */
    public FetchRequest(URI url, Validators validators, UrlOrigin trusted, CookieManager cookies) {
        this(url, validators, trusted, cookies, null);
    }

    /** A configured URL: its own origin is trusted. */
    public static FetchRequest configured(URI url, Validators validators, CookieManager cookies,
            ByteBudget.Lease lease) {
        return new FetchRequest(url, validators, UrlOrigin.of(url), cookies, lease);
    }
}
