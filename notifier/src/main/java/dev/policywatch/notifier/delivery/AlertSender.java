package dev.policywatch.notifier.delivery;

import dev.policywatch.api.subscriptions.Channel;
import dev.policywatch.notifier.subscription.Subscription;

/**
 * Sends alerts on one channel. Implementations never throw for a failed send: they return a
 * {@link SendResult}. Must be thread-safe (several worker threads send at once).
 */
public interface AlertSender {

    Channel channel();

    SendResult send(Alert alert);

    /** Sends the confirmation request of a subscription (email only). */
    default SendResult sendConfirmation(Subscription subscription, long deliveryId) {
        return new SendResult.Failed(channel().wire() + " subscriptions need no confirmation", null);
    }
}
