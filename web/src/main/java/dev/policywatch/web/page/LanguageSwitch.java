package dev.policywatch.web.page;

import dev.policywatch.events.Language;
import dev.policywatch.web.WebSettings;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.http.uri.UriBuilder;
import java.net.URI;
import java.time.Duration;

/**
 * {@code GET /language?to=zh-CN&next=/sources}: the language switch. Remembers the choice in the
 * {@link Language#COOKIE} cookie (a year, every path of this server, not readable by script) and goes
 * back to {@code next}, a path of this server only (anything else goes to {@code /}: no open redirect).
 * A plain link, so it works without script under the pages' strict CSP.
 */
@Controller
@Requires(property = WebSettings.ENABLED, notEquals = "false")
final class LanguageSwitch {

    static final String PATH = "/language";
    private static final int MAX_NEXT = 2048;
    private static final Duration REMEMBERED = Duration.ofDays(365);

    @Get(PATH)
    HttpResponse<?> choose(HttpRequest<?> request, @Nullable @QueryValue String to, @Nullable @QueryValue String next) {
        String back = safeNext(next);
        var response = HttpResponse.status(HttpStatus.SEE_OTHER).headers(h -> h.location(URI.create(back)))
                .header("Cache-Control", "no-store");
        Language.fromTag(to).ifPresent(language -> response.cookie(Cookie.of(Language.COOKIE, language.tag())
                .path("/").maxAge(REMEMBERED).httpOnly(true).sameSite(SameSite.Lax).secure(request.isSecure())));
        return response;
    }

    /** The link that switches to {@code language} and comes back to {@code here}. */
    static String href(Language language, String here) {
        return UriBuilder.of(PATH).queryParam("to", language.tag()).queryParam("next", safeNext(here)).toString();
    }

    /**
     * {@code next} when it is a path of this server ({@code /…}, not {@code //host} or {@code /\host},
     * no scheme, no control characters), else {@code /}.
     */
    static String safeNext(String next) {
        if (next == null || next.isEmpty() || next.length() > MAX_NEXT || next.charAt(0) != '/') {
            return "/";
        }
        if (next.length() > 1 && (next.charAt(1) == '/' || next.charAt(1) == '\\')) {
            return "/";
        }
        for (int i = 0; i < next.length(); i++) {
            char c = next.charAt(i);
            if (c < 0x21 || c == 0x7f || c == '\\') {
                return "/";
            }
        }
        try {
            URI uri = URI.create(next);
            return uri.getScheme() == null && uri.getRawAuthority() == null ? next : "/";
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }
}
