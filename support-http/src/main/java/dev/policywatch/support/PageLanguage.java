package dev.policywatch.support;

import dev.policywatch.events.Language;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;

/**
 * The language a page is shown in: the reader's choice (the {@link Language#COOKIE} cookie, set by the
 * web UI's language switch and sent to every page of the server, the notifier's included), else the
 * best match of {@code Accept-Language}, else English.
 */
public final class PageLanguage {

    private PageLanguage() {
    }

    public static Language of(HttpRequest<?> request) {
        String chosen = request.getCookies().findCookie(Language.COOKIE).map(Cookie::getValue).orElse(null);
        return Language.choose(chosen, request.getHeaders().get(HttpHeaders.ACCEPT_LANGUAGE));
    }

    /** The reader's {@code Accept-Language} language alone, ignoring the cookie; null when it names none. */
    public static Language accepted(HttpRequest<?> request) {
        return Language.fromAcceptLanguage(request.getHeaders().get(HttpHeaders.ACCEPT_LANGUAGE)).orElse(null);
    }
}
