package dev.policywatch.web.page;

import io.micronaut.core.annotation.Nullable;
import dev.policywatch.web.WebSettings;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.Locale;

/**
 * Guards the UI's paths (the pages and {@code /web/**} assets; the API is not touched): answers 404 to
 * a path with {@code ..} or an encoded dot, slash or backslash before any route sees it, and adds a
 * strict Content-Security-Policy and the other security headers to every answer, error pages included.
 */
@ServerFilter("/**")
@Requires(property = WebSettings.ENABLED, notEquals = "false")
final class PageGuardFilter {

    /** No inline script or style anywhere: the pages use one stylesheet of this server and no script. */
    static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    private final Pages pages;

    PageGuardFilter(Pages pages) {
        this.pages = pages;
    }

    @RequestFilter
    @Nullable
    MutableHttpResponse<?> rejectTraversal(HttpRequest<?> request) {
        String raw = request.getUri().getRawPath();
        if (raw == null || !isPage(request.getPath()) && !isPage(raw) || !isTraversal(raw)) {
            return null;
        }
        MutableHttpResponse<String> notFound = HttpResponse.<String>status(HttpStatus.NOT_FOUND)
                .contentType(Pages.HTML)
                .header(io.micronaut.http.HttpHeaders.VARY, Pages.VARY)
                .body(pages.error(request, HttpStatus.NOT_FOUND, "error.notFound", "error.noSuchPage").body());
        addHeaders(notFound);
        return notFound;
    }

    @ResponseFilter
    void securityHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (isPage(request.getPath())) {
            addHeaders(response);
        }
    }

    private static void addHeaders(MutableHttpResponse<?> response) {
        response.header("Content-Security-Policy", CSP);
        response.header("X-Content-Type-Options", "nosniff");
        // same-origin, not no-referrer: with no-referrer browsers send "Origin: null" on form posts, which
        // Micronaut refuses (403); links out to government sites still carry no referrer.
        response.header("Referrer-Policy", "same-origin");
        response.header("X-Frame-Options", "DENY");
    }

    /** Whether the (decoded or raw) path is one of the UI's: a page or an asset. */
    static boolean isPage(String path) {
        if (path == null) {
            return false;
        }
        return path.equals("/") || path.equals("/sources") || path.equals("/subscribe") || path.equals(LanguageSwitch.PATH)
                || path.startsWith("/changes/") || path.startsWith("/documents/") || path.startsWith("/web/")
                || path.equals("/changes") || path.equals("/documents");
    }

    /** {@code ..}, a backslash, or an encoded {@code .}, {@code /} or {@code \} anywhere in the raw path. */
    static boolean isTraversal(String rawPath) {
        String p = rawPath.toLowerCase(Locale.ROOT);
        return p.contains("..") || p.contains("\\") || p.contains("%2e") || p.contains("%2f") || p.contains("%5c")
                || p.contains("%25") || p.contains("//");
    }
}
