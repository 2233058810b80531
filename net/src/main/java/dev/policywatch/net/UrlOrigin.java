package dev.policywatch.net;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * Scheme, host and port: the unit of trust. Two URLs share an origin only when all three are equal
 * (an absent port is the scheme's default), so {@code http://127.0.0.1:18611} and
 * {@code http://127.0.0.1:18612} are two origins. Host names are lower case, without a trailing dot and,
 * for IPv6, without brackets.
 */
public record UrlOrigin(String scheme, String host, int port) {

    public UrlOrigin {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(host, "host");
        scheme = scheme.toLowerCase(Locale.ROOT);
        host = normaliseHost(host);
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** The origin of an absolute http(s) URL; throws IllegalArgumentException for anything else. */
    public static UrlOrigin of(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("not an http(s) URL: " + scheme + ":");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("URL without a host");
        }
        return new UrlOrigin(scheme, uri.getHost(), uri.getPort() == -1 ? defaultPort(scheme) : uri.getPort());
    }

    /** The origin of an OkHttp URL. */
    public static UrlOrigin of(HttpUrl url) {
        return new UrlOrigin(url.scheme(), url.host(), url.port());
    }

    /** Whether the URL belongs to this origin. */
    public boolean contains(URI uri) {
        try {
            return equals(of(uri));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** 443 for https, 80 otherwise. */
    public static int defaultPort(String scheme) {
        return "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }

    /** {@code scheme://host[:port]}: safe to log (no path, which may be a secret). */
    @Override
    public String toString() {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return scheme + "://" + h + (port == defaultPort(scheme) ? "" : ":" + port);
    }

    static String normaliseHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }
}
