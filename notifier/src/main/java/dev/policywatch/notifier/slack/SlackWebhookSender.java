package dev.policywatch.notifier.slack;

import dev.policywatch.api.subscriptions.Channel;
import dev.policywatch.api.subscriptions.SubscriptionStatus;
import dev.policywatch.events.EventJson;
import dev.policywatch.net.RefusedAddressException;
import dev.policywatch.notifier.delivery.Alert;
import dev.policywatch.notifier.delivery.AlertSender;
import dev.policywatch.notifier.delivery.SendResult;
import dev.policywatch.notifier.ssrf.CheckedTarget;
import dev.policywatch.notifier.ssrf.WebhookClient;
import dev.policywatch.notifier.ssrf.WebhookPolicy;
import dev.policywatch.notifier.ssrf.WebhookRejected;
import dev.policywatch.notifier.subscription.Links;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Posts alerts to Slack incoming webhooks. The URL is checked against the allow-list again at each
 * send, and the {@link WebhookClient} connects only to an address it resolved and checked itself. Answers: 2xx sent; 429 waits Retry-After
 * for that webhook only (other webhooks go on); 5xx and network errors retry with backoff; 404/410 or
 * {@code no_service}/{@code channel_not_found}/{@code channel_is_archived} mark the subscription broken;
 * a redirect is not followed and gives up. Thread-safe.
 */
public final class SlackWebhookSender implements AlertSender {

    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(30);
    private static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);

    private final WebhookPolicy policy;
    private final WebhookClient http;
    private final Links links;
    private final Clock clock;
    private final Map<String, Instant> pausedUntil = new ConcurrentHashMap<>();

    public SlackWebhookSender(WebhookPolicy policy, WebhookClient http, Links links, Clock clock) {
        this.policy = policy;
        this.http = http;
        this.links = links;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.SLACK;
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
        byte[] payload = EventJson.write(SlackMessages.alert(alert.changes(), alert.digest(), links::change));
        WebhookClient.Reply reply;
        try {
            reply = http.post(target, payload, "application/json; charset=utf-8");
        } catch (RefusedAddressException e) {
            return new SendResult.Retry("webhook refused at send time: " + e.getMessage(), null);
        } catch (IOException e) {
            return new SendResult.Retry("webhook " + target.origin() + " unreachable: " + e, null);
        }
        int status = reply.status();
        String body = reply.body() == null ? "" : reply.body().strip();
        if (status >= 200 && status < 300) {
            return SendResult.sent();
        }
        if (status == 429) {
            Duration wait = retryAfter(reply.headers().get("retry-after"));
            pausedUntil.merge(url, now.plus(wait), (a, b) -> a.isAfter(b) ? a : b);
            return new SendResult.Throttled("HTTP 429 from " + target.origin(), wait);
        }
        if (status == 404 || status == 410 || body.contains("no_service") || body.contains("channel_not_found")
                || body.contains("channel_is_archived")) {
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

    private static String clip(String s) {
        String flat = s.replaceAll("\\s+", " ");
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }
}
