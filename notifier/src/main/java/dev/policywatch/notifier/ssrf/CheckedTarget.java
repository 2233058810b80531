package dev.policywatch.notifier.ssrf;

import java.net.InetAddress;
import java.net.URI;
import java.util.Objects;

/**
 * A webhook URL that passed {@link WebhookPolicy#check(String)}, with the one address it was checked
 * against: the sender connects to {@code address} (never resolving {@code host} again) and sends
 * {@code host} as the Host header and TLS server name.
 */
public record CheckedTarget(URI uri, String scheme, String host, int port, InetAddress address) {

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

    /** {@code scheme://host[:port]} without path: safe to log (a webhook path is a secret). */
    public String origin() {
        return scheme + "://" + host + (port == (https() ? 443 : 80) ? "" : ":" + port);
    }

    @Override
    public String toString() {
        return "CheckedTarget[" + origin() + " via " + address.getHostAddress() + "]";
    }
}
