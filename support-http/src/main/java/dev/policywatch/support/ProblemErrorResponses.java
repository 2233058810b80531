package dev.policywatch.support;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.http.server.exceptions.response.HtmlErrorResponseBodyProvider;
import jakarta.inject.Singleton;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error the framework answers by itself — 404 of an unknown route, 405, 413, 415, a parameter it
 * cannot convert, an exception nobody handled — is {@code application/problem+json} too, like the
 * {@link Problem}s the controllers throw. A 5xx never carries the exception's message (it may hold SQL,
 * a stack of ours, a path): its detail is a reference to the log line that has it. A browser asking a
 * page (not {@code /api/}) for HTML gets the framework's HTML error page for a 4xx.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
@Requires(classes = ErrorResponseProcessor.class)
public final class ProblemErrorResponses implements ErrorResponseProcessor<Object> {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemErrorResponses.class);
    private static final int MAX_DETAIL = 300;

    /** The path Netty gives a request whose first line it could not read (too long, malformed). */
    private static final String UNREADABLE_LINE_PATH = "/bad-request";

    private final HtmlErrorResponseBodyProvider html;
    private final int maxLine;
    private final int maxHeaders;

    public ProblemErrorResponses(HtmlErrorResponseBodyProvider html,
            @Value("${micronaut.server.netty.max-initial-line-length:4096}") int maxLine,
            @Value("${micronaut.server.netty.max-header-size:8192}") int maxHeaders) {
        this.html = html;
        this.maxLine = maxLine;
        this.maxHeaders = maxHeaders;
    }

    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<Object> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpRequest<?> request = context.getRequest();
        HttpStatus tooLong = tooLongFrame(context, response.getStatus(), request);
        if (tooLong != null) {
            response.status(tooLong);
        }
        HttpStatus status = response.getStatus();
        if (status.getCode() < 500 && !request.getPath().startsWith("/api/")
                && request.accept().stream().anyMatch(m -> m.matches(MediaType.TEXT_HTML_TYPE))) {
            // a browser on a page: the framework's HTML error page (the API always answers problem+json)
            return ((MutableHttpResponse<Object>) response).contentType(MediaType.TEXT_HTML_TYPE)
                    .body(html.body(context, response));
        }
        String detail;
        if (status.getCode() >= 500) {
            String ref = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("{} {} failed (ref {}): {}", request.getMethod(), request.getPath(), ref,
                    context.getRootCause().map(Throwable::toString).orElse(status.getReason()),
                    context.getRootCause().orElse(null));
            detail = "an internal error occurred (ref " + ref + ")";
        } else if (tooLong == HttpStatus.REQUEST_URI_TOO_LONG) {
            detail = "the request line (method, path and query) is longer than " + maxLine + " bytes";
        } else if (tooLong != null) {
            detail = "the request headers are larger than " + maxHeaders + " bytes";
        } else {
            detail = context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
            if (detail.isBlank()) {
                detail = status.getReason();
            }
            if (status == HttpStatus.NOT_FOUND && detail.equals("Page Not Found")) {
                // the router's own words for a path no route matches: say which, and where the routes are
                detail = "no endpoint answers " + request.getMethod() + " " + request.getPath()
                        + " (the API is described at /openapi.yml)";
            }
            detail = detail.replaceAll("\\p{Cntrl}", "?");
            if (detail.length() > MAX_DETAIL) {
                detail = detail.substring(0, MAX_DETAIL) + "…";
            }
        }
        return ((MutableHttpResponse<Object>) response).contentType(ProblemHandler.PROBLEM_JSON)
                .body(new Problem.ProblemBody("about:blank", status.getReason(), status.getCode(), detail));
    }

    /**
     * Netty refuses a request line or headers over its limits before any route sees them, and the framework
     * answers that 413 "Request Entity Too Large" with no more said, as if the body were too large (a body
     * over {@code max-request-size} has a detail of its own). The status that says which part was too long
     * (414 the request line, 431 the headers), or null.
     */
    private static HttpStatus tooLongFrame(ErrorContext context, HttpStatus status, HttpRequest<?> request) {
        if (status != HttpStatus.REQUEST_ENTITY_TOO_LARGE || context.getRootCause().isPresent()
                || !context.getErrors().stream().map(Error::getMessage).allMatch(status.getReason()::equals)) {
            return null;
        }
        return UNREADABLE_LINE_PATH.equals(request.getPath()) ? HttpStatus.REQUEST_URI_TOO_LONG
                : HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
    }
}
