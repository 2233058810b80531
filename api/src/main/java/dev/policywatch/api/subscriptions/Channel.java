package dev.policywatch.api.subscriptions;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where alerts go. {@code console} prints to standard output (the standalone's demo). */
public enum Channel {
    EMAIL, SLACK, CONSOLE;

    /** The lower-case name used in JSON and the database. */
    @JsonValue
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
