package dev.policywatch.support;

import io.micronaut.http.HttpStatus;

/**
 * An error answered as {@code application/problem+json} (RFC 9457) with a clear {@code detail}.
 * Throw it from a controller; {@link ProblemHandler} renders it.
 */
public final class Problem extends RuntimeException {

    private final HttpStatus status;
    private final String title;

    public Problem(HttpStatus status, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
    }

    public static Problem badRequest(String detail) {
        return new Problem(HttpStatus.BAD_REQUEST, "Invalid request", detail);
    }

    public static Problem notFound(String detail) {
        return new Problem(HttpStatus.NOT_FOUND, "Not found", detail);
    }

    public static Problem unauthorized(String detail) {
        return new Problem(HttpStatus.UNAUTHORIZED, "Unauthorized", detail);
    }

    public static Problem conflict(String detail) {
        return new Problem(HttpStatus.CONFLICT, "Conflict", detail);
    }

    public static Problem tooManyRequests(String detail) {
        return new Problem(HttpStatus.TOO_MANY_REQUESTS, "Too many requests", detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    /** The JSON body. */
    public ProblemBody body() {
        return new ProblemBody("about:blank", title, status.getCode(), getMessage());
    }

    /** The problem+json body: type, title, status, detail. */
    public record ProblemBody(String type, String title, int status, String detail) {
    }
}
