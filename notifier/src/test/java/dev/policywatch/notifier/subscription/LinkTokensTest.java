package dev.policywatch.notifier.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LinkTokensTest {

    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    private final LinkTokens tokens = new LinkTokens("0123456789abcdef0123".getBytes());

    @Test
    void aConfirmTokenIsValidUntilItExpires() {
        String t = tokens.issue(LinkTokens.Purpose.CONFIRM, "s-1", NOW, Duration.ofDays(7));
        assertThat(tokens.verify(LinkTokens.Purpose.CONFIRM, t, NOW.plus(Duration.ofDays(6)))).contains("s-1");
        assertThat(tokens.verify(LinkTokens.Purpose.CONFIRM, t, NOW.plus(Duration.ofDays(8)))).isEmpty();
    }

    @Test
    void aTokenIsBoundToItsPurposeKeyAndContent() {
        String t = tokens.issue(LinkTokens.Purpose.CONFIRM, "s-1", NOW, Duration.ofDays(7));
        assertThat(tokens.verify(LinkTokens.Purpose.UNSUBSCRIBE, t, NOW)).isEmpty();
        assertThat(new LinkTokens("another key of 20 bytes".getBytes()).verify(LinkTokens.Purpose.CONFIRM, t, NOW)).isEmpty();
        String forged = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("CONFIRM:s-2:0".getBytes()) + t.substring(t.indexOf('.'));
        assertThat(tokens.verify(LinkTokens.Purpose.CONFIRM, forged, NOW)).isEmpty();
        assertThat(tokens.verify(LinkTokens.Purpose.CONFIRM, "garbage", NOW)).isEmpty();
        assertThat(tokens.verify(LinkTokens.Purpose.CONFIRM, null, NOW)).isEmpty();
    }

    @Test
    void anUnsubscribeTokenNeverExpires() {
        String t = tokens.issue(LinkTokens.Purpose.UNSUBSCRIBE, "s-1", NOW, null);
        assertThat(tokens.verify(LinkTokens.Purpose.UNSUBSCRIBE, t, NOW.plus(Duration.ofDays(3650)))).contains("s-1");
    }
}
