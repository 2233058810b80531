package dev.policywatch.notifier;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The notifier's settings ({@code policywatch.notifier.*}), with their defaults in code. The signing
 * key is a secret: not in {@link #toString()}. See docs/notifier.md for each key.
 */
@Singleton
public final class NotifierSettings {

    /**
     * The official hook hosts of each platform: Slack, WeCom, DingTalk, Feishu, Lark, and Teams Workflows
     * (Power Automate: regional hosts under logic.azure.com and environment.api.powerplatform.com).
     */
    public static final String DEFAULT_ALLOWED_HOSTS = "hooks.slack.com,qyapi.weixin.qq.com,oapi.dingtalk.com,"
            + "open.feishu.cn,open.larksuite.com,*.logic.azure.com,*.environment.api.powerplatform.com";

    private final String groupId;
    private final String signingKey;
    private final List<String> allowedHosts;
    private final LocalTime digestTime;
    private final ZoneId digestZone;
    private final Duration pollInterval;
    private final int workerThreads;
    private final int batchSize;
    private final Duration lease;
    private final Duration sendTimeout;
    private final Duration retryMinBackoff;
    private final Duration retryMaxBackoff;
    private final int maxAttempts;
    private final Duration backoff;
    private final Duration maxBackoff;
    private final Duration confirmTtl;
    private final int signupsPerHour;
    private final boolean console;

    public NotifierSettings(
            @Value("${policywatch.notifier.group-id:policywatch-notifier}") String groupId,
            @Nullable @Value("${policywatch.notifier.signing-key:}") String signingKey,
            @Value("${policywatch.notifier.webhook.allowed-hosts:" + DEFAULT_ALLOWED_HOSTS + "}") List<String> allowedHosts,
            @Value("${policywatch.notifier.digest.time:08:00}") String digestTime,
            @Value("${policywatch.notifier.digest.zone:UTC}") String digestZone,
            @Value("${policywatch.notifier.worker.poll-interval:1s}") Duration pollInterval,
            @Value("${policywatch.notifier.worker.threads:4}") int workerThreads,
            @Value("${policywatch.notifier.worker.batch-size:20}") int batchSize,
            @Value("${policywatch.notifier.worker.lease:2m}") Duration lease,
            @Value("${policywatch.notifier.delivery.send-timeout:30s}") Duration sendTimeout,
            @Value("${policywatch.notifier.outage.min-backoff:1s}") Duration retryMinBackoff,
            @Value("${policywatch.notifier.outage.max-backoff:30s}") Duration retryMaxBackoff,
            @Value("${policywatch.notifier.delivery.max-attempts:8}") int maxAttempts,
            @Value("${policywatch.notifier.delivery.backoff:30s}") Duration backoff,
            @Value("${policywatch.notifier.delivery.max-backoff:1h}") Duration maxBackoff,
            @Value("${policywatch.notifier.confirm-ttl:7d}") Duration confirmTtl,
            @Value("${policywatch.notifier.signup.per-hour:10}") int signupsPerHour,
            @Value("${policywatch.notifier.console.enabled:false}") boolean console) {
        this.groupId = require(groupId, "policywatch.notifier.group-id");
        this.signingKey = signingKey == null || signingKey.isBlank() ? null : signingKey.trim();
        this.allowedHosts = List.copyOf(allowedHosts);
        this.digestTime = LocalTime.parse(digestTime.trim());
        this.digestZone = ZoneId.of(digestZone.trim());
        this.pollInterval = positive(pollInterval, "policywatch.notifier.worker.poll-interval");
        this.workerThreads = atLeastOne(workerThreads, "policywatch.notifier.worker.threads");
        this.batchSize = atLeastOne(batchSize, "policywatch.notifier.worker.batch-size");
        this.lease = positive(lease, "policywatch.notifier.worker.lease");
        this.sendTimeout = positive(sendTimeout, "policywatch.notifier.delivery.send-timeout");
        this.retryMinBackoff = positive(retryMinBackoff, "policywatch.notifier.outage.min-backoff");
        this.retryMaxBackoff = positive(retryMaxBackoff, "policywatch.notifier.outage.max-backoff");
        if (retryMaxBackoff.compareTo(retryMinBackoff) < 0) {
            throw new IllegalArgumentException("policywatch.notifier.outage.max-backoff must not be less than min-backoff");
        }
        this.maxAttempts = atLeastOne(maxAttempts, "policywatch.notifier.delivery.max-attempts");
        this.backoff = positive(backoff, "policywatch.notifier.delivery.backoff");
        this.maxBackoff = positive(maxBackoff, "policywatch.notifier.delivery.max-backoff");
        this.confirmTtl = positive(confirmTtl, "policywatch.notifier.confirm-ttl");
        this.signupsPerHour = atLeastOne(signupsPerHour, "policywatch.notifier.signup.per-hour");
        this.console = console;
    }

    private static String require(String v, String key) {
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(key + " must not be empty");
        }
        return v.trim();
    }

    private static Duration positive(Duration d, String key) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(key + " must be a positive duration, was " + d);
        }
        return d;
    }

    private static int atLeastOne(int v, String key) {
        if (v < 1) {
            throw new IllegalArgumentException(key + " must be at least 1, was " + v);
        }
        return v;
    }

    /** Consumer group of the changes consumer. */
    public String groupId() {
        return groupId;
    }

    /** The configured link-signing key, if any (else one is generated and kept in the database). */
    public Optional<String> signingKey() {
        return Optional.ofNullable(signingKey);
    }

    public List<String> allowedHosts() {
        return allowedHosts;
    }

    public LocalTime digestTime() {
        return digestTime;
    }

    public ZoneId digestZone() {
        return digestZone;
    }

    public Duration pollInterval() {
        return pollInterval;
    }

    public int workerThreads() {
        return workerThreads;
    }

    public int batchSize() {
        return batchSize;
    }

    /** How long a claimed delivery stays claimed; a crashed sender's claim expires after it. */
    public Duration lease() {
        return lease;
    }

    /**
     * The longest one send may take (connect plus read for webhooks, the SMTP timeouts for email): a
     * worker claims at most lease ÷ send-timeout deliveries at a time.
     */
    public Duration sendTimeout() {
        return sendTimeout;
    }

    /** First wait after a consumer or worker round failed on an outage (database, broker); doubles. */
    public Duration retryMinBackoff() {
        return retryMinBackoff;
    }

    /** Longest wait between retries through an outage. */
    public Duration retryMaxBackoff() {
        return retryMaxBackoff;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration backoff() {
        return backoff;
    }

    public Duration maxBackoff() {
        return maxBackoff;
    }

    public Duration confirmTtl() {
        return confirmTtl;
    }

    public int signupsPerHour() {
        return signupsPerHour;
    }

    /** Whether a {@code console} subscription is created at start (the standalone's --demo). */
    public boolean console() {
        return console;
    }

    @Override
    public String toString() {
        return "NotifierSettings[groupId=" + groupId + ", allowedHosts=" + allowedHosts + ", digest=" + digestTime
                + " " + digestZone + ", pollInterval=" + pollInterval + ", workerThreads=" + workerThreads
                + ", maxAttempts=" + maxAttempts + ", signingKey=" + (signingKey == null ? "generated" : "set") + "]";
    }
}
