package dev.policywatch.notifier.slack;

import dev.policywatch.events.EventJson;
import dev.policywatch.notifier.delivery.Alert;
import dev.policywatch.notifier.delivery.AlertContent;
import dev.policywatch.notifier.delivery.SendResult;
import dev.policywatch.notifier.hook.HookPlatform;
import dev.policywatch.notifier.hook.HookSender;
import dev.policywatch.notifier.hook.Pacer;
import dev.policywatch.notifier.ssrf.CheckedTarget;
import dev.policywatch.notifier.ssrf.WebhookClient;
import dev.policywatch.api.subscriptions.Channel;
import dev.policywatch.api.subscriptions.SubscriptionStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Slack incoming webhooks: Block Kit ({@link SlackMessages}); Slack's error words {@code no_service},
 * {@code channel_not_found} and {@code channel_is_archived} mark the subscription broken, whatever the
 * status. Slack paces by answering 429 with Retry-After, which the {@link HookSender} honours.
 */
public final class SlackWebhook implements HookPlatform {

    @Override
    public Channel channel() {
        return Channel.SLACK;
    }

    @Override
    public List<Pacer.Limit> limits() {
        return List.of();
    }

    @Override
    public Request request(Alert alert, AlertContent content, CheckedTarget target, Instant now) {
        return new Request(target, EventJson.write(SlackMessages.alert(content)), Map.of());
    }

    @Override
    public Optional<SendResult> read(WebhookClient.Reply reply) {
        String body = reply.body() == null ? "" : reply.body().strip();
        if (body.contains("no_service") || body.contains("channel_not_found") || body.contains("channel_is_archived")) {
            return Optional.of(new SendResult.Failed("webhook gone: HTTP " + reply.status() + " " + HookSender.clip(body),
                    SubscriptionStatus.BROKEN));
        }
        return Optional.empty();
    }
}
