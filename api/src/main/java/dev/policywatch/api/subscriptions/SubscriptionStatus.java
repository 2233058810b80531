package dev.policywatch.api.subscriptions;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Locale;

/**
 * The state of a subscription. Only {@link #ACTIVE} ones get alerts. {@link #SUPPRESSED}: the mail
 * server refused the address permanently; {@link #BROKEN}: the webhook is gone (404/410,
 * {@code no_service}, {@code channel_not_found}).
 */
@Schema(type = "string", allowableValues = {"pending_confirmation", "active", "unsubscribed", "suppressed", "broken"})
public enum SubscriptionStatus {
    @JsonProperty("pending_confirmation") PENDING_CONFIRMATION,
    @JsonProperty("active") ACTIVE,
    @JsonProperty("unsubscribed") UNSUBSCRIBED,
    @JsonProperty("suppressed") SUPPRESSED,
    @JsonProperty("broken") BROKEN;

    /** The lower-case name used in JSON (its {@code @JsonProperty}) and the database. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SubscriptionStatus fromWire(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
