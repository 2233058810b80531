package dev.policywatch.notifier.subscription;

import dev.policywatch.events.Language;
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
 * the configured digest schedule when set. {@code secret} signs what is posted (DingTalk, Feishu,
 * Standard Webhooks; null when unsigned; never logged or shown back); {@code locale} is the language
 * of its alerts.
 */
public record Subscription(String id, Channel channel, String target, Filters filters, Mode mode,
        LocalTime digestTime, ZoneId digestZone, SubscriptionStatus status, String statusReason,
        Instant createdAt, Instant confirmedAt, String secret, Language locale) {

    /** An unsigned subscription with English alerts. */
    public Subscription(String id, Channel channel, String target, Filters filters, Mode mode, LocalTime digestTime,
            ZoneId digestZone, SubscriptionStatus status, String statusReason, Instant createdAt, Instant confirmedAt) {
        this(id, channel, target, filters, mode, digestTime, digestZone, status, statusReason, createdAt, confirmedAt,
                null, Language.EN);
    }

    public Subscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(filters, "filters");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        locale = locale == null ? Language.EN : locale;
    }

    @Override
    public String toString() {
        return "Subscription[" + id + ", " + channel.wire() + " " + redactedTarget() + ", " + status.wire() + ", "
                + locale.tag() + (secret == null ? "" : ", signed") + "]";
    }

    /** The target, safe for logs: an address's domain or a webhook's origin. */
    public String redactedTarget() {
        if (channel == Channel.EMAIL) {
            int at = target.lastIndexOf('@');
            return "…" + (at >= 0 ? target.substring(at) : "");
        }
        int start = target.indexOf("://") + 3;
        int end = target.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int i = target.indexOf(c, start);
            end = i >= 0 ? Math.min(end, i) : end;
        }
        return end == target.length() ? target : target.substring(0, end) + "/…";
    }
}
