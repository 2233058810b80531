package dev.policywatch.api.subscriptions;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The state of a subscription. Only {@link #ACTIVE} ones get alerts. {@link #SUPPRESSED}: the mail
 * server refused the address permanently; {@link #BROKEN}: the webhook is gone (404/410,
 * {@code no_service}, {@code channel_not_found}).
 */
public enum SubscriptionStatus {
    PENDING_CONFIRMATION, ACTIVE, UNSUBSCRIBED, SUPPRESSED, BROKEN;

    /** The lower-case name used in JSON and the database. */
    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SubscriptionStatus fromWire(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
