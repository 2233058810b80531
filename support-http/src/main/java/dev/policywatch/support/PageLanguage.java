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
        return Language.choose(chosen(request), request.getHeaders().get(HttpHeaders.ACCEPT_LANGUAGE));
    }

    /**
     * The language of a page about something that has a language of its own (a subscription's
     * {@code locale}): the reader's explicit choice (the cookie) still wins, then {@code known}, then
     * {@code Accept-Language}, then English.
     */
    public static Language of(HttpRequest<?> request, Language known) {
        return Language.fromTag(chosen(request)).orElseGet(() -> known != null ? known : of(request));
    }

    private static String chosen(HttpRequest<?> request) {
        return request.getCookies().findCookie(Language.COOKIE).map(Cookie::getValue).orElse(null);
    }

    /** The reader's {@code Accept-Language} language alone, ignoring the cookie; null when it names none. */
    public static Language accepted(HttpRequest<?> request) {
        return Language.fromAcceptLanguage(request.getHeaders().get(HttpHeaders.ACCEPT_LANGUAGE)).orElse(null);
    }
}
