package dev.policywatch.notifier.subscription;

import dev.policywatch.notifier.match.Filters;
import java.time.Instant;

/**
 * A subscription as the API shows it. A webhook URL is a secret: only its origin is shown. The
 * deliveries say how many alerts are pending, sent and given up on (dead-lettered), with the last error.
 */
public record SubscriptionView(String id, String channel, String target, Filters filters, String mode,
        String digestTime, String digestZone, String status, String statusReason, Instant createdAt,
        Instant confirmedAt, SubscriptionStore.DeliveryStats deliveries) {

    static SubscriptionView of(Subscription s, SubscriptionStore.DeliveryStats stats) {
        String target = s.channel() == Channel.SLACK ? s.redactedTarget() : s.target();
        return new SubscriptionView(s.id(), s.channel().wire(), target, s.filters(), s.mode().wire(),
                s.digestTime() == null ? null : s.digestTime().toString(),
                s.digestZone() == null ? null : s.digestZone().getId(), s.status().wire(), s.statusReason(),
                s.createdAt(), s.confirmedAt(), stats);
    }
}
