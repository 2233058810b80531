package dev.policywatch.notifier.subscription;

import dev.policywatch.api.subscriptions.Channel;
import dev.policywatch.api.subscriptions.Filters;
import dev.policywatch.api.subscriptions.Mode;
import dev.policywatch.api.subscriptions.SubscriptionStatus;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * One subscription: a channel and target (an email address or a webhook URL — both secrets, never
 * logged whole), its filters and mode, and its status. {@code digestTime}/{@code digestZone} override
 * the configured digest schedule when set.
 */
public record Subscription(String id, Channel channel, String target, Filters filters, Mode mode,
        LocalTime digestTime, ZoneId digestZone, SubscriptionStatus status, String statusReason,
        Instant createdAt, Instant confirmedAt) {

    public Subscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(filters, "filters");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The target, safe for logs: an address's domain or a webhook's origin. */
    public String redactedTarget() {
        if (channel == Channel.EMAIL) {
            int at = target.lastIndexOf('@');
            return "…" + (at >= 0 ? target.substring(at) : "");
        }
        int slash = target.indexOf('/', target.indexOf("://") + 3);
        return slash < 0 ? target : target.substring(0, slash) + "/…";
    }
}
