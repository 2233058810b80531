package dev.policywatch.notifier.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Issue #12 item 8: keyed on the full address, one IPv6 host had 2^64 addresses to sign up from. */
class SignupLimiterTest {

    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");

    @Test
    void ipv6ClientsShareTheLimitOfTheirSlash64() {
        SignupLimiter limiter = new SignupLimiter(2);
        assertThat(limiter.tryAcquire("2001:db8:1:2::1", NOW)).isTrue();
        assertThat(limiter.tryAcquire("2001:db8:1:2:ffff:ffff:ffff:fffe", NOW)).isTrue();
        assertThat(limiter.tryAcquire("2001:0db8:0001:0002:abcd::7", NOW)).as("same /64, third signup").isFalse();
        assertThat(limiter.tryAcquire("[2001:db8:1:2::99]:443", NOW)).as("with a port").isFalse();
        assertThat(limiter.tryAcquire("2001:db8:1:3::1", NOW)).as("the next /64").isTrue();
        assertThat(limiter.tryAcquire("2001:db8:1:2::1", NOW.plusSeconds(3601))).as("an hour later").isTrue();
    }

    @Test
    void ipv4ClientsAreLimitedPerAddress() {
        SignupLimiter limiter = new SignupLimiter(1);
        assertThat(limiter.tryAcquire("198.51.100.1", NOW)).isTrue();
        assertThat(limiter.tryAcquire("198.51.100.1", NOW)).isFalse();
        assertThat(limiter.tryAcquire("198.51.100.2", NOW)).isTrue();
        assertThat(SignupLimiter.key("::ffff:198.51.100.3")).as("IPv4-mapped is IPv4").isEqualTo("198.51.100.3");
        assertThat(SignupLimiter.key("2001:db8:1:2::1")).isEqualTo("2001:db8:1:2::/64");
    }
}
