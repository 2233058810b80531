package dev.policywatch.api.subscriptions;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Locale;

/**
 * Where alerts go. {@code console} prints to standard output (the standalone's demo); every other
 * channel but email posts to a webhook URL checked against the allow-list.
 */
@Schema(type = "string", allowableValues = {"email", "slack", "console", "wecom", "dingtalk", "feishu", "teams",
        "webhook"})
public enum Channel {
    @JsonProperty("email") EMAIL,
    @JsonProperty("slack") SLACK,
    @JsonProperty("console") CONSOLE,
    @JsonProperty("wecom") WECOM,
    @JsonProperty("dingtalk") DINGTALK,
    @JsonProperty("feishu") FEISHU,
    @JsonProperty("teams") TEAMS,
    @JsonProperty("webhook") WEBHOOK;

    /** Whether the target is a webhook URL (a secret: shown as its origin only). */
    public boolean webhook() {
        return this != EMAIL && this != CONSOLE;
    }

    /** Whether a subscription of this channel may carry a signing {@code secret}. */
    public boolean signs() {
        return this == DINGTALK || this == FEISHU || this == WEBHOOK;
    }

    /** The lower-case name used in JSON (its {@code @JsonProperty}) and the database. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name; null when unknown. */
    public static Channel fromWire(String s) {
        for (Channel c : values()) {
            if (c.wire().equals(s)) {
                return c;
            }
        }
        return null;
    }
}
