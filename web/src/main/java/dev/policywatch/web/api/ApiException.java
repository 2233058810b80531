package dev.policywatch.web.api;

/**
 * The API did not give what a page asked for. {@link Kind#NOT_FOUND} and {@link Kind#REJECTED} are
 * answers (a 404, or a 4xx with a problem+json {@code detail} meant for the user);
 * {@link Kind#UNAVAILABLE} means the API could not be reached, failed (5xx) or answered something
 * unreadable. The message never contains tokens or response bodies beyond the problem detail.
 */
public final class ApiException extends RuntimeException {

    /** What kind of failure. */
    public enum Kind { NOT_FOUND, REJECTED, UNAVAILABLE }

    private final Kind kind;
    private final int status;
    private final String service;

    ApiException(Kind kind, int status, String service, String detail, Throwable cause) {
        super(detail, cause);
        this.kind = kind;
        this.status = status;
        this.service = service;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status the API answered, or 0 when it did not answer. */
    public int status() {
        return status;
    }

    /** Which API: {@code history}, {@code crawler} or {@code notifier}. */
    public String service() {
        return service;
    }

    /** The problem detail of the API, or a description of the failure. */
    public String detail() {
        return getMessage();
    }
}
