package dev.policywatch.notifier.ssrf;

/** A webhook URL the notifier will not post to; the message says why, fit for a problem+json detail. */
public final class WebhookRejected extends Exception {

    public WebhookRejected(String message) {
        super(message, null, false, false);
    }
}
