package dev.policywatch.notifier.delivery;

import dev.policywatch.events.DocumentChange;
import dev.policywatch.notifier.subscription.Subscription;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What one message carries: the changes (one, or the day's for a digest) for one subscription.
 * {@code deliveryId} is the first delivery's id; the email Message-ID is derived from it.
 */
public record Alert(long deliveryId, Subscription subscription, List<DocumentChange> changes, boolean digest) {

    public Alert {
        Objects.requireNonNull(subscription, "subscription");
        changes = List.copyOf(changes);
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("an alert needs at least one change (delivery " + deliveryId + ")");
        }
    }

    /**
     * What this alert says, in its subscription's language; times in the subscription's digest zone
     * when it has one, else UTC (the zone is named next to each time).
     */
    public AlertContent content(UnaryOperator<String> changeLink) {
        ZoneId zone = subscription.digestZone() == null ? ZoneOffset.UTC : subscription.digestZone();
        return AlertContent.of(changes, digest, changeLink, subscription.locale(), zone);
    }
}
