package dev.policywatch.api.subscriptions;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Locale;

/** When alerts go: one per change at once, or the day's changes in one daily digest. */
@Schema(type = "string", allowableValues = {"immediate", "daily"})
public enum Mode {
    @JsonProperty("immediate") IMMEDIATE,
    @JsonProperty("daily") DAILY;

    /** The lower-case name used in JSON (its {@code @JsonProperty}) and the database. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name; null when unknown. */
    public static Mode fromWire(String s) {
        for (Mode m : values()) {
            if (m.wire().equals(s)) {
                return m;
            }
        }
        return null;
    }
}
