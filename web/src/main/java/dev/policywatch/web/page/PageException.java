package dev.policywatch.web.page;

import io.micronaut.http.HttpStatus;

/**
 * A page cannot be shown; {@link Pages} renders it as an error page with this status, heading and
 * message, both given as message keys of the web bundle (the message with its arguments, shown escaped).
 */
public final class PageException extends RuntimeException {

    private final HttpStatus status;
    private final String headingKey;
    private final transient Object[] args;

    public PageException(HttpStatus status, String headingKey, String messageKey, Object... args) {
        super(messageKey, null, false, false);
        this.status = status;
        this.headingKey = headingKey;
        this.args = args.clone();
    }

    /** 404 with the message of {@code messageKey}. */
    public static PageException notFound(String messageKey, Object... args) {
        return new PageException(HttpStatus.NOT_FOUND, "error.notFound", messageKey, args);
    }

    /** 400 with the message of {@code messageKey}. */
    public static PageException badRequest(String messageKey, Object... args) {
        return new PageException(HttpStatus.BAD_REQUEST, "error.badRequest", messageKey, args);
    }

    public HttpStatus status() {
        return status;
    }

    public String headingKey() {
        return headingKey;
    }

    public String messageKey() {
        return getMessage();
    }

    public Object[] args() {
        return args.clone();
    }
}
