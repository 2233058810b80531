package dev.policywatch.crawler.render;

/** A page that could not be rendered, and why, in words an operator can act on. */
public final class RenderException extends Exception {

    /** What went wrong. */
    public enum Kind {
        /** No browser: Chromium is not installed at the configured path, or does not start. */
        UNAVAILABLE,
        /** The page did not finish loading within the page-load timeout. */
        TIMEOUT,
        /** The rendered DOM is over the crawler's cap. */
        TOO_LARGE,
        /** The browser failed (crashed, hung, answered an error). */
        FAILED
    }

    private final Kind kind;
    private final boolean browserBroken;

    RenderException(Kind kind, String message, boolean browserBroken) {
        super(message, null, false, false);
        this.kind = kind;
        this.browserBroken = browserBroken;
    }

    static RenderException unavailable(String message) {
        return new RenderException(Kind.UNAVAILABLE, message, true);
    }

    public Kind kind() {
        return kind;
    }

    /** Whether the browser that rendered it must not be used again. */
    boolean browserBroken() {
        return browserBroken;
    }
}
