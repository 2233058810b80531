package dev.policywatch.notifier.delivery;

import dev.policywatch.api.subscriptions.SubscriptionStatus;
import java.time.Duration;

/** The outcome of one send, as a value: the worker decides what to record. */
public sealed interface SendResult {

    /** Delivered. */
    record Sent() implements SendResult {
    }

    /** A transient failure (SMTP 4xx, HTTP 5xx, network): try again after {@code after} or the policy's backoff. */
    record Retry(String reason, Duration after) implements SendResult {
    }

    /** The receiver asked us to wait (HTTP 429): try again after {@code delay}; not counted as a failure. */
    record Throttled(String reason, Duration delay) implements SendResult {
    }

    /** Will never succeed: give up on this delivery, and set the subscription's status when not null. */
    record Failed(String reason, SubscriptionStatus subscriptionStatus) implements SendResult {
    }

    static SendResult sent() {
        return new Sent();
    }
}
