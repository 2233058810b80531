package dev.policywatch.support;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts the request headers the framework parses on its own into a shape it cannot fail on, before any
 * route reads them (the framework answered 500 to each of these):
 * <ul>
 *   <li>{@code Content-Type} with a {@code charset} Java does not know ({@code charset=nope},
 *       {@code charset=UTF-7}, {@code charset=}) is 415 with a detail naming it; a quoted charset
 *       ({@code charset="utf-8"}, which RFC 9110 allows) is unquoted so the body is read with it.</li>
 *   <li>{@code Accept-Language} and {@code Accept-Charset} that name nothing ({@code ;;;}, {@code ,,,}) are
 *       dropped: a preference that says nothing is no preference (the reader gets the default language).
 *       The framework read {@code Accept-Charset} to decode any query string, so {@code Accept-Charset: ;}
 *       was a 500 on every endpoint, {@code /health} included.</li>
 * </ul>
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Order(Ordered.HIGHEST_PRECEDENCE) // before any filter that reads the query (decoding it reads Accept-Charset)
public final class RequestHeaderFilter {

    private static final Pattern CHARSET = Pattern.compile("(?i)(;\\s*charset\\s*=\\s*)(\"[^\"]*\"?|[^;]*)");

    @RequestFilter
    @Nullable
    public MutableHttpResponse<Problem.ProblemBody> check(MutableHttpRequest<?> request) {
        MutableHttpHeaders headers = request.getHeaders();
        String contentType = headers.get(HttpHeaders.CONTENT_TYPE);
        if (contentType != null) {
            Matcher m = CHARSET.matcher(contentType);
            if (m.find()) {
                String raw = m.group(2).trim();
                String name = raw.replace("\"", "").trim();
                if (!isSupported(name)) {
                    return unsupportedCharset(name);
                }
                if (!raw.equals(name)) {
                    headers.set(HttpHeaders.CONTENT_TYPE, contentType.substring(0, m.start())
                            + m.group(1).replaceAll("\\s", "") + name + contentType.substring(m.end()));
                }
            }
        }
        for (String preference : new String[] {HttpHeaders.ACCEPT_LANGUAGE, HttpHeaders.ACCEPT_CHARSET}) {
            String value = headers.get(preference);
            if (value != null && namesNothing(value)) {
                headers.remove(preference);
            }
        }
        return null;
    }

    static boolean isSupported(String charset) {
        try {
            return !charset.isEmpty() && Charset.isSupported(charset);
        } catch (IllegalArgumentException e) { // an illegal name
            return false;
        }
    }

    /** True when the first entry (what the framework reads) is empty or the value has no tag at all. */
    static boolean namesNothing(String value) {
        String first = value.split("[,;]", -1)[0].trim();
        return first.isEmpty() || value.replaceAll("[\\s,;]", "").isEmpty();
    }

    private static MutableHttpResponse<Problem.ProblemBody> unsupportedCharset(String name) {
        String shown = name.length() > 40 ? name.substring(0, 40) + "…" : name;
        shown = shown.replaceAll("\\p{Cntrl}", "?");
        Problem p = new Problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type",
                "the Content-Type's charset \"" + shown.toLowerCase(Locale.ROOT)
                        + "\" is not one this server can read: send the body in UTF-8 (charset=utf-8)");
        return HttpResponse.<Problem.ProblemBody>status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(p.body())
                .contentType(ProblemHandler.PROBLEM_JSON);
    }
}
