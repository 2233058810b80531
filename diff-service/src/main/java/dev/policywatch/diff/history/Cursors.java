package dev.policywatch.diff.history;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Opaque page cursors: base64url of {@code <detectedAt>|<changeId>}. The order is (detectedAt,
 * changeId) descending and the next page starts strictly after the cursor, so rows inserted while a
 * client pages (newer ones, or a replayed older one) never make it see an item twice or skip one it
 * would have seen.
 */
final class Cursors {

    private Cursors() {
    }

    static String encode(ChangeQuery.Cursor cursor) {
        String raw = cursor.detectedAt() + "|" + cursor.changeId();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException when the text is not a cursor this service gave out */
    static ChangeQuery.Cursor decode(String text) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            if (bar < 0 || bar == raw.length() - 1) {
                throw new IllegalArgumentException("no separator");
            }
            Instant at = Instant.parse(raw.substring(0, bar));
            String changeId = raw.substring(bar + 1);
            // a forged cursor must not carry what PostgreSQL refuses (a NUL, a date out of its range)
            if (!ChangeQueryParser.storable(at) || changeId.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw new IllegalArgumentException("out of range");
            }
            return new ChangeQuery.Cursor(at, changeId);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cursor is not one given out by this API: " + clip(text), e);
        }
    }

    private static String clip(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
