package dev.policywatch.support;

import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * An error some filter of the framework answers by itself, with no body, gets the {@code application/problem+json}
 * body every other error has. The one seen: Micronaut's CORS filter refuses with a bare 403 any request to a
 * server reached as {@code localhost} that carries another {@code Origin} (its drive-by-localhost guard) —
 * {@code curl -H 'Origin: http://example.org' localhost:8080/api/changes} was a 403 with nothing said.
 * First in the chain, so it sees the answers of every other filter.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Order(Ordered.HIGHEST_PRECEDENCE)
public final class EmptyErrorBodyFilter {

    @ResponseFilter
    public void explain(HttpRequest<?> request, MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        if (status.getCode() < 400 || response.getBody().isPresent() || request.getMethod() == HttpMethod.HEAD) {
            return;
        }
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        String detail = status == HttpStatus.FORBIDDEN && origin != null
                ? "cross-origin request refused: this server does not answer pages of other origins ("
                        + origin.replaceAll("\\p{Cntrl}", "?") + ")"
                : status.getReason();
        @SuppressWarnings("unchecked")
        MutableHttpResponse<Object> r = (MutableHttpResponse<Object>) response;
        r.body(new Problem.ProblemBody("about:blank", status.getReason(), status.getCode(),
                detail.length() > 300 ? detail.substring(0, 300) + "…" : detail))
                .contentType(ProblemHandler.PROBLEM_JSON);
    }
}
