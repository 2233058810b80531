package dev.policywatch.api.subscriptions;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** When alerts go: one per change at once, or the day's changes in one daily digest. */
public enum Mode {
    IMMEDIATE, DAILY;

    /** The lower-case name used in JSON and the database. */
    @JsonValue
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
