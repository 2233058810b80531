package dev.policywatch.notifier.hook;

import dev.policywatch.net.RefusedAddressException;
import dev.policywatch.notifier.delivery.Alert;
import dev.policywatch.notifier.delivery.AlertContent;
import dev.policywatch.notifier.delivery.AlertSender;
import dev.policywatch.notifier.delivery.SendResult;
import dev.policywatch.notifier.ssrf.CheckedTarget;
import dev.policywatch.notifier.ssrf.WebhookClient;
import dev.policywatch.notifier.ssrf.WebhookPolicy;
import dev.policywatch.notifier.ssrf.WebhookRejected;
import dev.policywatch.api.subscriptions.Channel;
import dev.policywatch.notifier.subscription.Links;
import dev.policywatch.api.subscriptions.SubscriptionStatus;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Posts alerts of one {@link HookPlatform} to its subscriptions' webhooks. At each send the URL is
 * checked against the allow-list again and the {@link WebhookClient} connects only to an address it
 * resolved and checked itself; the target is paced within the platform's limits ({@link Pacer}: a send
 * that would exceed them is put back for the wait, as {@link SendResult.Throttled}). Answers: what the
 * platform reads in the body first (its error codes, {@link HookPlatform#read}); then 2xx sent; 429 waits
 * Retry-After for that webhook only (others go on); 5xx and network errors retry with backoff; 404/410
 * disable the subscription; a redirect is not followed and gives up; other 4xx give up. Thread-safe.
 */
public final class HookSender implements AlertSender {

    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(30);
    private static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);

    private final HookPlatform platform;
    private final WebhookPolicy policy;
    private final WebhookClient http;
    private final Links links;
    private final Clock clock;
    private final Pacer pacer = new Pacer();
    private final Map<String, Instant> pausedUntil = new ConcurrentHashMap<>();

    public HookSender(HookPlatform platform, WebhookPolicy policy, WebhookClient http, Links links, Clock clock) {
        this.platform = platform;
        this.policy = policy;
        this.http = http;
        this.links = links;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return platform.channel();
    }

    @Override
    public SendResult send(Alert alert) {
        String url = alert.subscription().target();
        Instant now = clock.instant();
        Instant paused = pausedUntil.get(url);
        if (paused != null && paused.isAfter(now)) {
            return new SendResult.Throttled("webhook rate-limited (429)", Duration.between(now, paused));
        }
        CheckedTarget target;
        try {
            target = policy.check(url);
        } catch (WebhookRejected e) {
            return new SendResult.Retry("webhook refused at send time: " + e.getMessage(), null);
        }
        Optional<Duration> wait = pacer.reserve(url, platform.limits(), now);
        if (wait.isPresent()) {
            return new SendResult.Throttled(channel().wire() + " rate limit of " + target.origin()
                    + " reached: paced", wait.get());
        }
        AlertContent content = alert.content(links::change);
        HookPlatform.Request request = platform.request(alert, content, target, now);
        WebhookClient.Reply reply;
        try {
            reply = http.post(request.target(), request.body(), "application/json; charset=utf-8", request.headers());
        } catch (RefusedAddressException e) {
            return new SendResult.Retry("webhook refused at send time: " + e.getMessage(), null);
        } catch (IOException e) {
            return new SendResult.Retry("webhook " + target.origin() + " unreachable: " + e, null);
        }
        Optional<SendResult> read = platform.read(reply);
        if (read.isPresent()) {
            return read.get();
        }
        return byStatus(url, target, reply, now);
    }

    private SendResult byStatus(String url, CheckedTarget target, WebhookClient.Reply reply, Instant now) {
        int status = reply.status();
        if (status >= 200 && status < 300) {
            return SendResult.sent();
        }
        String body = reply.body() == null ? "" : reply.body().strip();
        if (status == 429) {
            Duration wait = retryAfter(reply.headers().get("retry-after"));
            pausedUntil.merge(url, now.plus(wait), (a, b) -> a.isAfter(b) ? a : b);
            return new SendResult.Throttled("HTTP 429 from " + target.origin(), wait);
        }
        if (status == 404 || status == 410) {
            return new SendResult.Failed("webhook gone: HTTP " + status + " " + clip(body), SubscriptionStatus.BROKEN);
        }
        if (status >= 500) {
            return new SendResult.Retry("HTTP " + status + " from " + target.origin(), null);
        }
        if (status >= 300 && status < 400) {
            return new SendResult.Failed("webhook answered a redirect (HTTP " + status + "), which is not followed", null);
        }
        return new SendResult.Failed("webhook rejected the message: HTTP " + status + " " + clip(body), null);
    }

    static Duration retryAfter(String header) {
        if (header == null) {
            return DEFAULT_RETRY_AFTER;
        }
        try {
            long seconds = Long.parseLong(header.trim());
            Duration d = Duration.ofSeconds(Math.max(seconds, 1));
            return d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d;
        } catch (NumberFormatException e) {
            return DEFAULT_RETRY_AFTER;
        }
    }

    /** A reply body for a reason: one line, at most 200 characters. */
    public static String clip(String s) {
        String flat = s == null ? "" : s.replaceAll("\\s+", " ");
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }
}
