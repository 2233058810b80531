package dev.policywatch.notifier.delivery;

import dev.policywatch.api.subscriptions.Channel;
import dev.policywatch.api.subscriptions.Filters;
import dev.policywatch.api.subscriptions.Mode;
import dev.policywatch.api.subscriptions.SubscriptionStatus;
import dev.policywatch.events.DocumentChange;
import dev.policywatch.notifier.Fixtures;
import dev.policywatch.notifier.subscription.Subscription;
import dev.policywatch.notifier.subscription.SubscriptionStore;
import dev.policywatch.support.db.SchemaMigrations;
import dev.policywatch.testing.RealInfrastructure;
import dev.policywatch.testing.TestInfra;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.assertj.core.api.Assertions.assertThat;

/** The outbox on real PostgreSQL: once per subscription and change, leases, digests. */
@ExtendWith(RealInfrastructure.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxTest {

    private SubscriptionStore subscriptions;
    private Outbox outbox;

    @BeforeAll
    void migrate(TestInfra infra) {
        SchemaMigrations.migrate(infra.dataSource(), "notifier");
        subscriptions = new SubscriptionStore(infra.dataSource());
        outbox = new Outbox(infra.dataSource(), LocalTime.of(8, 0), ZoneId.of("Asia/Shanghai"));
    }

    private Subscription subscription(Mode mode, Instant now) {
        Subscription s = new Subscription("s-" + UUID.randomUUID(), Channel.CONSOLE, "stdout", Filters.ALL, mode, null,
                null, SubscriptionStatus.ACTIVE, null, now, now);
        subscriptions.insert(s, "-");
        return s;
    }

    private List<Outbox.Claimed> claimFor(Subscription s, Instant now, Duration lease) {
        return outbox.claim(100, now, lease).stream().filter(c -> c.subscriptionId().equals(s.id())).toList();
    }

    @Test
    void recordingTheSameChangeTwiceAddsOneDelivery() {
        Instant now = Instant.parse("2026-03-01T00:00:00Z");
        Subscription s = subscription(Mode.IMMEDIATE, now);
        DocumentChange c = Fixtures.change("twice", "t", "a", "b");
        assertThat(outbox.record(c, List.of(s), now)).isEqualTo(1);
        assertThat(outbox.record(c, List.of(s), now)).isZero();
        List<Outbox.Claimed> claimed = claimFor(s, now, Duration.ofMinutes(1));
        assertThat(claimed).hasSize(1);
        outbox.markSent(List.of(claimed.get(0).id()), now);
    }

    @Test
    void aLeaseOfADeadSenderExpiresAndTheDeliveryIsClaimedAgainButASentOneNever() {
        Instant now = Instant.parse("2026-03-02T00:00:00Z");
        Subscription s = subscription(Mode.IMMEDIATE, now);
        outbox.record(Fixtures.change("lease1", "t", "a", "b"), List.of(s), now);
        outbox.record(Fixtures.change("lease2", "t", "a", "b"), List.of(s), now);
        List<Outbox.Claimed> first = claimFor(s, now, Duration.ofSeconds(30));
        assertThat(first).hasSize(2).noneMatch(Outbox.Claimed::reclaimed);
        outbox.markSent(List.of(first.get(0).id()), now); // the second sender "dies" before marking
        assertThat(claimFor(s, now.plusSeconds(10), Duration.ofSeconds(30))).isEmpty(); // still leased
        List<Outbox.Claimed> again = claimFor(s, now.plusSeconds(31), Duration.ofSeconds(30));
        assertThat(again).extracting(Outbox.Claimed::id).containsExactly(first.get(1).id());
        assertThat(again.get(0).reclaimed()).isTrue();
        outbox.markSent(List.of(again.get(0).id()), now);
        assertThat(claimFor(s, now.plusSeconds(3600), Duration.ofSeconds(30))).isEmpty();
    }

    @Test
    void aDailySubscriptionGetsTheDaysChangesTogetherAtItsDigestTime() {
        // 2026-03-03 01:00 UTC is 09:00 in Shanghai: the next 08:00 there is 2026-03-04 00:00 UTC
        Instant now = Instant.parse("2026-03-03T01:00:00Z");
        Subscription s = subscription(Mode.DAILY, now);
        outbox.record(Fixtures.change("day1", "t1", "a", "b"), List.of(s), now);
        outbox.record(Fixtures.change("day2", "t2", "a", "b"), List.of(s), now.plusSeconds(3600));
        assertThat(claimFor(s, Instant.parse("2026-03-03T23:59:59Z"), Duration.ofMinutes(1))).isEmpty();
        List<Outbox.Claimed> digest = claimFor(s, Instant.parse("2026-03-04T00:00:00Z"), Duration.ofMinutes(1));
        assertThat(digest).hasSize(2).allMatch(c -> "digest:2026-03-04".equals(c.batchKey()));
    }

    @Test
    void retryPolicyBacksOffExponentiallyWithJitterUpToTheCap() {
        RetryPolicy p = new RetryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(10), 5);
        assertThat(p.delay(1, () -> 1.0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(p.delay(3, () -> 1.0)).isEqualTo(Duration.ofMinutes(2));
        assertThat(p.delay(3, () -> 0.0)).isEqualTo(Duration.ofMinutes(1));
        assertThat(p.delay(20, () -> 1.0)).isEqualTo(Duration.ofMinutes(10));
        assertThat(p.retries(4)).isTrue();
        assertThat(p.retries(5)).isFalse();
    }
}
