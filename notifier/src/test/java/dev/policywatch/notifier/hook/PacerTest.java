package dev.policywatch.notifier.hook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacerTest {

    private static final List<Pacer.Limit> TWENTY_A_MINUTE = List.of(new Pacer.Limit(20, Duration.ofMinutes(1)));

    @Test
    void theTwentyFirstSendWithinAMinuteWaitsUntilTheFirstLeavesTheWindow() {
        Pacer pacer = new Pacer();
        Instant t0 = Instant.parse("2026-05-14T03:45:00Z");
        for (int i = 0; i < 20; i++) {
            assertThat(pacer.reserve("robot", TWENTY_A_MINUTE, t0.plusSeconds(i))).isEmpty();
        }
        assertThat(pacer.reserve("robot", TWENTY_A_MINUTE, t0.plusSeconds(30)))
                .hasValueSatisfying(w -> assertThat(w).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(31)));
        // another robot is not held up
        assertThat(pacer.reserve("other", TWENTY_A_MINUTE, t0.plusSeconds(30))).isEmpty();
        // once the first send is a minute old, a slot is free again
        assertThat(pacer.reserve("robot", TWENTY_A_MINUTE, t0.plusSeconds(60).plusMillis(1))).isEmpty();
    }

    @Test
    void everyLimitHoldsFeishuFiveASecondAndAHundredAMinute() {
        Pacer pacer = new Pacer();
        List<Pacer.Limit> feishu = List.of(new Pacer.Limit(5, Duration.ofSeconds(1)),
                new Pacer.Limit(100, Duration.ofMinutes(1)));
        Instant t0 = Instant.parse("2026-05-14T03:45:00Z");
        int sent = 0;
        int waited = 0;
        for (int ms = 0; ms < 60_000; ms += 50) {
            if (pacer.reserve("bot", feishu, t0.plusMillis(ms)).isEmpty()) {
                sent++;
            } else {
                waited++;
            }
        }
        assertThat(sent).isEqualTo(100);
        assertThat(waited).isPositive();
    }
}
