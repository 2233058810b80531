package dev.policywatch.crawler.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which URLs the crawler may request (CONTRACT §5). Only {@code http} and {@code https}, ever:
 * {@code file:}, {@code ftp:}, {@code jar:} and the rest are refused at every hop. Configured source URLs
 * are trusted (a loopback URL is fine); a URL <em>discovered</em> on a listing or feed goes only to the
 * listing's own host or to a host whose every address is public: never loopback, private (RFC 1918,
 * unique-local), link-local (which includes the 169.254.169.254 metadata service), carrier-grade NAT,
 * multicast or unspecified addresses.
 *
 * <p>Checked before each request, after DNS resolution; the window between this check and the HTTP
 * client's own resolution is accepted (the crawler never sends credentials anywhere).
 */
public final class UrlGuard {

    private UrlGuard() {
    }

    /** Null when the URL is an absolute http(s) URL with a host; else why it is refused. */
    public static String schemeProblem(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "refused " + (scheme.isEmpty() ? "relative" : scheme + ":") + " URL " + clip(uri)
                    + " (only http and https are fetched)";
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return "refused URL without a host: " + clip(uri);
        }
        return null;
    }

    /** Null when a discovered URL may be fetched; else why not. */
    public static String discoveredProblem(URI uri, String listingHost) {
        String scheme = schemeProblem(uri);
        if (scheme != null) {
            return scheme;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (listingHost != null && host.equals(listingHost.toLowerCase(Locale.ROOT))) {
            return null;
        }
        try {
            for (InetAddress a : InetAddress.getAllByName(stripBrackets(host))) {
                if (!isPublic(a)) {
                    return "refused discovered URL " + clip(uri) + ": " + host + " resolves to non-public address "
                            + a.getHostAddress() + " and is not the listing's host";
                }
            }
            return null;
        } catch (UnknownHostException e) {
            return null; // the fetch itself will fail with "unknown host"; nothing is reached
        }
    }

    /** Whether an address is routable on the public internet. */
    public static boolean isPublic(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xFF;
            int second = b[1] & 0xFF;
            if (first == 0 || first >= 240) {
                return false; // "this network", reserved, broadcast
            }
            if (first == 100 && second >= 64 && second <= 127) {
                return false; // carrier-grade NAT 100.64/10
            }
            if (first == 192 && second == 0 && (b[2] & 0xFF) == 0) {
                return false; // IETF protocol assignments
            }
            return !(first == 198 && (second == 18 || second == 19)); // benchmarking
        }
        if (a instanceof Inet6Address) {
            int first = b[0] & 0xFF;
            if ((first & 0xFE) == 0xFC) {
                return false; // unique local fc00::/7
            }
            // IPv4-mapped ::ffff:a.b.c.d → judge the IPv4 address
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
        }
        return true;
    }

    static String clip(URI uri) {
        String s = uri.toString();
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
