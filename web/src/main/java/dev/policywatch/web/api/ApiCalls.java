package dev.policywatch.web.api;

import dev.policywatch.support.Problem;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call of a page to the API, its failures told apart ({@link ApiException}): a 404 (or no body
 * where one was due) is {@link ApiException.Kind#NOT_FOUND}; another 4xx, or a 503 with a problem
 * detail, is {@link ApiException.Kind#REJECTED} with the API's detail; a failure, no answer, or an
 * answer that is not the record the API declares is {@link ApiException.Kind#UNAVAILABLE}. Call it off
 * the event loop: the API may be served by the very server that called it.
 */
final class ApiCalls {

    private static final Logger LOG = LoggerFactory.getLogger(ApiCalls.class);

    private ApiCalls() {
    }

    static <T> T call(String service, String what, Supplier<T> call) {
        T answer;
        try {
            answer = call.get();
        } catch (HttpClientResponseException e) {
            int status = e.getStatus().getCode();
            String detail = detail(e).orElse(null);
            if (status == 404) {
                throw new ApiException(ApiException.Kind.NOT_FOUND, status, service,
                        detail == null ? "not found" : detail, null);
            }
            if (status >= 400 && status < 500 || status == 503 && detail != null) {
                throw new ApiException(ApiException.Kind.REJECTED, status, service, detail == null
                        ? "the " + service + " API refused the request (HTTP " + status + ")" : detail, null);
            }
            LOG.warn("The {} API answered HTTP {} to {}", service, status, what);
            throw new ApiException(ApiException.Kind.UNAVAILABLE, status, service,
                    "the " + service + " API failed (HTTP " + status + ")", e);
        } catch (HttpClientException e) {
            LOG.warn("The {} API could not be reached for {}: {}", service, what, e.getMessage());
            throw new ApiException(ApiException.Kind.UNAVAILABLE, 0, service,
                    "the " + service + " API could not be reached", e);
        } catch (RuntimeException e) {
            // an answer that does not bind to the API's record (not JSON, a field of the wrong type)
            LOG.warn("The {} API answered {} with something unreadable: {}", service, what, reason(e));
            throw new ApiException(ApiException.Kind.UNAVAILABLE, 200, service,
                    "the " + service + " API answered something this page cannot read", e);
        }
        if (answer == null) {
            throw new ApiException(ApiException.Kind.NOT_FOUND, 404, service, "not found", null);
        }
        return answer;
    }

    private static Optional<String> detail(HttpClientResponseException e) {
        try {
            return e.getResponse().getBody(Problem.ProblemBody.class).map(Problem.ProblemBody::detail)
                    .filter(d -> !d.isBlank()).map(ApiCalls::clip);
        } catch (RuntimeException notAProblem) {
            return Optional.empty();
        }
    }

    /** The reason of a failure, without the excerpt of the answer some messages carry. */
    private static String reason(Exception e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        message = newline < 0 ? message : message.substring(0, newline);
        return e.getClass().getSimpleName() + ": " + clip(message);
    }

    private static String clip(String s) {
        return s.length() > 500 ? s.substring(0, 500) + "…" : s;
    }
}
