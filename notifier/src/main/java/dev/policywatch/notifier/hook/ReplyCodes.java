package dev.policywatch.notifier.hook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.policywatch.events.EventJson;
import dev.policywatch.notifier.delivery.SendResult;
import dev.policywatch.notifier.ssrf.WebhookClient;
import dev.policywatch.api.subscriptions.SubscriptionStatus;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the error code a platform puts in its answer's JSON body ({@code errcode} for WeCom and DingTalk,
 * {@code code} or the older {@code StatusCode} for Feishu), usually with HTTP 200: 0 is success; a
 * {@code transient} code (rate limited, system busy) is retried with backoff; a {@code permanent} one (the
 * key or token is invalid, the signature does not match, the robot was removed) gives up and marks the
 * subscription broken with the platform's message as the reason; any other code is retried with backoff
 * until the outbox gives up and dead-letters it (nothing is lost on a code we do not know). A body that
 * is not JSON, or has none of the fields, leaves the decision to the HTTP status. Immutable.
 *
 * @param platform    the platform's name for reasons ("WeCom")
 * @param codeFields  the fields that may hold the code, in order
 * @param msgFields   the fields that may hold the message
 * @param transients  codes worth retrying
 * @param permanents  codes that disable the subscription
 */
public record ReplyCodes(String platform, List<String> codeFields, List<String> msgFields, Set<Long> transients,
        Set<Long> permanents) {

    public ReplyCodes {
        codeFields = List.copyOf(codeFields);
        msgFields = List.copyOf(msgFields);
        transients = Set.copyOf(transients);
        permanents = Set.copyOf(permanents);
    }

    /** The outcome the body's code says, or empty when the body carries no code. */
    public Optional<SendResult> read(WebhookClient.Reply reply) {
        JsonNode body = json(reply.body());
        if (body == null) {
            return Optional.empty();
        }
        JsonNode code = codeFields.stream().map(body::get).filter(n -> n != null && n.canConvertToLong()).findFirst()
                .orElse(null);
        if (code == null) {
            return Optional.empty();
        }
        long value = code.asLong();
        boolean ok = reply.status() >= 200 && reply.status() < 300;
        if (value == 0) {
            return ok ? Optional.of(SendResult.sent()) : Optional.empty();
        }
        String message = msgFields.stream().map(body::get).filter(n -> n != null && n.isTextual()).map(JsonNode::asText)
                .findFirst().orElse("");
        String reason = platform + " error " + value + (message.isBlank() ? "" : " (" + clip(message) + ")")
                + " with HTTP " + reply.status();
        if (permanents.contains(value)) {
            return Optional.of(new SendResult.Failed(reason, SubscriptionStatus.BROKEN));
        }
        // transient, and unknown codes: retried with backoff; the outbox gives up after its attempts
        return Optional.of(new SendResult.Retry(transients.contains(value) ? reason : reason + " (unknown code)", null));
    }

    private static JsonNode json(String body) {
        if (body == null || body.isBlank() || body.strip().charAt(0) != '{') {
            return null;
        }
        try {
            JsonNode n = EventJson.mapper().readTree(body);
            return n != null && n.isObject() ? n : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String clip(String s) {
        String flat = s.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }
}
