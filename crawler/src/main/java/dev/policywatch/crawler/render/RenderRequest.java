package dev.policywatch.crawler.render;

import dev.policywatch.crawler.fetch.FetchResult;
import java.net.URI;
import java.util.Objects;

/**
 * A page to render: its HTML as the crawler fetched it (robots.txt, politeness, caps and the address rule
 * already applied), and how the page's own requests are answered.
 *
 * @param url         the page's final URL (after redirects): the browser navigates there and is given {@code body}
 * @param body        the page's bytes
 * @param contentType its Content-Type, may be null
 * @param maxBytes    the most the page's own requests may bring in, together, and the largest rendered DOM
 * @param network     answers each request the page makes (scripts, XHR, fetch, frames): the crawler's fetcher
 *                    under the source's rules; a {@link FetchResult.Failed} is refused to the page
 */
public record RenderRequest(URI url, byte[] body, String contentType, long maxBytes, Network network) {

    /** The crawler's side of the page's requests. */
    @FunctionalInterface
    public interface Network {
        FetchResult fetch(URI url);
    }

    public RenderRequest {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(network, "network");
    }
}
