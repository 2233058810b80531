package dev.policywatch.notifier.webhook;

import dev.policywatch.events.DocumentChange;
import dev.policywatch.events.EventJson;
import dev.policywatch.notifier.delivery.Alert;
import dev.policywatch.notifier.delivery.AlertContent;
import dev.policywatch.notifier.delivery.SendResult;
import dev.policywatch.notifier.hook.HookPlatform;
import dev.policywatch.notifier.hook.Hmac;
import dev.policywatch.notifier.hook.Pacer;
import dev.policywatch.notifier.ssrf.CheckedTarget;
import dev.policywatch.notifier.ssrf.WebhookClient;
import dev.policywatch.api.subscriptions.Channel;
import dev.policywatch.notifier.subscription.HookTargets;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A generic webhook, signed per the Standard Webhooks specification (1.0): the body is the
 * DocumentChange JSON of CONTRACT §2 (a daily digest: a JSON array of them), with the headers
 * {@code webhook-id} (the same for every retry of a message, so a receiver can drop duplicates),
 * {@code webhook-timestamp} (Unix seconds) and {@code webhook-signature: v1,<base64>} — HMAC-SHA256 keyed
 * with the base64-decoded part of the subscription's {@code whsec_} secret over
 * {@code id + "." + timestamp + "." + body}. No markup: the data is the receiver's to render. A 410 Gone
 * disables the subscription (as the specification suggests); a 404 is retried like an outage.
 */
public final class StandardWebhook implements HookPlatform {

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    @Override
    public List<Pacer.Limit> limits() {
        return List.of();
    }

    /** The body: the change, or for a digest the array of changes. */
    public static byte[] body(List<DocumentChange> changes, boolean digest) {
        return digest ? EventJson.write(changes) : EventJson.write(changes.get(0));
    }

    /** The {@code webhook-signature} value of a message. */
    public static String signature(String secret, String id, long timestamp, byte[] body) {
        byte[] key = HookTargets.standardWebhooksKey(secret);
        byte[] prefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] signed = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        return "v1," + Hmac.sha256Base64(key, signed);
    }

    @Override
    public Request request(Alert alert, AlertContent content, CheckedTarget target, Instant now) {
        byte[] body = body(alert.changes(), alert.digest());
        String id = "msg_" + alert.subscription().id() + "_" + alert.deliveryId();
        long timestamp = now.getEpochSecond();
        String secret = alert.subscription().secret();
        Map<String, String> headers = secret == null
                ? Map.of("webhook-id", id, "webhook-timestamp", String.valueOf(timestamp))
                : Map.of("webhook-id", id, "webhook-timestamp", String.valueOf(timestamp),
                        "webhook-signature", signature(secret, id, timestamp, body));
        return new Request(target, body, headers);
    }

    @Override
    public Optional<SendResult> read(WebhookClient.Reply reply) {
        if (reply.status() == 404) {
            return Optional.of(new SendResult.Retry("HTTP 404 from the webhook (retried; 410 Gone disables)", null));
        }
        return Optional.empty();
    }
}
