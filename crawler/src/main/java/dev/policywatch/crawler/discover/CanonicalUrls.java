package dev.policywatch.crawler.discover;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Canonical form of a document URL, so one document found twice (with a fragment, an upper-case
 * host, an explicit default port) gets one documentId: scheme and host lower case, default port
 * removed, empty path as {@code /}, fragment dropped. The query is kept as is (it often names the
 * document).
 */
public final class CanonicalUrls {

    private CanonicalUrls() {
    }

    /** The canonical URL, or null when the text is not an absolute http(s) URL. */
    public static URI canonical(String href, URI base) {
        if (href == null || href.isBlank()) {
            return null;
        }
        try {
            String cleaned = href.trim().replace(" ", "%20");
            URI uri = base == null ? new URI(cleaned) : base.resolve(new URI(cleaned));
            return canonical(uri);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The canonical form of an absolute URL, or null when it is not http(s). */
    public static URI canonical(URI uri) {
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null) {
            return null;
        }
        int port = uri.getPort();
        if (port == 80 && scheme.equals("http") || port == 443 && scheme.equals("https")) {
            port = -1;
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        StringBuilder sb = new StringBuilder(scheme).append("://").append(uri.getHost().toLowerCase(Locale.ROOT));
        if (port != -1) {
            sb.append(':').append(port);
        }
        sb.append(path);
        if (uri.getRawQuery() != null) {
            sb.append('?').append(uri.getRawQuery());
        }
        try {
            return new URI(sb.toString());
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
