package dev.policywatch.support;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.core.annotation.Nullable;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Answers 400 (problem+json) to a request whose path or query holds a NUL or another C0 control
 * character (in query values, tabs and line breaks pass: a pasted search may hold them). No id, cursor or filter of ours contains one, and PostgreSQL refuses NUL in text with an
 * error of its own (which used to reach the client as a 500 with SQL in it).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class ControlCharacterFilter {

    @RequestFilter
    @Nullable
    public MutableHttpResponse<Problem.ProblemBody> reject(HttpRequest<?> request) {
        if (hasControl(decodedPath(request))) {
            return bad("the path must not contain control characters");
        }
        for (Map.Entry<String, List<String>> e : request.getParameters()) {
            if (hasControl(e.getKey())) {
                return bad("query parameter names must not contain control characters");
            }
            for (String v : e.getValue()) {
                if (hasControl(v.replace('\t', ' ').replace('\r', ' ').replace('\n', ' '))) {
                    return bad(e.getKey() + " must not contain control characters");
                }
            }
        }
        return null;
    }

    private static MutableHttpResponse<Problem.ProblemBody> bad(String detail) {
        return HttpResponse.<Problem.ProblemBody>badRequest(Problem.badRequest(detail).body())
                .contentType(ProblemHandler.PROBLEM_JSON);
    }

    /** The path with its %-escapes decoded (%00 is a NUL by the time a route gets it). */
    private static String decodedPath(HttpRequest<?> request) {
        String raw = request.getPath();
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw; // a malformed escape: the router answers for it
        }
    }

    static boolean hasControl(String s) {
        if (s == null) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return true;
            }
        }
        return false;
    }
}
