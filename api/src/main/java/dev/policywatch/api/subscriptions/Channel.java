package dev.policywatch.api.subscriptions;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Locale;

/** Where alerts go. {@code console} prints to standard output (the standalone's demo). */
@Schema(type = "string", allowableValues = {"email", "slack", "console"})
public enum Channel {
    @JsonProperty("email") EMAIL,
    @JsonProperty("slack") SLACK,
    @JsonProperty("console") CONSOLE;

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
