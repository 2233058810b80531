package dev.policywatch.crawler.fetch;

import java.net.CookieManager;
import java.net.URI;
import java.util.Objects;

/**
 * One document to fetch.
 *
 * @param url         what to fetch
 * @param validators  of the last answer for this document (conditional GET), or {@link Validators#NONE}
 * @param discoveredOn the host of the listing or feed the URL was found on, or null for a configured
 *                    (trusted) URL; a discovered URL is followed only to that host or to public
 *                    addresses, at every redirect hop
 * @param cookies     the source's cookie jar (some sites answer a first request with a 302 to the same
 *                    URL and a cookie to replay)
 */
public record FetchRequest(URI url, Validators validators, String discoveredOn, CookieManager cookies) {

    public FetchRequest {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(cookies, "cookies");
        validators = validators == null ? Validators.NONE : validators;
    }
}
