package dev.policywatch.notifier.ssrf;

import dev.policywatch.net.UrlOrigin;
import java.net.InetAddress;
import java.net.URI;
import java.util.Objects;

/**
 * A webhook URL that passed {@link WebhookPolicy#check(String)}. {@code trusted} is the allow-listed
 * origin when an origin entry (scheme and port) admitted it, so the sender's client may connect to it
 * even at a private address; null when a bare host entry admitted it, so the sender's client connects
 * only to public addresses. {@code address} is what the host resolved to when checked; the sender's
 * client resolves again when it connects and checks that answer under the same policy (the address it
 * connects to is the one it checked: no DNS-rebinding window).
 */
public record CheckedTarget(URI uri, String scheme, String host, int port, InetAddress address, UrlOrigin trusted) {

    public CheckedTarget {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(address, "address");
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    public boolean https() {
        return "https".equals(scheme);
    }

    /** The path and query to request ("/" when empty). */
    public String pathAndQuery() {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    /**
     * This target with {@code query} (already encoded, {@code a=1&b=2}) appended to its query: same host,
     * same checked address, same trust. For parameters added when sending (DingTalk's signature).
     */
    public CheckedTarget withQuery(String query) {
        String raw = uri.toString();
        String joined = raw + (uri.getRawQuery() == null ? "?" : "&") + query;
        return new CheckedTarget(URI.create(joined), scheme, host, port, address, trusted);
    }

    /** {@code scheme://host[:port]} without path: safe to log (a webhook path is a secret). */
    public String origin() {
        return scheme + "://" + host + (port == (https() ? 443 : 80) ? "" : ":" + port);
    }

    @Override
    public String toString() {
        return "CheckedTarget[" + origin() + " via " + address.getHostAddress() + "]";
    }
}
