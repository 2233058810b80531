package dev.policywatch.web.page;

import io.micronaut.http.HttpStatus;

/**
 * A page cannot be shown; {@link Pages} renders it as an error page with this status, heading and
 * message (plain text, shown escaped).
 */
public final class PageException extends RuntimeException {

    private final HttpStatus status;
    private final String heading;

    public PageException(HttpStatus status, String heading, String message) {
        super(message, null, false, false);
        this.status = status;
        this.heading = heading;
    }

    public static PageException notFound(String message) {
        return new PageException(HttpStatus.NOT_FOUND, "Not found", message);
    }

    public static PageException badRequest(String message) {
        return new PageException(HttpStatus.BAD_REQUEST, "That request is not valid", message);
    }

    public HttpStatus status() {
        return status;
    }

    public String heading() {
        return heading;
    }
}
